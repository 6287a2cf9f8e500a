// 公开、异议与纠错: the publications, the objections and their review, the corrections
// opened (第十六条), each with its deadline, a link to its page and, once closed, its
// lessons (第十七条), and the enforcement-error records a conclusion made (第十五条).

import { Descriptions, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { chineseDate, chineseDateTime } from '@shared/format.ts';

/** A titled list, or a line saying there is nothing in it. */
function Records<T>({
  title,
  items,
  empty,
  render,
  children,
}: {
  title: string;
  items: T[];
  empty: string;
  render: (item: T) => ReactNode;
  children?: ReactNode;
}) {
  return (
    <div>
      <Typography.Title level={5}>{title}</Typography.Title>
      {children}
      {items.length === 0 ? (
        <Typography.Text type="secondary">{empty}</Typography.Text>
      ) : (
        <List
          size="small"
          bordered
          dataSource={items}
          renderItem={(item) => <List.Item>{render(item)}</List.Item>}
        />
      )}
    </div>
  );
}

/**
 * A correction of the case: its state, the notice day and deadline, a link to its page
 * (where its steps are taken), and once closed the lessons drawn (第十七条).
 */
function CaseCorrection({ c }: { c: CaseDetail['corrections'][number] }) {
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="case-correction">
      <Space wrap size={[8, 4]}>
        <span>
          依据{c.citation}于{chineseDate(c.openedAt)}启动纠错
        </span>
        <Tag color={CORRECTION_COLORS[c.state] ?? 'default'}>{c.stateLabel}</Tag>
        <Link to={`/corrections/${c.id}`}>查看纠错整改</Link>
      </Space>
      {(c.notifiedOn || c.due || c.closedOn) && (
        <Typography.Text type="secondary">
          {[
            c.notifiedOn && `${chineseDate(c.notifiedOn)}下发纠错通知`,
            c.due && `整改期限${chineseDate(c.due)}`,
            c.closedOn && `${chineseDate(c.closedOn)}验收办结`,
          ]
            .filter(Boolean)
            .join('，')}
        </Typography.Text>
      )}
      {c.lessons && (
        <Descriptions
          size="small"
          column={1}
          bordered
          styles={{ label: { whiteSpace: 'nowrap', width: '10em' } }}
          items={[
            {
              key: 'cause',
              label: '原因分析',
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.lessons.causeAnalysis}</span>,
            },
            {
              key: 'improvements',
              label: '完善制度、健全机制',
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.lessons.improvements}</span>,
            },
          ]}
        />
      )}
    </Space>
  );
}

const CORRECTION_COLORS: Readonly<Record<string, string>> = {
  opened: 'blue',
  in_progress: 'processing',
  completion_claimed: 'purple',
  completed: 'green',
};

export function CaseOthers({ detail }: { detail: CaseDetail }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Records
        title="公开"
        items={detail.publications}
        empty="尚未公开"
        render={(p) => (
          <span>
            {chineseDate(p.publishedOn)} 在「{p.scope}」范围公开
            {p.periodEnd ? `，公示期至 ${chineseDate(p.periodEnd)}` : ''}{' '}
            <Link to={`/publications/${p.id}`}>查看公示</Link>
          </span>
        )}
      />
      <Records
        title="异议"
        items={detail.objections}
        empty="暂无异议"
        render={(o) => (
          <div>
            <div>
              {chineseDateTime(o.raisedAt)} 提出异议：{o.reason}
            </div>
            <Typography.Text type="secondary">
              复核期限 {chineseDate(o.due)}；{o.resultLabel}
            </Typography.Text>
          </div>
        )}
      >
        {detail.objectionDue && (
          <Typography.Paragraph>
            异议期限截至 {chineseDate(detail.objectionDue)}
          </Typography.Paragraph>
        )}
      </Records>
      <Records
        title="纠错"
        items={detail.corrections}
        empty="未启动纠错"
        render={(c) => <CaseCorrection c={c} />}
      />
      <Records
        title="执法错误记录"
        items={detail.enforcementErrorRecords}
        empty="无执法错误记录"
        render={(r) =>
          `${detail.officer.displayName || '执法人员'}：依据${r.citation}于${chineseDate(r.createdAt)}记录执法错误${
            r.revokedAt ? `（已于${chineseDate(r.revokedAt)}撤销）` : ''
          }`
        }
      />
    </Space>
  );
}
