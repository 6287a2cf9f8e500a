// 角色授权 (安全管理员): each user's roles as a multi-select, saved one user at a time.
// 三员分立 is the server's rule; a refused change shows its ROLE_CONFLICT message on the row.

import { App, Card, Input, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { RolesBody, Unit, User } from '../../../../src/contract/account.schemas.ts';
import type { Role } from '../../../../src/contract/labels.ts';
import { put } from '@shared/api-client.ts';
import { errorText } from '@shared/error-text.ts';
import { Loaded } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { RoleSaveButton, RolesSelect } from './roles-select.tsx';
import { UsersTable } from './users-table.tsx';

export default function AdminRolesPage() {
  const { message } = App.useApp();
  const units = useFetch<Unit[]>('/api/v1/units');
  const users = useFetch<User[]>('/api/v1/users');
  const [drafts, setDrafts] = useState<Record<string, Role[]>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const [filter, setFilter] = useState('');

  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (users.data ?? []).filter(
      (u) => !f || u.username.toLowerCase().includes(f) || u.displayName.includes(f),
    );
  }, [users.data, filter]);

  const save = async (user: User) => {
    const body: RolesBody = { roles: drafts[user.id] ?? user.roles };
    setSaving(user.id);
    setErrors(({ [user.id]: _, ...rest }) => rest);
    try {
      const saved = await put<User>(`/api/v1/users/${user.id}/roles`, body);
      users.update((list) => list.map((u) => (u.id === user.id ? saved : u)));
      setDrafts(({ [user.id]: _, ...rest }) => rest);
      void message.success(`已保存${user.displayName}的角色`);
    } catch (e) {
      setErrors((m) => ({ ...m, [user.id]: errorText(e) }));
    } finally {
      setSaving(null);
    }
  };

  return (
    // The table once both lists are there: units arriving after the rows would rename the
    // unit column and move every row (and its save button) while it is being used.
    <Loaded data={users.data && units.data} error={users.error ?? units.error} page>
      {(unitList) => (
        <Card title="角色授权">
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <Typography.Text type="secondary">
              同一账号不得兼任两个管理员角色，管理员不得担任业务角色（三员分立），由系统在保存时校验。
            </Typography.Text>
            <label style={{ display: 'block', maxWidth: 320 }}>
              <span style={{ display: 'block', marginBottom: 4 }}>查找用户</span>
              <Input
                allowClear
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                placeholder="用户名或姓名"
              />
            </label>
            <UsersTable
              users={shown}
              units={unitList}
              empty="没有用户"
              columns={[
                {
                  title: '角色',
                  key: 'roles',
                  render: (_: unknown, u) => (
                    <RolesSelect
                      user={u}
                      value={drafts[u.id] ?? u.roles}
                      error={errors[u.id]}
                      onChange={(roles) => setDrafts((d) => ({ ...d, [u.id]: roles }))}
                    />
                  ),
                },
                {
                  title: '操作',
                  key: 'save',
                  width: 90,
                  render: (_: unknown, u) => (
                    <RoleSaveButton
                      user={u}
                      draft={drafts[u.id]}
                      saving={saving === u.id}
                      onSave={() => void save(u)}
                    />
                  ),
                },
              ]}
            />
          </Space>
        </Card>
      )}
    </Loaded>
  );
}
