// The three administrators' pages (三员分立), each for one role: the menu, the
// workbench's shortcuts and the routes' guard all read this one list.

import {
  AlertOutlined,
  AuditOutlined,
  CloudServerOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../../../src/contract/labels.ts';

export interface AdminPage {
  path:
    '/admin/users' | '/admin/roles' | '/admin/audit' | '/admin/warning-rules' | '/admin/backups';
  role: Role;
  title: string;
  /** What the page is for, on the workbench. */
  text: string;
  icon: ReactNode;
}

export const ADMIN_PAGES: readonly AdminPage[] = [
  {
    path: '/admin/users',
    role: 'sysadmin',
    title: '单位和用户',
    text: '维护单位树，新建用户账号',
    icon: <TeamOutlined />,
  },
  {
    path: '/admin/warning-rules',
    role: 'sysadmin',
    title: '警示规则',
    text: '设置易错情形警示提醒的次数和统计期间',
    icon: <AlertOutlined />,
  },
  {
    path: '/admin/backups',
    role: 'sysadmin',
    title: '数据备份',
    text: '查看每日自动备份和手动备份的记录',
    icon: <CloudServerOutlined />,
  },
  {
    path: '/admin/roles',
    role: 'secadmin',
    title: '角色授权',
    text: '为用户授予或调整角色',
    icon: <UserSwitchOutlined />,
  },
  {
    path: '/admin/audit',
    role: 'auditadmin',
    title: '审计日志',
    text: '查阅审计记录，校验审计链',
    icon: <AuditOutlined />,
  },
];
