// 审计日志 (审计管理员): who did what, on which case, when and from where, newest first,
// narrowed by actor, action, case number and dates on the server, a page at a time; the
// events found exported as CSV (the export is itself audited); and a check of the hash
// chain against the newest signed checkpoint, showing the count or every problem found.

import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Select,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type {
  AuditBreak,
  AuditEvent,
  AuditLogPage,
  AuditVerification,
} from '../../../../src/contract/audit.schemas.ts';
import { AUDIT_ACTION_LABELS } from '../../../../src/contract/labels.ts';
import { get } from '@shared/api-client.ts';
import { CompactTable } from '@shared/compact-table.tsx';
import { errorText } from '@shared/error-text.ts';
import { chineseDateTime } from '@shared/format.ts';
import { LoadFailed } from '@shared/loading.tsx';
import { useSubmit } from '@shared/use-submit.ts';

const PAGE_SIZE = 50;

/** Which signed checkpoint the chain was held to, and whether it still holds. */
function CheckpointLine({ result }: { result: AuditVerification }) {
  const c = result.checkpoint;
  if (!c)
    return (
      <Typography.Text type="secondary">
        尚无有效的签名检查点：无法发现对审计链末尾的改写或删除（可在服务器上生成检查点，或等待定时检查点）。
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
              仅列出前 {result.breaks.length} 处；完整列表请在服务器上运行审计校验命令。
            </Typography.Text>
          )}
        </Space>
      }
    />
  );
}

const COLUMNS: TableColumnsType<AuditEvent> = [
  { title: '序号', dataIndex: 'seq', width: 80 },
  { title: '时间', dataIndex: 'atText', width: 190 },
  {
    title: '操作人',
    key: 'actor',
    width: 160,
    render: (_: unknown, e) =>
      e.actor ? (
        <span>
          {e.actor.displayName}
          <Typography.Text type="secondary">（{e.actor.username}）</Typography.Text>
        </span>
      ) : e.actorId ? (
        '（用户不存在）'
      ) : (
        '系统'
      ),
  },
  { title: '操作', dataIndex: 'actionLabel', width: 200 },
  {
    title: '对象',
    key: 'subject',
    render: (_: unknown, e) => (
      <span>
        <Typography.Text type="secondary">{e.entityLabel} </Typography.Text>
        {e.subject}
      </span>
    ),
  },
  {
    title: '来源地址',
    dataIndex: 'clientAddress',
    width: 150,
    render: (a: string | null) => a ?? '—',
  },
];

const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({
  value,
  label,
}));

interface FilterForm {
  actor?: string;
  action?: string;
  case?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** The filters as the API's query: only those given. */
function queryOf(v: FilterForm): URLSearchParams {
  const q = new URLSearchParams();
  const text = (key: string, value: string | undefined) => {
    if (value?.trim()) q.set(key, value.trim());
  };
  text('actor', v.actor);
  text('action', v.action);
  text('case', v.case);
  const [from, to] = v.range ?? [];
  if (from) q.set('from', from.format('YYYY-MM-DD'));
  if (to) q.set('to', to.format('YYYY-MM-DD'));
  return q;
}

function AuditFilters({ onSearch }: { onSearch: (q: URLSearchParams) => void }) {
  const [form] = Form.useForm<FilterForm>();
  return (
    <Form
      form={form}
      layout="vertical"
      aria-label="筛选审计记录"
      onFinish={(v) => onSearch(queryOf(v))}
    >
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
          columnGap: 16,
        }}
      >
        <Form.Item label="操作人" name="actor">
          <Input allowClear placeholder="姓名或账号" maxLength={100} />
        </Form.Item>
        <Form.Item label="操作" name="action">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部操作"
            options={ACTION_OPTIONS}
          />
        </Form.Item>
        <Form.Item label="案号" name="case">
          <Input allowClear placeholder="如 锡盟应急容〔2026〕5号" maxLength={100} />
        </Form.Item>
        <Form.Item label="日期" name="range">
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            style={{ width: '100%' }}
            placeholder={['开始日期', '结束日期']}
          />
        </Form.Item>
      </div>
      <Space>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch(new URLSearchParams());
          }}
        >
          重置
        </Button>
      </Space>
    </Form>
  );
}

export default function AuditPage() {
  const [filters, setFilters] = useState(() => new URLSearchParams());
  const [page, setPage] = useState(1);
  const [found, setFound] = useState<AuditLogPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<AuditVerification | null>(null);
  const verification = useSubmit(async () => {
    setResult(null);
    setResult(await get<AuditVerification>('/api/v1/audit/verify'));
  });

  const load = useCallback(async (query: URLSearchParams, current: number) => {
    setLoading(true);
    setError(null);
    try {
      const q = new URLSearchParams(query);
      q.set('limit', String(PAGE_SIZE));
      q.set('offset', String((current - 1) * PAGE_SIZE));
      setFound(await get<AuditLogPage>(`/api/v1/audit?${q.toString()}`));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(filters, page);
  }, [load, filters, page]);

  const exportHref = `/api/v1/audit/export${filters.toString() !== '' ? `?${filters.toString()}` : ''}`;
  return (
    <Card
      title="审计日志"
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={exportHref} download>
            导出 CSV
          </Button>
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verification.busy}
            onClick={() => void verification.submit()}
          >
            校验审计链
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {result && <VerifyResult result={result} />}
        {verification.error && <LoadFailed title="校验失败" message={verification.error} />}
        <AuditFilters
          onSearch={(q) => {
            setFilters(q);
            setPage(1);
          }}
        />
        {error && <LoadFailed title="审计日志加载失败" message={error} />}
        <Table<AuditEvent>
          rowKey="seq"
          size="small"
          aria-label="审计记录"
          columns={COLUMNS}
          dataSource={found?.items ?? []}
          loading={loading}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description="没有符合条件的审计记录" /> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: found?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 条`,
            onChange: setPage,
          }}
        />
      </Space>
    </Card>
  );
}
