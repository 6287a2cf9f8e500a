// 停用 / 启用 (系统管理员): an account whose holder left, say, is disabled: its sessions end at
// once and it cannot sign in; it can be enabled again. Never the administrator's own nor
// another administrator's (三员分立), which the server refuses and this button does not offer.

import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import type { DisabledBody, User } from '../../../../src/contract/account.schemas.ts';
import { put } from '@shared/api-client.ts';
import { errorText } from '@shared/error-text.ts';

const who = (u: User) => `${u.displayName}（${u.username}）`;

export function DisableAccountButton({
  user,
  onChanged,
}: {
  user: User;
  /** The account as the server now has it. */
  onChanged: (user: User) => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const disable = !user.disabled;
  const verb = disable ? '停用' : '启用';

  const change = async () => {
    setBusy(true);
    try {
      const body: DisabledBody = { disabled: disable };
      const saved = await put<User>(`/api/v1/users/${user.id}/disabled`, body);
      onChanged(saved);
      void message.success(
        disable ? `已停用${who(user)}的账号，其会话已结束` : `已启用${who(user)}的账号`,
      );
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popconfirm
      title={`${verb}${who(user)}的账号？`}
      description={
        disable ? '停用后该用户立即退出，且不能登录，直至重新启用。' : '启用后该用户可以重新登录。'
      }
      okText={verb}
      cancelText="取消"
      onConfirm={() => void change()}
    >
      <Button size="small" danger={disable} loading={busy} aria-label={`${verb}${who(user)}的账号`}>
        {verb}
      </Button>
    </Popconfirm>
  );
}
