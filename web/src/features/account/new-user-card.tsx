// 新建用户 (系统管理员): the account without roles; the 安全管理员 grants them. The
// server checks the password policy, and its message shows above the form.

import { App, Button, Card, Col, Form, Input, Row, TreeSelect } from 'antd';
import type { NewUserBody, Unit, User } from '../../../../src/contract/account.schemas.ts';
import { post } from '../../shared/api-client.ts';
import { FormError } from '../../shared/form-error.tsx';
import { useSubmit } from '../../shared/use-submit.ts';
import { unitTree } from './unit-tree.ts';

interface UserForm {
  username: string;
  displayName: string;
  unitId: string;
  password: string;
  badgeNumber?: string;
}

export function NewUserCard({ units, onAdded }: { units: Unit[]; onAdded: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UserForm>();
  const { busy, error, submit } = useSubmit(async (v: UserForm) => {
    const body: NewUserBody = {
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      unitId: v.unitId,
      password: v.password,
      badgeNumber: v.badgeNumber?.trim() || null,
    };
    await post<User>('/api/v1/users', body);
    void message.success(`已新建用户：${v.displayName}（${v.username}），请由安全管理员授予角色`);
    form.resetFields();
    onAdded();
  });

  return (
    <Card title="新建用户" style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="新建用户">
        <FormError error={error} />
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
                treeData={unitTree(units)}
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
  );
}
