// The frame of every signed-in page: a menu of what the user may do, and who is signed in.

import {
  AlertOutlined,
  BarChartOutlined,
  BookOutlined,
  DashboardOutlined,
  FileAddOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  IdcardOutlined,
  KeyOutlined,
  LogoutOutlined,
  MailOutlined,
  NotificationOutlined,
  ReadOutlined,
  ReconciliationOutlined,
} from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { SessionUser } from '../../../src/contract/account.schemas.ts';
import { CASE_ROLES, TRANSITION_LABELS, type Role } from '../../../src/contract/labels.ts';
import { ADMIN_PAGES } from '../features/account/admin-pages.tsx';
import { useSession } from '../features/account/session.tsx';

interface Item {
  key: string;
  label: string;
  icon: ReactNode;
  /** Shown to these roles only; the server refuses the page to the others anyway. */
  roles?: readonly Role[];
  /** Shown when the user may do what the page does, as the server says. */
  when?: (user: SessionUser) => boolean;
}

const ITEMS: Item[] = [
  { key: '/', label: '工作台', icon: <DashboardOutlined /> },
  {
    key: '/cases',
    label: '案件',
    icon: <FolderOpenOutlined />,
    roles: CASE_ROLES,
  },
  // 公示: every signed-in user; the server gives each the publications of their scope.
  { key: '/publications', label: '公示', icon: <NotificationOutlined /> },
  // 典型案例: every signed-in user; each reads those whose publication they may read.
  { key: '/typical-cases', label: '典型案例', icon: <ReadOutlined /> },
  { key: '/policies', label: '制度', icon: <BookOutlined /> },
  { key: '/my-record', label: '我的履职档案', icon: <IdcardOutlined />, roles: ['officer'] },
  // 信访举报 (第十九条): the petitions staff who handle reports, and the unit's readers.
  {
    key: '/reports',
    label: '信访举报',
    icon: <MailOutlined />,
    roles: ['petitions', 'investigator', 'secretary', 'reviewer'],
  },
  // 警示提醒: those who read a unit's cases, to whose units warnings are addressed.
  {
    key: '/warnings',
    label: '警示提醒',
    icon: <AlertOutlined />,
    roles: ['investigator', 'secretary', 'reviewer'],
  },
  {
    key: '/statistics',
    label: '统计分析',
    icon: <BarChartOutlined />,
    roles: ['investigator', 'secretary', 'reviewer'],
  },
  ...ADMIN_PAGES.map((p) => ({ key: p.path, label: p.title, icon: p.icon, roles: [p.role] })),
];

/**
 * How the user may open a case, as the server says (`newCaseActions`), each entry named by
 * the form it opens: an officer applies (提出容错认定申请), an investigator starts a
 * 单位启动核查 (启动核查); an account with both roles gets both.
 */
function newCaseItems(user: SessionUser | null): Item[] {
  const opens = user?.newCaseActions ?? [];
  const applies = opens.includes('submit_application');
  return [
    ...(applies
      ? [
          {
            key: '/cases/new',
            label: TRANSITION_LABELS.submit_application,
            icon: <FileAddOutlined />,
          },
        ]
      : []),
    ...(opens.includes('initiate')
      ? [
          {
            key: applies ? '/cases/new?origin=initiation' : '/cases/new',
            label: TRANSITION_LABELS.initiate,
            icon: <FileSearchOutlined />,
          },
        ]
      : []),
  ];
}

/**
 * 纠错整改 for the unit staff (secretaries, investigators) and 我的整改 for an officer,
 * the corrections of which they are the object; an account with both roles gets both.
 */
function correctionItems(user: SessionUser | null): Item[] {
  const staff = !!user && user.roles.some((r) => r === 'secretary' || r === 'investigator');
  return [
    ...(staff
      ? [{ key: '/corrections', label: '纠错整改', icon: <ReconciliationOutlined /> }]
      : []),
    {
      key: staff ? '/corrections?mine=true' : '/corrections',
      label: '我的整改',
      icon: <ReconciliationOutlined />,
      roles: ['officer'],
    },
  ];
}

export default function AppLayout() {
  const { user, logout, hasRole } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const items = ITEMS.flatMap((i) =>
    i.key === '/cases' ? [i, ...newCaseItems(user), ...correctionItems(user)] : [i],
  ).filter(
    (i) => (!i.roles || hasRole(...i.roles)) && (!i.when || (user !== null && i.when(user))),
  );
  const selected =
    items
      .map((i) => i.key)
      .filter(
        (k) =>
          k === `${location.pathname}${location.search}` ||
          k === location.pathname ||
          (k !== '/' && location.pathname.startsWith(k)),
      )
      .sort((a, b) => b.length - a.length)[0] ?? '/';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={screens.md ? 80 : 0} theme="light" width={200}>
        <div style={{ padding: 16, fontWeight: 600 }}>{screens.lg ? '容错纠错系统' : '容错'}</div>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          items={items.map(({ key, label, icon }) => ({ key, label, icon }))}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            paddingInline: 16,
          }}
        >
          <Space>
            <Typography.Text>
              {user?.displayName}（{user?.roleLabels.join('、')}）
            </Typography.Text>
            <Button icon={<KeyOutlined />} onClick={() => navigate('/password')}>
              修改密码
            </Button>
            <Button
              icon={<LogoutOutlined />}
              onClick={() => void logout().then(() => navigate('/login'))}
            >
              退出
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 16 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
