// The records of a correction, each section as the server sends it: the 纠错通知 with its
// items marked done, the progress reports with their evidence files, the extensions asked
// and decided, the follow-ups (跟踪了解), and the claim, send-backs and closing with the
// lessons drawn (第十七条).

import { CheckCircleFilled, ClockCircleOutlined, DownloadOutlined } from '@ant-design/icons';
import { Card, Descriptions, List, Space, Tag, Timeline, Typography } from 'antd';
import { chineseDate, fileSize } from '@shared/format.ts';
import { Pre } from '@shared/pre.tsx';
import type { CorrectionDetail } from '../../../../src/contract/correction.schemas.ts';
import { evidenceHref } from './correction-writes.ts';

/** What an empty section says, in one quiet line. */
const Blank = ({ text }: { text: string }) => (
  <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'left' }}>
    {text}
  </Typography.Text>
);

export function NoticeSection({ detail }: { detail: CorrectionDetail }) {
  const n = detail.notice;
  return (
    <Card title="纠错通知" size="small" data-testid="correction-notice">
      {n === null ? (
        <Typography.Text type="secondary">尚未下发纠错通知。</Typography.Text>
      ) : (
        <Descriptions
          size="small"
          column={1}
          styles={{ label: { whiteSpace: 'nowrap', width: '9em' } }}
          items={[
            { key: 'reason', label: '纠错事由', children: <Pre>{n.reason}</Pre> },
            {
              key: 'items',
              label: '纠错事项',
              children: (
                <ol style={{ margin: 0, paddingLeft: 20 }} data-testid="correction-items">
                  {n.items.map((item) => (
                    <li key={item.id} style={{ marginBottom: 4 }}>
                      <Space wrap size={[8, 0]}>
                        <span>{item.text}</span>
                        {item.done ? (
                          <Tag icon={<CheckCircleFilled />} color="success">
                            已完成
                          </Tag>
                        ) : (
                          <Tag icon={<ClockCircleOutlined />}>未完成</Tag>
                        )}
                      </Space>
                      {item.note && (
                        <Typography.Text type="secondary" style={{ display: 'block' }}>
                          完成情况：{item.note}
                        </Typography.Text>
                      )}
                    </li>
                  ))}
                </ol>
              ),
            },
            {
              key: 'requirements',
              label: '纠错要求或者建议',
              children: <Pre>{n.requirements}</Pre>,
            },
            { key: 'responsible', label: '责任科室或个人', children: n.responsible },
            {
              key: 'due',
              label: '整改期限',
              children: (
                <span>
                  {chineseDate(n.due)}
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    {n.countingText}
                  </Typography.Text>
                </span>
              ),
            },
            {
              key: 'issued',
              label: '下发',
              children: `${n.issuedBy.name}于${chineseDate(n.notifiedOn)}下发`,
            },
          ]}
        />
      )}
    </Card>
  );
}

export function ProgressSection({ detail }: { detail: CorrectionDetail }) {
  return (
    <Card title={`整改进展（${detail.progressReports.length}）`} size="small">
      <List
        dataSource={detail.progressReports}
        locale={{ emptyText: <Blank text="尚无整改进展报告" /> }}
        renderItem={(r) => (
          <List.Item data-testid="progress-report">
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Typography.Text type="secondary">
                {chineseDate(r.reportedOn)} {r.by.name}
              </Typography.Text>
              <Pre>{r.text}</Pre>
              {r.evidence.length > 0 && (
                <ul style={{ margin: 0, paddingLeft: 20 }} aria-label="佐证材料">
                  {r.evidence.map((e) => (
                    <li key={e.id}>
                      <a href={evidenceHref(detail, e.id)} download={e.fileName}>
                        <DownloadOutlined /> {e.fileName}
                      </a>
                      <Typography.Text type="secondary">（{fileSize(e.size)}）</Typography.Text>
                    </li>
                  ))}
                </ul>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

const EXTENSION_COLORS = { pending: 'orange', approved: 'green', refused: 'red' } as const;

export function ExtensionsSection({ detail }: { detail: CorrectionDetail }) {
  return (
    <Card title="延长整改期限" size="small">
      <List
        dataSource={detail.extensions}
        locale={{ emptyText: <Blank text="未申请延期" /> }}
        renderItem={(e) => (
          <List.Item data-testid="extension">
            <Space orientation="vertical" size={2}>
              <Space wrap>
                <Tag color={EXTENSION_COLORS[e.state]}>{e.stateLabel}</Tag>
                <span>
                  {e.requestedBy.name}于{chineseDate(e.requestedOn)}申请延至
                  {chineseDate(e.requestedDue)}
                </span>
              </Space>
              <Typography.Text>申请理由：{e.reason}</Typography.Text>
              {e.state !== 'pending' && (
                <Typography.Text type="secondary">
                  {e.decidedBy ? `${e.decidedBy.name}于` : ''}
                  {chineseDate(e.decidedOn)}
                  {e.state === 'approved'
                    ? `批准延期，整改期限延至${chineseDate(e.newDue)}`
                    : '不予批准延期'}
                  {e.decisionReason ? `；${e.decisionReason}` : ''}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function FollowUpsSection({ detail }: { detail: CorrectionDetail }) {
  return (
    <Card title="跟踪了解" size="small">
      <List
        dataSource={detail.followUps}
        locale={{ emptyText: <Blank text="尚无跟踪了解记录" /> }}
        renderItem={(f) => (
          <List.Item data-testid="follow-up">
            <Space orientation="vertical" size={2}>
              <Space wrap>
                <Tag color="blue">{f.methodLabel}</Tag>
                <Typography.Text type="secondary">
                  {chineseDate(f.checkedOn)} {f.by.name}
                </Typography.Text>
              </Space>
              <Pre>{f.findings}</Pre>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The claim of completion, the send-backs and the closing with its lessons, in order. */
export function ClosingSection({ detail }: { detail: CorrectionDetail }) {
  const { completion, sendBacks, closing } = detail;
  const events = [
    ...sendBacks.map((s, i) => ({
      key: `back-${i}`,
      color: 'orange',
      children: `${chineseDate(s.on)} ${s.by.name}退回整改：${s.reason}`,
    })),
    ...(completion
      ? [
          {
            key: 'claim',
            color: 'blue',
            children: `${chineseDate(completion.claimedOn)}报告整改完成：${completion.summary}`,
          },
        ]
      : []),
  ];
  return (
    <Card title="验收与办结" size="small" data-testid="correction-closing">
      {events.length === 0 && !closing && (
        <Typography.Text type="secondary">尚未报告整改完成。</Typography.Text>
      )}
      {events.length > 0 && <Timeline items={events} />}
      {closing && (
        <Descriptions
          size="small"
          column={1}
          bordered
          styles={{ label: { whiteSpace: 'nowrap', width: '10em' } }}
          items={[
            {
              key: 'closed',
              label: '验收办结',
              children: `${closing.by.name}于${chineseDate(closing.closedOn)}验收办结`,
            },
            { key: 'result', label: '验收结论', children: <Pre>{closing.result}</Pre> },
            { key: 'cause', label: '原因分析', children: <Pre>{closing.causeAnalysis}</Pre> },
            {
              key: 'improvements',
              label: '完善制度、健全机制',
              children: <Pre>{closing.improvements}</Pre>,
            },
          ]}
        />
      )}
    </Card>
  );
}
