// The read-only sections of the case page: timeline, facts and evidence, assessment,
// determination, decisions, notifications, publications, objections, corrections and
// enforcement-error records.

import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Empty,
  Form,
  List,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../api/client.ts';
import { articleCitation } from '../../../src/domain/policy/citation.ts';
import { chineseDate, chineseDateTime } from '../format.ts';
import { CitationText } from './case-citation.tsx';
import {
  actionLabel,
  daysUntil,
  factorLabel,
  fileSize,
  groundLabel,
  type CaseDetail,
  type CaseNotification,
  type Determination,
  type PolicyDetail,
  type TimelineEvent,
} from './case-data.tsx';

export interface SectionProps {
  detail: CaseDetail;
  policy: PolicyDetail | null;
  unitName: (id: string) => string;
  officerName: string | null;
  /** The name of a user id, where the page knows it. */
  personName: (id: string | null) => string | null;
}

const FACT_VALUE: Record<string, string> = { true: '属实', false: '不成立', null: '尚未查明' };

function factCaption(policy: PolicyDetail | null, factId: string): string {
  const fact = policy?.facts.find((f) => f.id === factId);
  return fact ? `${fact.citation} ${fact.text}` : factId;
}

function eventDetail(e: TimelineEvent, props: SectionProps): string | null {
  const d = e.data ?? {};
  const str = (k: string) => (typeof d[k] === 'string' ? d[k] : null);
  const payload = (d.payload ?? {}) as Record<string, unknown>;
  const name = e.action.replace(/^case\./, '');
  switch (name) {
    case 'record_fact': {
      const fact = props.policy?.facts.find((f) => f.id === str('factId'));
      const value = FACT_VALUE[String(d.value)] ?? '';
      return [fact?.citation ?? str('factId'), value, str('note')].filter(Boolean).join('：');
    }
    case 'record_assessment':
      return [factorLabel(str('factor') ?? ''), str('finding')].filter(Boolean).join('：');
    case 'attach_evidence':
      return str('filename');
    case 'record_decision':
      return `认定结论：${groundLabel(typeof payload.conclusion === 'string' ? payload.conclusion : null)}`;
    case 'publish':
      return typeof payload.scope === 'string' ? `公开范围：${payload.scope}` : null;
    case 'review_objection':
      return payload.result === 'change'
        ? `变更结论：${groundLabel(typeof payload.conclusion === 'string' ? payload.conclusion : null)}`
        : '维持原结论';
    default:
      return str('reason');
  }
}

export function CaseTimeline(props: SectionProps) {
  const events = props.detail.timeline;
  if (events.length === 0) return <Empty description="暂无记录" />;
  return (
    <Timeline
      items={events.map((e) => {
        const detail = eventDetail(e, props);
        const who = props.personName(e.actor_id);
        return {
          key: e.seq,
          title: chineseDateTime(e.at),
          content: (
            <div>
              <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>
              {who && <Typography.Text type="secondary">（{who}）</Typography.Text>}
              {detail && <div style={{ whiteSpace: 'pre-wrap' }}>{detail}</div>}
            </div>
          ),
        };
      })}
    />
  );
}

export function CaseFacts(props: SectionProps & { onChanged: () => void }) {
  const { detail, policy } = props;
  const canUpload = detail.allowedRecords.includes('evidence');
  const canInterview = detail.allowedRecords.includes('fact');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      {canInterview && (
        <Link to={`/cases/${detail.id}/interview`}>
          <Button type="primary">进入引导式询问，记录事实</Button>
        </Link>
      )}
      <Table
        rowKey="fact_id"
        size="small"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={detail.facts}
        locale={{ emptyText: '尚未记录事实' }}
        columns={[
          {
            title: '事实',
            dataIndex: 'fact_id',
            render: (id: string) => <CitationText text={factCaption(policy, id)} policy={policy} />,
          },
          {
            title: '认定',
            dataIndex: 'value',
            width: 100,
            render: (v: boolean | null) => (
              <Tag color={v === true ? 'green' : v === false ? 'default' : 'orange'}>
                {FACT_VALUE[String(v)]}
              </Tag>
            ),
          },
          { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
          {
            title: '记录时间',
            dataIndex: 'recorded_at',
            width: 180,
            render: (t: string) => chineseDateTime(t),
          },
        ]}
      />
      <Typography.Title level={5}>证据</Typography.Title>
      <List
        bordered
        dataSource={detail.evidence}
        locale={{ emptyText: '暂无证据' }}
        renderItem={(e) => (
          <List.Item
            actions={[
              <a
                key="download"
                href={`/api/v1/cases/${detail.id}/evidence/${e.id}`}
                download={e.filename}
              >
                <DownloadOutlined /> 下载
              </a>,
            ]}
          >
            <List.Item.Meta
              title={e.filename}
              description={
                <Space wrap size={[12, 0]}>
                  <span>{fileSize(e.size)}</span>
                  <span title={e.sha256}>SHA-256 {e.sha256.slice(0, 12)}…</span>
                  {e.fact_id && (
                    <span>
                      关联事实：
                      {policy?.facts.find((f) => f.id === e.fact_id)?.citation ?? e.fact_id}
                    </span>
                  )}
                  <span>{chineseDateTime(e.uploaded_at)}</span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {canUpload && <EvidenceUpload detail={detail} policy={policy} onChanged={props.onChanged} />}
    </Space>
  );
}

function EvidenceUpload({
  detail,
  policy,
  onChanged,
}: {
  detail: CaseDetail;
  policy: PolicyDetail | null;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [factId, setFactId] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    const params = new URLSearchParams({ version: String(detail.version), filename: file.name });
    if (factId) params.set('factId', factId);
    try {
      await api('POST', `/api/v1/cases/${detail.id}/evidence?${params.toString()}`, file, {
        'content-type': file.type || 'application/octet-stream',
      });
      void message.success(`已上传：${file.name}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '上传失败');
    } finally {
      setBusy(false);
      onChanged();
    }
  };
  const recorded = new Set(detail.facts.map((f) => f.fact_id));
  return (
    <Form layout="vertical" style={{ maxWidth: 560 }}>
      {error && (
        <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />
      )}
      <Form.Item label="关联事实（可选）" htmlFor="evidence-fact">
        <Select
          id="evidence-fact"
          allowClear
          value={factId}
          onChange={setFactId}
          placeholder="不关联具体事实"
          options={(policy?.facts ?? [])
            .filter((f) => recorded.has(f.id))
            .map((f) => ({ value: f.id, label: `${f.citation} ${f.text}` }))}
        />
      </Form.Item>
      <Form.Item
        label="上传证据文件"
        extra="支持 PDF、JPEG、PNG、DOCX、OFD、TXT，单个文件不超过 20 MB"
      >
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy}>
            选择文件并上传
          </Button>
        </Upload>
      </Form.Item>
    </Form>
  );
}

export function CaseAssessment({ detail }: SectionProps) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {detail.allowedRecords.includes('assessment') && (
        <Link to={`/cases/${detail.id}/assessment`}>
          <Button type="primary">记录综合分析研判</Button>
        </Link>
      )}
      <Descriptions
        bordered
        column={1}
        size="small"
        items={detail.assessment.map((a) => ({
          key: a.factor,
          label: factorLabel(a.factor),
          children: a.finding ?? <Typography.Text type="secondary">尚未记录</Typography.Text>,
        }))}
      />
    </Space>
  );
}

const GROUND_STATE_COLORS: Record<string, string> = {
  holds: 'green',
  fails: 'default',
  unknown: 'orange',
};
const GROUND_STATE_WORDS: Record<string, string> = {
  holds: '成立',
  fails: '不成立',
  unknown: '尚待查明',
};

function DeterminationView({
  d,
  policy,
  caption,
}: {
  d: Determination;
  policy: PolicyDetail | null;
  caption: string;
}) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        title={caption}
        items={[
          {
            key: 'status',
            label: '状态',
            children: d.status === 'determined' ? '已可认定' : '尚待查明',
          },
          {
            key: 'outcome',
            label: '认定意见',
            children: d.outcome ? <Tag color="blue">{groundLabel(d.outcome)}</Tag> : '—',
          },
          {
            key: 'citation',
            label: '依据',
            children: d.citation ? <CitationText text={d.citation} policy={policy} /> : '—',
          },
          ...(d.asOf ? [{ key: 'asOf', label: '记录日期', children: chineseDate(d.asOf) }] : []),
          ...(d.missing && d.missing.length > 0
            ? [
                {
                  key: 'missing',
                  label: '待查明事实',
                  span: 2,
                  children: (
                    <CitationText
                      text={d.missing
                        .map((id) => policy?.facts.find((f) => f.id === id)?.citation ?? id)
                        .join('、')}
                      policy={policy}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {d.explanation && (
        <>
          <Alert
            type="info"
            showIcon
            title={<CitationText text={d.explanation.summary} policy={policy} />}
          />
          <List
            size="small"
            bordered
            dataSource={d.explanation.grounds}
            renderItem={(g) => (
              <List.Item>
                <div>
                  <Space wrap>
                    <Typography.Text strong>{g.label}</Typography.Text>
                    <Tag color={GROUND_STATE_COLORS[g.state]}>
                      {GROUND_STATE_WORDS[g.state] ?? g.state}
                    </Tag>
                    {g.rank === 'outcome' && <Tag color="blue">认定意见</Tag>}
                  </Space>
                  <div>
                    <CitationText text={g.text} policy={policy} />
                  </div>
                </div>
              </List.Item>
            )}
          />
        </>
      )}
    </Space>
  );
}

export function CaseDetermination({ detail, policy }: SectionProps) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      {detail.determination ? (
        <DeterminationView
          d={detail.determination}
          policy={policy}
          caption="提请研究决定时记录的系统认定意见"
        />
      ) : (
        <Alert
          type="info"
          showIcon
          title="尚未提请研究决定；下面是系统依据目前已记录事实的认定意见"
        />
      )}
      {!detail.determination && (
        <DeterminationView
          d={detail.evaluation}
          policy={policy}
          caption="依据已记录事实的认定意见"
        />
      )}
    </Space>
  );
}

export function CaseDecisions({ detail, unitName }: SectionProps) {
  if (detail.decisions.length === 0) return <Empty description="尚未作出研究决定" />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {detail.decisions.map((d) => (
        <Descriptions
          key={d.id}
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          title={d.on_review ? '异议复核决定' : '研究决定'}
          items={[
            { key: 'date', label: '会议日期', children: chineseDate(d.meeting_date) },
            { key: 'members', label: '参会人员', children: d.members.join('、') || '—' },
            {
              key: 'conclusion',
              label: '认定结论',
              children: <Tag color="blue">{groundLabel(d.conclusion)}</Tag>,
            },
            { key: 'engine', label: '系统认定意见', children: groundLabel(d.engine_outcome) },
            ...(d.departure_reason
              ? [{ key: 'reason', label: '理由', span: 2, children: d.departure_reason }]
              : []),
          ]}
        />
      ))}
      {detail.notifications.some((n) => n.recipient_kind === 'unit') && (
        <Typography.Text type="secondary">
          相关单位：
          {detail.notifications
            .filter((n) => n.recipient_kind === 'unit')
            .map((n) => unitName(n.recipient))
            .join('、')}
        </Typography.Text>
      )}
    </Space>
  );
}

export function DueTag({ n }: { n: CaseNotification }) {
  if (n.sent_on) return <Tag color="green">已于{chineseDate(n.sent_on)}送达</Tag>;
  const days = daysUntil(n.due);
  if (days < 0) return <Tag color="red">已逾期 {-days} 日</Tag>;
  if (days <= 2) return <Tag color="orange">{days === 0 ? '今日到期' : `${days} 日后到期`}</Tag>;
  return <Tag>未送达</Tag>;
}

export function dueStyle(n: CaseNotification) {
  if (n.sent_on) return undefined;
  const days = daysUntil(n.due);
  if (days < 0) return { color: '#cf1322', fontWeight: 600 };
  if (days <= 2) return { color: '#d46b08', fontWeight: 600 };
  return undefined;
}

export function recipientName(
  n: CaseNotification,
  unitName: (id: string) => string,
  officerName: string | null,
): string {
  return n.recipient_kind === 'party'
    ? `当事人 ${officerName ?? ''}`.trim()
    : unitName(n.recipient);
}

export function CaseNotifications({ detail, unitName, officerName }: SectionProps) {
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 600 }}
      dataSource={detail.notifications}
      locale={{ emptyText: '暂无告知' }}
      columns={[
        {
          title: '告知对象',
          key: 'recipient',
          render: (_: unknown, n: CaseNotification) => recipientName(n, unitName, officerName),
        },
        {
          title: '期限',
          key: 'limit',
          render: (_: unknown, n: CaseNotification) =>
            `${chineseDate(n.from_date)}起 ${n.days} ${n.counting === 'working' ? '个工作日' : '日'}`,
        },
        {
          title: '截止日期',
          dataIndex: 'due',
          render: (due: string, n: CaseNotification) => (
            <span style={dueStyle(n)}>
              {chineseDate(due)}
              {n.provisional ? '（暂定）' : ''}
            </span>
          ),
        },
        {
          title: '送达情况',
          key: 'sent',
          render: (_: unknown, n: CaseNotification) => <DueTag n={n} />,
        },
      ]}
    />
  );
}

export function CaseOthers({ detail, officerName }: SectionProps) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <div>
        <Typography.Title level={5}>公开</Typography.Title>
        {detail.publications.length === 0 ? (
          <Typography.Text type="secondary">尚未公开</Typography.Text>
        ) : (
          <List
            size="small"
            bordered
            dataSource={detail.publications}
            renderItem={(p) => (
              <List.Item>{`${chineseDate(p.published_on)} 在「${p.scope}」范围公开`}</List.Item>
            )}
          />
        )}
      </div>
      <div>
        <Typography.Title level={5}>异议</Typography.Title>
        {detail.objectionDue && (
          <Typography.Paragraph>
            异议期限截至 {chineseDate(detail.objectionDue)}
          </Typography.Paragraph>
        )}
        {detail.objections.length === 0 ? (
          <Typography.Text type="secondary">暂无异议</Typography.Text>
        ) : (
          <List
            size="small"
            bordered
            dataSource={detail.objections}
            renderItem={(o) => (
              <List.Item>
                <div>
                  <div>
                    {chineseDateTime(o.raised_at)} 提出异议：{o.reason}
                  </div>
                  <Typography.Text type="secondary">
                    复核期限 {chineseDate(o.due)}；
                    {o.result === 'confirm'
                      ? '复核维持原结论'
                      : o.result === 'change'
                        ? '复核变更结论'
                        : '待复核'}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        )}
      </div>
      <div>
        <Typography.Title level={5}>纠错</Typography.Title>
        {detail.corrections.length === 0 ? (
          <Typography.Text type="secondary">未启动纠错</Typography.Text>
        ) : (
          <List
            size="small"
            bordered
            dataSource={detail.corrections}
            renderItem={(c) => (
              <List.Item>
                依据{articleCitation(c.article)}于{chineseDate(c.opened_at)}启动纠错，状态：
                {c.state === 'open' ? '进行中' : c.state === 'closed' ? '已完成' : c.state}
              </List.Item>
            )}
          />
        )}
      </div>
      <div>
        <Typography.Title level={5}>执法错误记录</Typography.Title>
        {detail.enforcementErrorRecords.length === 0 ? (
          <Typography.Text type="secondary">无执法错误记录</Typography.Text>
        ) : (
          <List
            size="small"
            bordered
            dataSource={detail.enforcementErrorRecords}
            renderItem={(r) => (
              <List.Item>
                {officerName ?? '执法人员'}：依据{articleCitation(r.article)}于
                {chineseDate(r.created_at)}记录执法错误
                {r.revoked_at ? `（已于${chineseDate(r.revoked_at)}撤销）` : ''}
              </List.Item>
            )}
          />
        )}
      </div>
    </Space>
  );
}
