// 纠错整改 / 我的整改 (/corrections): the corrections the reader may see, as the server
// gives them (an officer only their own, unit staff their units'), filtered by state and
// by whether the deadline has passed; the filters kept in the URL. Each row says how its
// deadline stands (即将到期, 已逾期) and whether an extension waits for a decision.

import { Alert, Card, Checkbox, Form, Grid, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { chineseDate } from '@shared/format.ts';
import { useFetch } from '@shared/use-fetch.ts';
import { useSession } from '../account/session.tsx';
import { CorrectionTags } from './correction-tags.tsx';
import type {
  CorrectionList,
  CorrectionSummary,
} from '../../../../src/contract/correction.schemas.ts';
import { CORRECTION_STATE_LABELS, CORRECTION_STATES } from '../../../../src/contract/labels.ts';

const PAGE_SIZES = [10, 20, 50, 100];
/** The narrowest the case title column gets: some twelve characters. */
const TITLE_MIN_WIDTH = 200;
const STATE_OPTIONS = CORRECTION_STATES.map((s) => ({
  value: s,
  label: CORRECTION_STATE_LABELS[s],
}));

interface Filters {
  state?: string;
  overdue?: boolean;
}

function Filters() {
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Filters>();
  useEffect(() => {
    form.setFieldsValue({
      state: params.get('state') ?? undefined,
      overdue: params.get('overdue') === 'true',
    });
  }, [params, form]);
  const apply = (v: Filters) => {
    const next = new URLSearchParams();
    if (params.get('mine') === 'true') next.set('mine', 'true');
    if (v.state) next.set('state', v.state);
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
            style={{ width: 180 }}
          />
        </Form.Item>
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox>只看已逾期</Checkbox>
        </Form.Item>
      </Form>
    </Card>
  );
}

export default function CorrectionListPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { hasRole } = useSession();
  const screens = Grid.useBreakpoint();
  const staff = hasRole('secretary', 'investigator');
  // An officer sees only their own whatever the query says; unit staff ask for their own with mine=true.
  const mine = params.get('mine') === 'true' || !staff;
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const query = new URLSearchParams();
  for (const k of ['state', 'overdue'] as const) {
    const v = params.get(k);
    if (v) query.set(k, v);
  }
  if (mine) query.set('mine', 'true');
  query.set('page', String(page));
  query.set('pageSize', String(pageSize));
  const list = useFetch<CorrectionList>(`/api/v1/corrections?${query.toString()}`, { keep: true });

  const turn = (p: number, size: number) => {
    const next = new URLSearchParams(params);
    next.set('page', size !== pageSize ? '1' : String(p));
    next.set('pageSize', String(size));
    setParams(next);
  };
  const open = (c: CorrectionSummary) => navigate(`/corrections/${c.id}`);

  const columns: TableColumnsType<CorrectionSummary> = [
    {
      title: '案号',
      dataIndex: 'caseNumber',
      width: 190,
      render: (n: string, c) => (
        <Link
          to={`/cases/${c.caseId}`}
          onClick={(e) => e.stopPropagation()}
          style={{ whiteSpace: 'nowrap' }}
        >
          {n}
        </Link>
      ),
    },
    {
      title: '案件',
      dataIndex: 'caseTitle',
      render: (t: string, c) => <Link to={`/corrections/${c.id}`}>{t}</Link>,
    },
    ...(mine
      ? []
      : [
          {
            title: '纠错对象',
            key: 'officer',
            width: 110,
            render: (_: unknown, c: CorrectionSummary) => c.officer.name,
          },
          {
            title: '单位',
            key: 'unit',
            width: 180,
            responsive: ['lg' as const],
            render: (_: unknown, c: CorrectionSummary) => c.unit.name,
          },
        ]),
    {
      title: '状态',
      key: 'state',
      width: 200,
      render: (_: unknown, c) => <CorrectionTags c={c} />,
    },
    {
      title: '通知下发',
      dataIndex: 'notifiedOn',
      width: 140,
      responsive: ['md'],
      render: (d: string | null) => (d ? chineseDate(d) : '尚未下发'),
    },
    {
      title: '整改期限',
      dataIndex: 'due',
      width: 140,
      render: (d: string | null, c) => (
        <Typography.Text type={c.dueStatus === 'overdue' ? 'danger' : undefined}>
          {chineseDate(d)}
        </Typography.Text>
      ),
    },
    {
      title: '办结日期',
      dataIndex: 'closedOn',
      width: 140,
      responsive: ['xl'],
      render: (d: string | null) => chineseDate(d),
    },
  ];

  // The case title takes what the other columns leave, never less than TITLE_MIN_WIDTH:
  // below that the table scrolls rather than squeeze it to a character or two a line.
  const shown = columns.filter((c) => !c.responsive || c.responsive.some((b) => screens[b]));
  const scrollX = shown.reduce((sum, c) => sum + (Number(c.width) || 0), TITLE_MIN_WIDTH);
  const title = mine ? '我的整改' : '纠错整改';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {mine
            ? '本人作为纠错对象的整改事项：按纠错通知整改、报告进展、申请延期、报告完成。'
            : '本单位及下级单位的纠错整改：下发纠错通知、跟踪了解、审批延期、验收办结。'}
        </Typography.Text>
      </div>
      <Filters />
      {list.error && <Alert type="error" showIcon title={list.error} role="alert" />}
      <Card size="small">
        <Table<CorrectionSummary>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: scrollX }}
          locale={{ emptyText: list.error ? '加载失败' : '暂无纠错整改事项' }}
          onRow={(c) => ({
            onClick: () => open(c),
            onKeyDown: (e) => {
              if (e.key === 'Enter') open(c);
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
            showTotal: (t) => `共 ${t} 项`,
            onChange: turn,
          }}
        />
      </Card>
    </Space>
  );
}
