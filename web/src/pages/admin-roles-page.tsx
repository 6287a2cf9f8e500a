// 角色授权 (安全管理员): each user's roles as a multi-select, saved one user at a time.
// 三员分立 is the server's rule; a refused change shows its ROLE_CONFLICT message on the row.

import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Input,
  Select,
  Space,
  Spin,
  Table,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { put } from '../api/client.ts';
import { useUnitsAndUsers, type AdminUser } from '../components/admin-data.tsx';
import { AdminGuard, errorText } from '../components/admin-guard.tsx';
import { ROLE_LABELS, ROLES } from '../../../src/domain/case/case-state.ts';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

const same = (a: string[], b: string[]) => a.length === b.length && a.every((r) => b.includes(r));

function AdminRoles() {
  const { message } = App.useApp();
  const { units, users, error, setUsers } = useUnitsAndUsers(true);
  const [drafts, setDrafts] = useState<Record<string, string[]>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const unitName = useMemo(() => new Map((units ?? []).map((u) => [u.id, u.name])), [units]);

  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (users ?? []).filter(
      (u) => !f || u.username.toLowerCase().includes(f) || u.display_name.includes(f),
    );
  }, [users, filter]);

  if (error) return <Alert type="error" showIcon title="加载失败" description={error} />;
  if (!users)
    return <Spin description="加载中…" style={{ display: 'block', margin: '20vh auto' }} />;

  const save = async (user: AdminUser) => {
    const roles = drafts[user.id] ?? user.roles;
    setSaving(user.id);
    setErrors(({ [user.id]: _, ...rest }) => rest);
    try {
      const saved = await put<AdminUser>(`/api/v1/users/${user.id}/roles`, { roles });
      setUsers(
        (list) => list?.map((u) => (u.id === user.id ? { ...u, roles: saved.roles } : u)) ?? null,
      );
      setDrafts(({ [user.id]: _, ...rest }) => rest);
      void message.success(`已保存${user.display_name}的角色`);
    } catch (e) {
      setErrors((m) => ({ ...m, [user.id]: errorText(e) }));
    } finally {
      setSaving(null);
    }
  };

  return (
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
        <Table<AdminUser>
          rowKey="id"
          size="small"
          dataSource={shown}
          pagination={shown.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 720 }}
          locale={{ emptyText: <Empty description="没有用户" /> }}
          columns={[
            { title: '用户名', dataIndex: 'username', width: 120 },
            { title: '姓名', dataIndex: 'display_name', width: 110 },
            {
              title: '单位',
              dataIndex: 'unit_id',
              width: 180,
              render: (id: string) => unitName.get(id) ?? '—',
            },
            {
              title: '角色',
              key: 'roles',
              render: (_: unknown, u) => (
                <div data-user={u.username}>
                  <Select
                    mode="multiple"
                    aria-label={`${u.display_name}（${u.username}）的角色`}
                    style={{ width: '100%', minWidth: 220 }}
                    placeholder="未授予角色"
                    value={drafts[u.id] ?? u.roles}
                    options={ROLE_OPTIONS}
                    optionFilterProp="label"
                    onChange={(roles: string[]) => setDrafts((d) => ({ ...d, [u.id]: roles }))}
                  />
                  {errors[u.id] && (
                    <Typography.Text
                      type="danger"
                      role="alert"
                      style={{ display: 'block', marginTop: 4 }}
                    >
                      {errors[u.id]}
                    </Typography.Text>
                  )}
                </div>
              ),
            },
            {
              title: '操作',
              key: 'save',
              width: 90,
              render: (_: unknown, u) => (
                <Button
                  type="primary"
                  size="small"
                  aria-label={`保存${u.display_name}（${u.username}）的角色`}
                  disabled={same(drafts[u.id] ?? u.roles, u.roles)}
                  loading={saving === u.id}
                  onClick={() => void save(u)}
                >
                  保存
                </Button>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

export default function AdminRolesPage() {
  return (
    <AdminGuard role="secadmin">
      <AdminRoles />
    </AdminGuard>
  );
}
