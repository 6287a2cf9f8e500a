// 案件列表 (/cases): filters kept in the URL query string, a table paged by the server;
// each row comes with its unit, officer and policy named.

import { Alert, Card, Grid, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Unit } from '../../../../src/contract/account.schemas.ts';
import type { CaseList, CaseSummary } from '../../../../src/contract/case.schemas.ts';
import type { CaseState } from '../../../../src/contract/labels.ts';
import type { PolicySummary } from '../../../../src/contract/policy.schemas.ts';
import { dateColumn } from '@shared/compact-table.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { useSession } from '../account/session.tsx';
import { CaseFilters } from './case-filters.tsx';
import { conductPeriodText } from './conduct-period.tsx';
import { StateTag } from './state-tag.tsx';

const PAGE_SIZES = [10, 20, 50, 100];
/** The narrowest the title column gets: some twelve characters. */
const TITLE_MIN_WIDTH = 200;

export default function CaseListPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { user } = useSession();
  const screens = Grid.useBreakpoint();
  const units = useFetch<Unit[]>('/api/v1/units');
  const policies = useFetch<PolicySummary[]>('/api/v1/policies');
  const limit = Number(params.get('limit') ?? 20) || 20;
  const offset = Number(params.get('offset') ?? 0) || 0;
  const query = new URLSearchParams(params);
  if (!query.has('limit')) query.set('limit', '20');
  const list = useFetch<CaseList>(`/api/v1/cases?${query.toString()}`, { keep: true });

  // The officers seen in the list so far, for the filter: the rows name them.
  const [officers, setOfficers] = useState<Record<string, string>>({});
  useEffect(() => {
    const seen = list.data?.items.map((c) => [c.officer.id, c.officer.displayName] as const);
    if (seen?.length) setOfficers((o) => ({ ...o, ...Object.fromEntries(seen) }));
  }, [list.data]);

  const officerOptions = useMemo(() => {
    const entries = { ...officers };
    if (user?.roles.includes('officer')) entries[user.id] = user.displayName;
    return Object.entries(entries).map(([value, label]) => ({
      value,
      label: value === user?.id ? `${label}（本人）` : label,
    }));
  }, [officers, user]);

  const policyOptions = useMemo(() => {
    const titles = new Map((policies.data ?? []).map((p) => [p.id, p.title]));
    for (const u of units.data ?? [])
      if (u.policyId && !titles.has(u.policyId)) titles.set(u.policyId, u.policyId);
    const current = params.get('policyId');
    if (current && !titles.has(current)) titles.set(current, current);
    return [...titles]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([value, label]) => ({ value, label }));
  }, [policies.data, units.data, params]);

  const page = (p: number, size: number) => {
    const next = new URLSearchParams(params);
    next.set('limit', String(size));
    next.set('offset', size !== limit ? '0' : String((p - 1) * size));
    if (next.get('offset') === '0') next.delete('offset');
    setParams(next);
  };

  const open = (c: CaseSummary) => navigate(`/cases/${c.id}`);
  const columns: TableColumnsType<CaseSummary> = [
    { title: '案号', dataIndex: 'number', width: 160 },
    {
      title: '标题',
      dataIndex: 'title',
      render: (t: string, r) => <Typography.Link onClick={() => open(r)}>{t}</Typography.Link>,
    },
    {
      title: '状态',
      dataIndex: 'state',
      width: 120,
      render: (s: CaseState, r) => <StateTag state={s} label={r.stateLabel} />,
    },
    {
      title: '制度',
      key: 'policy',
      width: 220,
      responsive: ['xxl'],
      render: (_: unknown, r) => `${r.policy.title}（第 ${r.policy.version} 版）`,
    },
    {
      title: '单位',
      key: 'unit',
      width: 180,
      responsive: ['lg'],
      render: (_: unknown, r) => r.unit.name || '—',
    },
    {
      title: '执法人员',
      key: 'officer',
      width: 100,
      responsive: ['md'],
      render: (_: unknown, r) => r.officer.displayName || '—',
    },
    {
      title: '行为发生日期',
      key: 'conductDate',
      width: 150,
      responsive: ['lg'],
      render: (_: unknown, r) => conductPeriodText(r.conductDate, r.conductEndDate),
    },
    dateColumn('提出日期', 'createdAt', 140),
  ];
  // The title takes what the other columns leave, and never less than TITLE_MIN_WIDTH:
  // below that the table scrolls rather than squeeze the title to a character a line.
  const shown = columns.filter((c) => !c.responsive || c.responsive.some((b) => screens[b]));
  const scrollX = shown.reduce((sum, c) => sum + (Number(c.width) || 0), TITLE_MIN_WIDTH);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        案件
      </Typography.Title>
      <CaseFilters
        units={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        policies={policyOptions}
        officers={officerOptions}
      />
      {list.error && <Alert type="error" showIcon title={list.error} role="alert" />}
      <Card size="small">
        <Table<CaseSummary>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: scrollX }}
          locale={{ emptyText: list.error ? '加载失败' : '暂无案件' }}
          onRow={(r) => ({
            onClick: () => open(r),
            onKeyDown: (e) => {
              if (e.key === 'Enter') open(r);
            },
            tabIndex: 0,
            style: { cursor: 'pointer' },
          })}
          pagination={{
            current: Math.floor(offset / limit) + 1,
            pageSize: limit,
            // Past the cap, one page more than the cap holds, so that the next is there.
            total: (list.data?.total ?? 0) + (list.data?.totalCapped ? 1 : 0),
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            // Past its cap the server stops counting (a province's list would read every
            // case for the number); the pages up to the cap and one more are there to turn.
            showTotal: (t) =>
              list.data?.totalCapped
                ? `超过 ${list.data.total.toLocaleString('zh-CN')} 件`
                : `共 ${t} 件`,
            onChange: page,
          }}
          columns={columns}
        />
      </Card>
    </Space>
  );
}
