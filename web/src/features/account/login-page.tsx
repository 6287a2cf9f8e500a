// 登录: username and password; says why the last session ended and when an account is locked.
// A user whose password an administrator set goes to the password page first.

import { Alert, Button, Form, Input, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { messageFor } from '@shared/error-messages.ts';
import { FormError } from '@shared/form-error.tsx';
import { required } from '@shared/form-rules.ts';
import { useSubmit } from '@shared/use-submit.ts';
import { AccountCard } from './account-card.tsx';
import { useSession } from './session.tsx';

export default function LoginPage() {
  const { login, endedBecause } = useSession();
  const navigate = useNavigate();
  const { busy, error, submit } = useSubmit(
    async (values: { username: string; password: string }) => {
      const user = await login(values.username, values.password);
      navigate(user.mustChangePassword ? '/password' : '/', { replace: true });
    },
    '登录失败，请稍后再试',
  );

  return (
    <AccountCard title="行政执法容错纠错">
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        尽职免责和容错纠错认定系统
      </Typography.Paragraph>
      {endedBecause === 'SESSION_EXPIRED' && (
        <Alert
          type="warning"
          showIcon
          title={messageFor('SESSION_EXPIRED')}
          style={{ marginBottom: 16 }}
        />
      )}
      <FormError error={error} />
      <Form layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item label="用户名" name="username" rules={[required('请输入用户名')]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[required('请输入密码')]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
      </Form>
      <Typography.Paragraph style={{ textAlign: 'center', marginTop: 16, marginBottom: 0 }}>
        <Link to="/gongshi">查看向社会公开的认定结果公示</Link>
      </Typography.Paragraph>
    </AccountCard>
  );
}
