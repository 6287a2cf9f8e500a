// 单位和用户 (系统管理员): the unit tree with a form to add a unit, and the user table
// with a form to add a user. The server checks passwords and 三员分立; its messages show here.

import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Row,
  Select,
  Spin,
  Table,
  Tag,
  Tree,
  TreeSelect,
} from 'antd';
import { useState } from 'react';
import { post } from '../api/client.ts';
import type { Unit } from '../api/types.ts';
import { unitTree, useUnitsAndUsers, type AdminUser } from '../components/admin-data.tsx';
import { AdminGuard, errorText, UNIT_KIND_LABELS } from '../components/admin-guard.tsx';
import { ROLE_LABELS, type Role } from '../../../src/domain/case/case-state.ts';

const kindLabel = (k: string) => UNIT_KIND_LABELS[k] ?? k;

interface UnitForm {
  name: string;
  parentId?: string;
  kind: string;
}

interface UserForm {
  username: string;
  displayName: string;
  unitId: string;
  password: string;
  badgeNumber?: string;
}

function UnitsCard({ units, reload }: { units: Unit[]; reload: () => Promise<void> }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tree = unitTree(units, kindLabel);

  const submit = async (v: UnitForm) => {
    setBusy(true);
    setError(null);
    try {
      await post<Unit>('/api/v1/units', {
        name: v.name.trim(),
        parentId: v.parentId ?? null,
        kind: v.kind,
      });
      void message.success(`已新建单位：${v.name}`);
      form.resetFields();
      await reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="单位" style={{ marginBottom: 16 }}>
      {tree.length === 0 ? (
        <Empty description="尚无单位" />
      ) : (
        <Tree
          treeData={tree}
          defaultExpandAll
          selectable={false}
          aria-label="单位树"
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} aria-label="新建单位">
        {error && (
          <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />
        )}
        <Form.Item
          label="单位名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请输入单位名称' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="上级单位" name="parentId" extra="不选则为顶级单位">
          <TreeSelect
            treeData={tree}
            allowClear
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
            placeholder="请选择上级单位"
          />
        </Form.Item>
        <Form.Item
          label="单位类型"
          name="kind"
          rules={[{ required: true, message: '请选择单位类型' }]}
        >
          <Select
            placeholder="请选择"
            options={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          新建单位
        </Button>
      </Form>
    </Card>
  );
}

function UsersCard({
  units,
  users,
  reload,
}: {
  units: Unit[];
  users: AdminUser[];
  reload: () => Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UserForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const tree = unitTree(units, kindLabel);

  const submit = async (v: UserForm) => {
    setBusy(true);
    setError(null);
    try {
      await post<AdminUser>('/api/v1/users', {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        unitId: v.unitId,
        password: v.password,
        badgeNumber: v.badgeNumber?.trim() || null,
      });
      void message.success(`已新建用户：${v.displayName}（${v.username}），请由安全管理员授予角色`);
      form.resetFields();
      await reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Card title="新建用户" style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={submit} aria-label="新建用户">
          {error && (
            <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />
          )}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                label="用户名"
                name="username"
                rules={[
                  { required: true, message: '请输入用户名' },
                  { pattern: /^[a-z0-9._-]{3,40}$/, message: '3 至 40 位小写字母、数字或 . _ -' },
                ]}
              >
                <Input autoComplete="off" maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="姓名"
                name="displayName"
                rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
              >
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="所属单位"
                name="unitId"
                rules={[{ required: true, message: '请选择所属单位' }]}
              >
                <TreeSelect
                  treeData={tree}
                  treeDefaultExpandAll
                  showSearch
                  treeNodeFilterProp="title"
                  placeholder="请选择单位"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="执法证号" name="badgeNumber" extra="执法人员填写，可不填">
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="初始密码"
                name="password"
                rules={[{ required: true, message: '请输入初始密码' }]}
              >
                <Input.Password autoComplete="new-password" maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={busy}>
            新建用户
          </Button>
        </Form>
      </Card>
      <Card title={`用户（${users.length}）`}>
        <Table<AdminUser>
          rowKey="id"
          size="small"
          dataSource={users}
          pagination={users.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 640 }}
          locale={{ emptyText: <Empty description="尚无用户" /> }}
          columns={[
            { title: '用户名', dataIndex: 'username', width: 120 },
            { title: '姓名', dataIndex: 'display_name', width: 110 },
            {
              title: '单位',
              dataIndex: 'unit_id',
              render: (id: string) => unitName.get(id) ?? '—',
            },
            {
              title: '角色',
              dataIndex: 'roles',
              render: (roles: string[]) =>
                roles.length === 0 ? (
                  <Tag>未授权</Tag>
                ) : (
                  roles.map((r) => <Tag key={r}>{ROLE_LABELS[r as Role] ?? r}</Tag>)
                ),
            },
            {
              title: '执法证号',
              dataIndex: 'badge_number',
              width: 130,
              render: (b: string | null) => b ?? '—',
            },
          ]}
        />
      </Card>
    </>
  );
}

function AdminUsers() {
  const { units, users, error, reload } = useUnitsAndUsers(true);
  if (error) return <Alert type="error" showIcon title="加载失败" description={error} />;
  if (!units || !users)
    return <Spin description="加载中…" style={{ display: 'block', margin: '20vh auto' }} />;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={9}>
        <UnitsCard units={units} reload={reload} />
      </Col>
      <Col xs={24} xl={15}>
        <UsersCard units={units} users={users} reload={reload} />
      </Col>
    </Row>
  );
}

export default function AdminUsersPage() {
  return (
    <AdminGuard role="sysadmin">
      <AdminUsers />
    </AdminGuard>
  );
}
