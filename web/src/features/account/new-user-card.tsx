// 新建用户 (系统管理员): the account without roles; the 安全管理员 grants them. The
// server checks the password policy, and its message shows above the form.

import { App, Button, Card, Form, Input, Row, type FormRule } from 'antd';
import type { NewUserBody, Unit, User } from '../../../../src/contract/account.schemas.ts';
import { post } from '@shared/api-client.ts';
import { FormError } from '@shared/form-error.tsx';
import { required, requiredText } from '@shared/form-rules.ts';
import { HalfItem } from '@shared/half-item.tsx';
import { useSubmit } from '@shared/use-submit.ts';
import { UnitSelect } from './unit-select.tsx';

interface UserForm {
  username: string;
  displayName: string;
  unitId: string;
  password: string;
  badgeNumber?: string;
}

/** How a user name may be written. */
const USERNAME: FormRule = {
  pattern: /^[a-z0-9._-]{3,40}$/,
  message: '3 至 40 位小写字母、数字或 . _ -',
};

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
    void message.success(
      `已新建用户：${v.displayName}（${v.username}），请由安全管理员授予角色；首次登录时须修改初始密码`,
    );
    form.resetFields();
    onAdded();
  });

  return (
    <Card title="新建用户" style={{ marginBottom: 16 }}>
      <Form
        form={form}
        // Its own field ids (new-user_unitId, …): the units card beside it has a unitId too.
        name="new-user"
        layout="vertical"
        onFinish={(v) => void submit(v)}
        aria-label="新建用户"
      >
        <FormError error={error} />
        <Row gutter={16}>
          <HalfItem label="用户名" name="username" rules={[required('请输入用户名'), USERNAME]}>
            <Input autoComplete="off" maxLength={40} />
          </HalfItem>
          <HalfItem label="姓名" name="displayName" rules={[requiredText('请输入姓名')]}>
            <Input maxLength={50} />
          </HalfItem>
          <HalfItem label="所属单位" name="unitId" rules={[required('请选择所属单位')]}>
            <UnitSelect units={units} placeholder="请选择单位" />
          </HalfItem>
          <HalfItem label="执法证号" name="badgeNumber" extra="执法人员填写，可不填">
            <Input maxLength={40} />
          </HalfItem>
          <HalfItem label="初始密码" name="password" rules={[required('请输入初始密码')]}>
            <Input.Password autoComplete="new-password" maxLength={200} />
          </HalfItem>
        </Row>
        <Button type="primary" htmlType="submit" loading={busy}>
          新建用户
        </Button>
      </Form>
    </Card>
  );
}
