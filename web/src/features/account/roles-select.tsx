// One user's roles on the 角色授权 page: the choice, the server's refusal under it, and
// the save button, enabled once the choice differs from what is stored.

import { Button, Select, Typography } from 'antd';
import type { User } from '../../../../src/contract/account.schemas.ts';
import { ROLE_LABELS, ROLES, type Role } from '../../../../src/contract/labels.ts';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

const who = (u: User) => `${u.displayName}（${u.username}）`;

export function RolesSelect({
  user,
  value,
  error,
  onChange,
}: {
  user: User;
  value: Role[];
  error: string | undefined;
  onChange: (roles: Role[]) => void;
}) {
  return (
    <div data-user={user.username}>
      <Select
        mode="multiple"
        aria-label={`${who(user)}的角色`}
        style={{ width: '100%', minWidth: 220 }}
        placeholder="未授予角色"
        value={value}
        options={ROLE_OPTIONS}
        optionFilterProp="label"
        onChange={onChange}
      />
      {error && (
        <Typography.Text type="danger" role="alert" style={{ display: 'block', marginTop: 4 }}>
          {error}
        </Typography.Text>
      )}
    </div>
  );
}

const same = (a: readonly Role[], b: readonly Role[]) =>
  a.length === b.length && a.every((r) => b.includes(r));

export function RoleSaveButton({
  user,
  draft,
  saving,
  onSave,
}: {
  user: User;
  draft: Role[] | undefined;
  saving: boolean;
  onSave: () => void;
}) {
  return (
    <Button
      type="primary"
      size="small"
      aria-label={`保存${who(user)}的角色`}
      disabled={same(draft ?? user.roles, user.roles)}
      loading={saving}
      onClick={onSave}
    >
      保存
    </Button>
  );
}
