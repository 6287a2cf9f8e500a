// 审计日志 (审计管理员): the audit events page by page (加载更多 after the last seq),
// and a check of the hash chain against the newest signed checkpoint, showing the count
// or every problem found, each with its row and what it means.

import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type {
  AuditBreak,
  AuditEvent,
  AuditVerification,
} from '../../../../src/contract/audit.schemas.ts';
import { AUDIT_ENTITY_LABELS } from '../../../../src/contract/labels.ts';
import { get } from '@shared/api-client.ts';
import { CompactTable, dateColumn } from '@shared/compact-table.tsx';
import { errorText } from '@shared/error-text.ts';
import { chineseDateTime } from '@shared/format.ts';
import { LoadFailed } from '@shared/loading.tsx';
import { useSubmit } from '@shared/use-submit.ts';

const PAGE = 50;

/** Which signed checkpoint the chain was held to, and whether it still holds. */
function CheckpointLine({ result }: { result: AuditVerification }) {
  const c = result.checkpoint;
  if (!c)
    return (
      <Typography.Text type="secondary">
        尚无有效的签名检查点：无法发现对审计链末尾的改写或删除（运行 rongcuo audit checkpoint
        或等待定时检查点）。
      </Typography.Text>
    );
  return (
    <Typography.Text type={c.matched ? 'secondary' : 'danger'}>
      对照 {chineseDateTime(c.at)} 的签名检查点（第 {c.seq} 条）：{c.matched ? '相符' : '不符'}
    </Typography.Text>
  );
}

const BREAK_COLUMNS: TableColumnsType<AuditBreak & { key: number }> = [
  { title: '序号', dataIndex: 'seq', width: 90, render: (seq: number | null) => seq ?? '—' },
  { title: '问题', dataIndex: 'message' },
  {
    title: '类别',
    dataIndex: 'reason',
    width: 190,
    render: (r: string) => <Typography.Text code>{r}</Typography.Text>,
  },
];

function VerifyResult({ result }: { result: AuditVerification }) {
  if (result.ok)
    return (
      <Alert
        type="success"
        showIcon
        role="status"
        title="审计链完整"
        description={
          <Space orientation="vertical" size={2}>
            <span>
              共校验 {result.count ?? 0} 条记录，未发现篡改
              {result.head ? `（末条序号 ${result.head.seq}）` : ''}。
            </span>
            <CheckpointLine result={result} />
          </Space>
        }
      />
    );
  const rows = result.breaks.map((b, key) => ({ ...b, key }));
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={`审计链校验未通过：发现 ${result.breakCount} 处问题`}
      description={
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Typography.Text type="danger" strong>
            第一处：序号 {result.brokenAt ?? '—'}
            {result.message ? `，${result.message}` : ''}
          </Typography.Text>
          <CheckpointLine result={result} />
          <CompactTable
            rowKey="key"
            rows={rows}
            columns={BREAK_COLUMNS}
            minWidth={560}
            pageSize={20}
            empty={<Empty description="无" />}
          />
          {result.breakCount > result.breaks.length && (
            <Typography.Text type="secondary">
              仅列出前 {result.breaks.length} 处；完整列表请在服务器上运行 rongcuo audit verify。
            </Typography.Text>
          )}
        </Space>
      }
    />
  );
}

const COLUMNS: TableColumnsType<AuditEvent> = [
  { title: '序号', dataIndex: 'seq', width: 80 },
  dateColumn('时间', 'at', 200, chineseDateTime),
  {
    title: '操作人',
    dataIndex: 'actorId',
    width: 130,
    render: (a: string | null) =>
      a ? (
        <Typography.Text code title={a}>
          {a.slice(0, 8)}
        </Typography.Text>
      ) : (
        '系统'
      ),
  },
  {
    title: '操作',
    dataIndex: 'action',
    render: (a: string) => <Typography.Text code>{a}</Typography.Text>,
  },
  {
    title: '对象',
    key: 'entity',
    render: (_: unknown, e) => (
      <span title={e.entityId}>
        {(AUDIT_ENTITY_LABELS as Record<string, string>)[e.entityType] ?? e.entityType}{' '}
        {e.entityId.length > 12 ? e.entityId.slice(0, 8) : e.entityId}
      </span>
    ),
  },
];

export default function AuditPage() {
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [loading, setLoading] = useState(true);
  const [more, setMore] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<AuditVerification | null>(null);
  const verification = useSubmit(async () => {
    setResult(null);
    setResult(await get<AuditVerification>('/api/v1/audit/verify'));
  });

  const load = useCallback(async (after: number) => {
    setLoading(true);
    setError(null);
    try {
      const page = await get<AuditEvent[]>(`/api/v1/audit?after=${after}&limit=${PAGE}`);
      setEvents((list) => (after === 0 ? page : [...list, ...page]));
      setMore(page.length === PAGE);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(0);
  }, [load]);

  return (
    <Card
      title="审计日志"
      extra={
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verification.busy}
          onClick={() => void verification.submit()}
        >
          校验审计链
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {result && <VerifyResult result={result} />}
        {verification.error && <LoadFailed title="校验失败" message={verification.error} />}
        {error && <LoadFailed title="审计日志加载失败" message={error} />}
        <CompactTable
          rowKey="seq"
          rows={events}
          columns={COLUMNS}
          loading={loading && events.length === 0}
          minWidth={760}
          empty={<Empty description="暂无审计记录" />}
        />
        <div style={{ textAlign: 'center' }}>
          {more ? (
            <Button
              loading={loading && events.length > 0}
              disabled={loading}
              onClick={() => void load(events[events.length - 1]?.seq ?? 0)}
            >
              加载更多
            </Button>
          ) : (
            events.length > 0 && (
              <Typography.Text type="secondary">已加载全部 {events.length} 条记录</Typography.Text>
            )
          )}
        </div>
      </Space>
    </Card>
  );
}
