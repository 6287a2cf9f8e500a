// 告知: whom the decision must be told, by when and how the limit was counted (with its
// extension over a holiday), and how it was delivered (送达); the due status (due soon,
// overdue) is the server's, against today in China.

import { Space, Tag, Typography } from 'antd';
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

/** How a notice was delivered: the method, to whom, and why late. */
function Delivery({ n }: { n: CaseNotification }) {
  if (!n.sentOn) return <DueTag n={n} />;
  return (
    <Space orientation="vertical" size={0}>
      <DueTag n={n} />
      {n.deliveryMethodLabel && (
        <Typography.Text>
          {n.deliveryMethodLabel}
          {n.deliveredTo ? `，受送达人：${n.deliveredTo}` : ''}
        </Typography.Text>
      )}
      {n.lateReason && <Typography.Text type="warning">逾期理由：{n.lateReason}</Typography.Text>}
    </Space>
  );
}

export function CaseNotifications({ detail }: { detail: CaseDetail }) {
  return (
    <CompactTable
      rows={detail.notifications}
      minWidth={760}
      empty="暂无告知"
      columns={[
        { title: '告知对象', dataIndex: 'recipientName', width: 160 },
        { title: '期限计算', dataIndex: 'limitText' },
        {
          title: '截止日期',
          key: 'due',
          width: 140,
          render: (_: unknown, n) => <DueDate n={n} />,
        },
        {
          title: '送达情况',
          key: 'sent',
          width: 220,
          render: (_: unknown, n) => <Delivery n={n} />,
        },
      ]}
    />
  );
}
