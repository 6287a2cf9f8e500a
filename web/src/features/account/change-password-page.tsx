// 修改密码: the current password, the new one twice. A user whose password an administrator
// set (a new account, or a reset) is brought here before anything else and cannot leave
// but by changing it or signing out; anyone else may come from the header. The server
// checks the password policy and counts a wrong current password toward the lockout.

import { Alert, App, Button, Form, Input, Space } from 'antd';
import { useNavigate } from 'react-router';
import { FormError } from '@shared/form-error.tsx';
import { required } from '@shared/form-rules.ts';
import { useSubmit } from '@shared/use-submit.ts';
import { AccountCard } from './account-card.tsx';
import { useSession } from './session.tsx';

interface PasswordForm {
  current: string;
  next: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const { user, changePassword, logout } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const forced = user?.mustChangePassword ?? false;
  const { busy, error, submit } = useSubmit(async (v: PasswordForm) => {
    await changePassword(v.current, v.next);
    void message.success('密码已修改');
    navigate('/', { replace: true });
  });

  return (
    <AccountCard title="修改密码">
      {forced && (
        <Alert
          type="warning"
          showIcon
          title="您的密码由管理员设置，请先修改密码，再使用系统。"
          style={{ marginBottom: 16 }}
        />
      )}
      <FormError error={error} />
      <Form
        layout="vertical"
        onFinish={(v: PasswordForm) => void submit(v)}
        requiredMark={false}
        aria-label="修改密码"
      >
        <Form.Item label="当前密码" name="current" rules={[required('请输入当前密码')]}>
          <Input.Password autoComplete="current-password" maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="next"
          rules={[required('请输入新密码')]}
          extra="至少 10 位，含大写字母、小写字母、数字、符号中的至少三类，不含用户名"
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['next']}
          rules={[
            required('请再次输入新密码'),
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('next')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            修改密码
          </Button>
          {forced ? (
            <Button onClick={() => void logout().then(() => navigate('/login'))}>退出</Button>
          ) : (
            <Button onClick={() => navigate(-1)}>返回</Button>
          )}
        </Space>
      </Form>
    </AccountCard>
  );
}
