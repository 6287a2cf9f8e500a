// The frame of the pages a user sees before the application (登录, a forced 修改密码): one
// card in the middle of a grey page, its title above the form.

import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

export function AccountCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: '#f0f2f5',
        padding: 16,
      }}
    >
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </div>
  );
}
