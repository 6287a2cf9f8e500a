// 工作台: a greeting, the cases where the user's role acts next (我的待办), the
// corrections where they act next (纠错待办), the reports the petitions staff handle
// (信访举报待办), and the deadlines coming and passed; administrators get shortcuts to
// their own page instead.

import { Alert, Space, Typography } from 'antd';
import { ADMIN_ROLES, CASE_ROLES } from '../../../../src/contract/labels.ts';
import { useSession } from '../account/session.tsx';
import { AdminShortcuts } from './admin-shortcuts.tsx';
import { CorrectionTodoCard } from './correction-todo-card.tsx';
import { DeadlinesCard } from './deadlines-card.tsx';
import { ReportTodoCard } from './report-todo-card.tsx';
import { TodoCard } from './todo-card.tsx';
import { PendingWarningsCard } from '../warning/pending-warnings-card.tsx';

function greeting(): string {
  const hour = Number(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Shanghai',
      hour: 'numeric',
      hourCycle: 'h23',
    }).format(new Date()),
  );
  if (hour < 6) return '夜深了';
  if (hour < 12) return '上午好';
  if (hour < 14) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

export default function WorkbenchPage() {
  const { user, hasRole } = useSession();
  if (!user) return null;
  // 信访举报工作人员 read cases to link reports to them, but take no step on one.
  const worksOnCases = hasRole(...CASE_ROLES.filter((role) => role !== 'petitions'));
  const handlesReports = hasRole('petitions');
  const administers = hasRole(...ADMIN_ROLES);
  // Who takes a correction's steps: its object (an officer) and the unit's staff.
  const corrects = hasRole('officer', 'secretary', 'investigator');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Text type="secondary">工作台</Typography.Text>
        <Typography.Title level={3} style={{ marginTop: 4, marginBottom: 4 }}>
          {greeting()}，{user.displayName}
        </Typography.Title>
        <Typography.Text type="secondary">
          当前角色：{user.roleLabels.join('、') || '未授予角色'}
        </Typography.Text>
      </div>
      {administers && <AdminShortcuts roles={user.roles} />}
      {worksOnCases && <TodoCard />}
      {handlesReports && <ReportTodoCard />}
      {corrects && <CorrectionTodoCard />}
      {(worksOnCases || handlesReports) && <DeadlinesCard />}
      {hasRole('investigator', 'secretary', 'reviewer') && <PendingWarningsCard />}
      {!worksOnCases && !handlesReports && !administers && (
        <Alert
          type="info"
          showIcon
          title="您的账号尚未授予角色"
          description="请联系安全管理员授予角色后再办理业务。"
        />
      )}
    </Space>
  );
}
