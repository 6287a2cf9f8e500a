// 告知: whom the decision must be told, by when, and whether it has been; the due status
// (due soon, overdue) is the server's, against today in China.

import { Tag } from 'antd';
import type { CaseDetail, CaseNotification } from '../../../../src/contract/case.schemas.ts';
import { CompactTable } from '@shared/compact-table.tsx';
import { chineseDate, daysLeftText } from '@shared/format.ts';

const DUE_COLORS = { overdue: '#cf1322', due_soon: '#d46b08' } as const;

export function DueTag({ n }: { n: CaseNotification }) {
  if (n.sentOn) return <Tag color="green">已于{chineseDate(n.sentOn)}送达</Tag>;
  if (n.deadlineStatus)
    return (
      <Tag color={n.deadlineStatus === 'overdue' ? 'red' : 'orange'}>
        {daysLeftText(n.daysLeft)}
      </Tag>
    );
  return <Tag>未送达</Tag>;
}

/** The due date, coloured while it is near or past. */
export function DueDate({ n, prefix = '' }: { n: CaseNotification; prefix?: string }) {
  const color = n.deadlineStatus ? DUE_COLORS[n.deadlineStatus] : undefined;
  return (
    <span style={color ? { color, fontWeight: 600 } : undefined}>
      {prefix}
      {chineseDate(n.due)}
      {n.provisional ? '（暂定）' : ''}
    </span>
  );
}

export function CaseNotifications({ detail }: { detail: CaseDetail }) {
  return (
    <CompactTable
      rows={detail.notifications}
      minWidth={600}
      empty="暂无告知"
      columns={[
        { title: '告知对象', dataIndex: 'recipientName' },
        { title: '期限', dataIndex: 'limitText' },
        { title: '截止日期', key: 'due', render: (_: unknown, n) => <DueDate n={n} /> },
        { title: '送达情况', key: 'sent', render: (_: unknown, n) => <DueTag n={n} /> },
      ]}
    />
  );
}
