// 信访举报 (/reports): the reports the reader may see, as the server gives them (those of
// their unit subtree, never one about themselves), filtered by state, by 实名/匿名 and by
// whether the feedback deadline has passed; the filters kept in the URL. Petitions staff
// register a new report from here.

import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Form, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { chineseDate } from '@shared/format.ts';
import { useFetch } from '@shared/use-fetch.ts';
import { useSession } from '../account/session.tsx';
import { NamedTag, ReportTags } from './report-tags.tsx';
import {
  REPORT_STATES,
  REPORT_STATE_LABELS,
  type ReportList,
  type ReportSummary,
} from '../../../../src/contract/report.schemas.ts';

const PAGE_SIZES = [10, 20, 50, 100];
const STATE_OPTIONS = REPORT_STATES.map((s) => ({ value: s, label: REPORT_STATE_LABELS[s] }));
const NAMED_OPTIONS = [
  { value: 'true', label: '实名举报' },
  { value: 'false', label: '匿名举报' },
];
const FILTERS = ['state', 'named', 'overdue'] as const;

interface Filters {
  state?: string;
  named?: string;
  overdue?: boolean;
}

function Filters() {
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Filters>();
  useEffect(() => {
    form.setFieldsValue({
      state: params.get('state') ?? undefined,
      named: params.get('named') ?? undefined,
      overdue: params.get('overdue') === 'true',
    });
  }, [params, form]);
  const apply = (v: Filters) => {
    const next = new URLSearchParams();
    if (v.state) next.set('state', v.state);
    if (v.named) next.set('named', v.named);
    if (v.overdue) next.set('overdue', 'true');
    const size = params.get('pageSize');
    if (size) next.set('pageSize', size);
    setParams(next);
  };
  return (
    <Card size="small">
      <Form form={form} layout="inline" onValuesChange={(_, all) => apply(all)}>
        <Form.Item label="状态" name="state">
          <Select
            allowClear
            placeholder="全部状态"
            options={STATE_OPTIONS}
            style={{ width: 140 }}
          />
        </Form.Item>
        <Form.Item label="举报方式" name="named">
          <Select
            allowClear
            placeholder="实名和匿名"
            options={NAMED_OPTIONS}
            style={{ width: 140 }}
          />
        </Form.Item>
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox>只看反馈已逾期</Checkbox>
        </Form.Item>
      </Form>
    </Card>
  );
}

const COLUMNS: TableColumnsType<ReportSummary> = [
  {
    title: '编号',
    dataIndex: 'number',
    width: 200,
    render: (n: string, r) => (
      <Link to={`/reports/${r.id}`} style={{ whiteSpace: 'nowrap' }}>
        {n}
      </Link>
    ),
  },
  {
    title: '受理日期',
    dataIndex: 'receivedOn',
    width: 150,
    render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{chineseDate(d)}</span>,
  },
  {
    title: '来源',
    key: 'channel',
    width: 130,
    render: (_: unknown, r) => (
      <Space size={4}>
        {r.channelLabel}
        <NamedTag named={r.named} />
      </Space>
    ),
  },
  {
    title: '被举报人',
    key: 'officers',
    width: 160,
    render: (_: unknown, r) => r.officers.map((o) => o.name).join('、'),
  },
  { title: '承办单位', key: 'unit', width: 180, render: (_: unknown, r) => r.unit.name },
  { title: '状态', key: 'state', width: 160, render: (_: unknown, r) => <ReportTags r={r} /> },
  {
    title: '查处结论',
    dataIndex: 'findingLabel',
    width: 150,
    render: (l: string | null) => l ?? <Typography.Text type="secondary">尚未查结</Typography.Text>,
  },
  {
    title: '反馈期限',
    dataIndex: 'feedbackDue',
    width: 150,
    render: (d: string | null, r) =>
      d === null ? (
        <Typography.Text type="secondary">匿名不适用</Typography.Text>
      ) : (
        <Typography.Text
          type={r.dueStatus === 'overdue' ? 'danger' : undefined}
          style={{ whiteSpace: 'nowrap' }}
        >
          {chineseDate(d)}
        </Typography.Text>
      ),
  },
  {
    title: '关联案件',
    key: 'case',
    width: 190,
    render: (_: unknown, r) =>
      r.caseId ? (
        <Link to={`/cases/${r.caseId}`} onClick={(e) => e.stopPropagation()}>
          {r.caseNumber}
        </Link>
      ) : (
        '—'
      ),
  },
];

export default function ReportListPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { hasRole } = useSession();
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const query = new URLSearchParams();
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v) query.set(k, v);
  }
  query.set('page', String(page));
  query.set('pageSize', String(pageSize));
  const list = useFetch<ReportList>(`/api/v1/reports?${query.toString()}`, { keep: true });

  const turn = (p: number, size: number) => {
    const next = new URLSearchParams(params);
    next.set('page', size !== pageSize ? '1' : String(p));
    next.set('pageSize', String(size));
    setParams(next);
  };
  const open = (r: ReportSummary) => navigate(`/reports/${r.id}`);
  const scrollX = COLUMNS.reduce((sum, c) => sum + (Number(c.width) || 0), 0);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            信访举报
          </Typography.Title>
          <Typography.Text type="secondary">
            反映执法人员问题的信访举报：受理、查处、向实名举报人反馈或对匿名举报说明情况，对受到诬告陷害的予以澄清正名。
          </Typography.Text>
        </div>
        {hasRole('petitions') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/reports/new')}>
            登记举报
          </Button>
        )}
      </Space>
      <Filters />
      {list.error && <Alert type="error" showIcon title={list.error} role="alert" />}
      <Card size="small">
        <Table<ReportSummary>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          columns={COLUMNS}
          scroll={{ x: scrollX }}
          locale={{ emptyText: list.error ? '加载失败' : '暂无信访举报' }}
          onRow={(r) => ({
            onClick: () => open(r),
            onKeyDown: (e) => {
              if (e.key === 'Enter') open(r);
            },
            tabIndex: 0,
            style: { cursor: 'pointer' },
          })}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 件`,
            onChange: turn,
          }}
        />
      </Card>
    </Space>
  );
}
