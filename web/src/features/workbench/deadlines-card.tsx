// 期限提醒: the time limits near and past of the reader's cases and unit, as the server
// finds them against today in China (GET /api/v1/deadlines): 告知期限, 异议期限 and the
// corrections' 整改期限 and the reports' 举报反馈期限, each linked to the page where it is met.

import { Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Deadlines, WatchedDeadline } from '../../../../src/contract/deadline.schemas.ts';
import { DEADLINE_STATUS_LABELS, type DeadlineStatus } from '../../../../src/contract/labels.ts';
import { chineseDate, daysLeftText } from '@shared/format.ts';
import { Loaded } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';

function DeadlineList({ items, empty }: { items: WatchedDeadline[]; empty: string }) {
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((d, i) => (
        <li
          key={`${d.reportId ?? d.caseId}-${d.kind}-${i}`}
          style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
        >
          <Space wrap size={[8, 4]}>
            <Tag color={d.status === 'overdue' ? 'red' : d.daysLeft <= 0 ? 'orange' : 'gold'}>
              {d.statusLabel}
            </Tag>
            <Typography.Text strong>{d.kindLabel}</Typography.Text>
            {/* 整改期限 leads to the correction, where its steps are taken; 举报反馈期限 to
                the report (it has no case); the others to the case. */}
            {d.reportId ? (
              <Link to={`/reports/${d.reportId}`}>信访举报 {d.reportNumber}</Link>
            ) : (
              <Link to={d.correctionId ? `/corrections/${d.correctionId}` : `/cases/${d.caseId}`}>
                {d.caseNumber} {d.caseTitle}
              </Link>
            )}
            <Typography.Text type={d.status === 'overdue' ? 'danger' : 'warning'}>
              截止 {chineseDate(d.due)}（{daysLeftText(d.daysLeft)}）
            </Typography.Text>
          </Space>
        </li>
      ))}
    </ul>
  );
}

const STATUSES = Object.keys(DEADLINE_STATUS_LABELS) as DeadlineStatus[];

const EMPTY: Record<DeadlineStatus, string> = {
  due_soon: '近期没有即将到期的期限',
  overdue: '没有逾期的期限',
};

function DeadlineSection({ status, all }: { status: DeadlineStatus; all: WatchedDeadline[] }) {
  const title = DEADLINE_STATUS_LABELS[status];
  return (
    <section aria-label={title}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <DeadlineList items={all.filter((d) => d.status === status)} empty={EMPTY[status]} />
    </section>
  );
}

export function DeadlinesCard() {
  const { data, error } = useFetch<Deadlines>('/api/v1/deadlines');
  return (
    <Card title="期限提醒">
      <Loaded data={data} error={error} failed="期限加载失败">
        {({ all }) => (
          <Row gutter={[24, 16]}>
            {STATUSES.map((status) => (
              <Col key={status} xs={24} xl={12}>
                <DeadlineSection status={status} all={all} />
              </Col>
            ))}
          </Row>
        )}
      </Loaded>
    </Card>
  );
}
