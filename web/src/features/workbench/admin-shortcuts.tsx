// 管理入口: each administrator's own page (三员分立), and the policies everyone may read.

import { BookOutlined } from '@ant-design/icons';
import { Card, Col, Row, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { Role } from '../../../../src/contract/labels.ts';
import { ADMIN_PAGES } from '../account/admin-pages.tsx';

const POLICIES = {
  path: '/policies',
  title: '制度',
  text: '查阅容错纠错制度条文',
  icon: <BookOutlined />,
};

export function AdminShortcuts({ roles }: { roles: readonly Role[] }) {
  return (
    <Card title="管理入口">
      <Row gutter={[16, 16]}>
        {[...ADMIN_PAGES.filter((p) => roles.includes(p.role)), POLICIES].map((l) => (
          <Col key={l.path} xs={24} md={12} xl={8}>
            <Link to={l.path} style={{ display: 'block' }}>
              <Card hoverable size="small">
                <Space align="start">
                  <span style={{ fontSize: 24 }} aria-hidden>
                    {l.icon}
                  </span>
                  <span>
                    <Typography.Text strong>{l.title}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{l.text}</Typography.Text>
                  </span>
                </Space>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
