// 重置密码 (系统管理员): a new password for a user who lost theirs or is locked out. The
// user must change it at their next sign-in; an administrator's password is never reset
// here (三员分立), which the server refuses and this button does not offer.

import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { ResetPasswordBody, User } from '../../../../src/contract/account.schemas.ts';
import { ADMIN_ROLES } from '../../../../src/contract/labels.ts';
import { put } from '@shared/api-client.ts';
import { FormError } from '@shared/form-error.tsx';
import { required } from '@shared/form-rules.ts';
import { useSubmit } from '@shared/use-submit.ts';

const who = (u: User) => `${u.displayName}（${u.username}）`;

/** Whether the system administrator may reset this user's password: not an administrator's. */
export function mayReset(user: User): boolean {
  return !user.roles.some((r) => (ADMIN_ROLES as readonly string[]).includes(r));
}

export function ResetPasswordButton({ user, onReset }: { user: User; onReset: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ResetPasswordBody>();
  const { busy, error, setError, submit } = useSubmit(async (v: ResetPasswordBody) => {
    await put<User>(`/api/v1/users/${user.id}/password`, { password: v.password });
    void message.success(`已重置${who(user)}的密码，请告知本人；下次登录时须修改`);
    setOpen(false);
    form.resetFields();
    onReset();
  });
  const close = () => {
    setOpen(false);
    setError(null);
    form.resetFields();
  };

  return (
    <>
      <Button size="small" aria-label={`重置${who(user)}的密码`} onClick={() => setOpen(true)}>
        重置密码
      </Button>
      <Modal
        title={`重置${who(user)}的密码`}
        open={open}
        onCancel={close}
        okText="重置密码"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          // Its own field ids: the new user form on the same page has a `password` too.
          name={`reset-${user.id}`}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          aria-label={`重置${who(user)}的密码`}
        >
          <FormError error={error} />
          <Form.Item
            label="新密码"
            name="password"
            rules={[required('请输入新密码')]}
            extra="用户下次登录时须修改此密码；原有会话随即结束，账号锁定解除"
          >
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
