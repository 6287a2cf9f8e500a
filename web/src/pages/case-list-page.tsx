// 案件列表 (/cases): filters kept in the URL query string, a table paged by the server.

import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, get } from '../api/client.ts';
import type { CaseSummary, Unit } from '../api/types.ts';
import { STATE_OPTIONS, StateTag, type PolicySummary } from '../components/case-data.tsx';
import { GROUND_LABELS } from '../../../src/domain/policy/policy-model.ts';
import { chineseDate } from '../format.ts';
import { useSession } from '../session.tsx';

interface CaseRow extends CaseSummary {
  policy_version: number;
}

interface Filters {
  state?: string;
  unitId?: string;
  policyId?: string;
  officerId?: string;
  outcome?: string;
  q?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const FILTER_KEYS = [
  'state',
  'unitId',
  'policyId',
  'officerId',
  'outcome',
  'q',
  'from',
  'to',
] as const;
const PAGE_SIZES = [10, 20, 50, 100];

export default function CaseListPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { user } = useSession();
  const [form] = Form.useForm<Filters>();
  const [data, setData] = useState<{ total: number; items: CaseRow[] } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [units, setUnits] = useState<Unit[]>([]);
  const [policyTitles, setPolicyTitles] = useState<Record<string, string>>({});
  const [officers, setOfficers] = useState<Record<string, string>>({});

  const limit = Number(params.get('limit') ?? 20) || 20;
  const offset = Number(params.get('offset') ?? 0) || 0;
  const query = params.toString();

  useEffect(() => {
    get<Unit[]>('/api/v1/units')
      .then(setUnits)
      .catch(() => setUnits([]));
    get<PolicySummary[]>('/api/v1/policies')
      .then((list) => setPolicyTitles(Object.fromEntries(list.map((p) => [p.id, p.title]))))
      .catch(() => setPolicyTitles({}));
  }, []);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    const q = new URLSearchParams(query);
    if (!q.has('limit')) q.set('limit', '20');
    get<{ total: number; items: CaseRow[] }>(`/api/v1/cases?${q.toString()}`)
      .then((r) => live && setData(r))
      .catch(
        (e: unknown) =>
          live && setError(e instanceof ApiError ? e.message : '加载失败，请稍后重试'),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query]);

  // The officers' names, for the column and the filter: read once per officer seen.
  useEffect(() => {
    const unknown = [...new Set((data?.items ?? []).map((i) => i.officer_id))].filter(
      (oid) => !(oid in officers),
    );
    if (unknown.length === 0) return;
    void Promise.all(
      unknown.map((oid) =>
        get<{ officer: { display_name: string } }>(`/api/v1/officers/${oid}/record`)
          .then((r) => [oid, r.officer.display_name] as const)
          .catch(() => [oid, oid === user?.id ? user.displayName : '（未知）'] as const),
      ),
    ).then((pairs) => setOfficers((o) => ({ ...o, ...Object.fromEntries(pairs) })));
  }, [data, officers, user]);

  // The form follows the URL (back/forward, links).
  useEffect(() => {
    const from = params.get('from');
    const to = params.get('to');
    form.setFieldsValue({
      state: params.get('state') ?? undefined,
      unitId: params.get('unitId') ?? undefined,
      policyId: params.get('policyId') ?? undefined,
      officerId: params.get('officerId') ?? undefined,
      outcome: params.get('outcome') ?? undefined,
      q: params.get('q') ?? undefined,
      range: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null,
    });
  }, [params, form]);

  const policyOptions = useMemo(() => {
    const ids = new Set(Object.keys(policyTitles));
    for (const id of units.map((u) => u.policy_id).filter((p): p is string => !!p)) ids.add(id);
    for (const i of data?.items ?? []) ids.add(i.policy_id);
    const current = params.get('policyId');
    if (current) ids.add(current);
    return [...ids].sort().map((id) => ({ value: id, label: policyTitles[id] ?? id }));
  }, [units, data, params, policyTitles]);

  const officerOptions = useMemo(() => {
    const entries = { ...officers };
    if (user?.roles.includes('officer')) entries[user.id] = user.displayName;
    return Object.entries(entries).map(([value, label]) => ({
      value,
      label: value === user?.id ? `${label}（本人）` : label,
    }));
  }, [officers, user]);

  const apply = (v: Filters) => {
    const next = new URLSearchParams();
    const set = (k: string, val: string | undefined | null) => {
      if (val && val.trim()) next.set(k, val.trim());
    };
    set('state', v.state);
    set('unitId', v.unitId);
    set('policyId', v.policyId);
    set('officerId', v.officerId);
    set('outcome', v.outcome);
    set('q', v.q);
    set('from', v.range?.[0]?.format('YYYY-MM-DD'));
    set('to', v.range?.[1]?.format('YYYY-MM-DD'));
    if (params.get('limit')) next.set('limit', params.get('limit')!);
    setParams(next);
  };

  const reset = () => {
    form.resetFields();
    const next = new URLSearchParams();
    if (params.get('limit')) next.set('limit', params.get('limit')!);
    setParams(next);
  };

  const page = (p: number, size: number) => {
    const next = new URLSearchParams(params);
    next.set('limit', String(size));
    if (size !== limit) next.set('offset', '0');
    else next.set('offset', String((p - 1) * size));
    if (next.get('offset') === '0') next.delete('offset');
    setParams(next);
  };

  const unitName = (uid: string) => units.find((u) => u.id === uid)?.name ?? '—';
  const filtered = FILTER_KEYS.some((k) => params.get(k));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        案件
      </Typography.Title>
      <Card size="small">
        <Form form={form} layout="vertical" onFinish={apply}>
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
              columnGap: 16,
            }}
          >
            <Form.Item label="状态" name="state">
              <Select allowClear placeholder="全部状态" options={STATE_OPTIONS} />
            </Form.Item>
            <Form.Item label="单位" name="unitId">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="全部单位（含下级）"
                options={units.map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
            <Form.Item label="制度" name="policyId">
              <Select allowClear placeholder="全部制度" options={policyOptions} />
            </Form.Item>
            <Form.Item label="认定结论" name="outcome">
              <Select
                allowClear
                placeholder="全部结论"
                options={Object.entries(GROUND_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item label="执法人员" name="officerId">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="全部人员"
                options={officerOptions}
              />
            </Form.Item>
            <Form.Item label="提出日期" name="range">
              <DatePicker.RangePicker
                allowEmpty={[true, true]}
                style={{ width: '100%' }}
                placeholder={['开始日期', '结束日期']}
              />
            </Form.Item>
            <Form.Item label="关键词" name="q">
              <Input allowClear placeholder="案号、标题或履职行为" maxLength={100} />
            </Form.Item>
          </div>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button onClick={reset} disabled={!filtered}>
              重置
            </Button>
          </Space>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      <Card size="small">
        <Table<CaseRow>
          rowKey="id"
          loading={loading}
          dataSource={error ? [] : (data?.items ?? [])}
          scroll={{ x: 720 }}
          locale={{ emptyText: error ? '加载失败' : '暂无案件' }}
          onRow={(r) => ({
            onClick: () => navigate(`/cases/${r.id}`),
            onKeyDown: (e) => {
              if (e.key === 'Enter') navigate(`/cases/${r.id}`);
            },
            tabIndex: 0,
            style: { cursor: 'pointer' },
          })}
          pagination={{
            current: Math.floor(offset / limit) + 1,
            pageSize: limit,
            total: data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 件`,
            onChange: page,
          }}
          columns={[
            { title: '案号', dataIndex: 'number', width: 160 },
            {
              title: '标题',
              dataIndex: 'title',
              render: (t: string, r) => (
                <Typography.Link onClick={() => navigate(`/cases/${r.id}`)}>{t}</Typography.Link>
              ),
            },
            {
              title: '状态',
              dataIndex: 'state',
              width: 130,
              render: (s: string, r) => <StateTag state={s} label={r.stateLabel} />,
            },
            {
              title: '制度',
              dataIndex: 'policy_id',
              width: 220,
              render: (p: string, r) => `${policyTitles[p] ?? p}（第 ${r.policy_version} 版）`,
            },
            {
              title: '单位',
              dataIndex: 'unit_id',
              width: 180,
              responsive: ['lg'],
              render: unitName,
            },
            {
              title: '执法人员',
              dataIndex: 'officer_id',
              width: 100,
              responsive: ['md'],
              render: (o: string) => officers[o] ?? '…',
            },
            {
              title: '提出日期',
              dataIndex: 'created_at',
              width: 140,
              render: (t: string) => chineseDate(t),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
