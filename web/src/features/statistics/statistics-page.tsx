// 统计分析: the figures of a unit's subtree (cases by outcome, field, error type, unit and
// quarter; corrections on time and late; days in each stage) as ECharts charts, filtered by
// unit, policy and quarters, each downloadable as CSV and Excel. What is counted, and how,
// is the server's (GET /api/v1/statistics); the page only draws it.

import { DownloadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Row,
  Select,
  Space,
  Statistic,
  TreeSelect,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type {
  Figure,
  Statistics,
  StatisticsUnit,
} from '../../../../src/contract/statistics.schemas.ts';
import {
  EXPORT_FORMAT_LABELS,
  EXPORT_FORMATS,
} from '../../../../src/contract/statistics.schemas.ts';
import { Loaded } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { FigureChart } from './figure-chart.tsx';

interface Filters {
  unitId?: string;
  policyId?: string;
  quarters?: [Dayjs | null, Dayjs | null] | null;
}

/** The first day of the quarter a picked day falls in, as the API reads it. */
function quarterStart(day: Dayjs): string {
  const month = Math.floor(day.month() / 3) * 3 + 1;
  return `${day.year()}-${String(month).padStart(2, '0')}-01`;
}

function queryOf(f: Filters): URLSearchParams {
  const q = new URLSearchParams();
  if (f.unitId) q.set('unitId', f.unitId);
  if (f.policyId) q.set('policyId', f.policyId);
  const [from, to] = f.quarters ?? [null, null];
  if (from) q.set('from', quarterStart(from));
  if (to) q.set('to', quarterStart(to));
  return q;
}

interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}

function unitTree(units: readonly StatisticsUnit[]): TreeNode[] {
  const nodes = new Map(
    units.map((u) => [u.id, { value: u.id, title: u.name, children: [] as TreeNode[] }]),
  );
  const roots: TreeNode[] = [];
  for (const u of units) {
    const parent = u.parentId === null ? undefined : nodes.get(u.parentId);
    (parent ? parent.children : roots).push(nodes.get(u.id)!);
  }
  return roots;
}

export default function StatisticsPage() {
  const [filters, setFilters] = useState<Filters>({});
  const query = queryOf(filters).toString();
  const stats = useFetch<Statistics>(`/api/v1/statistics${query === '' ? '' : `?${query}`}`, {
    keep: true,
  });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        统计分析
      </Typography.Title>
      <Loaded data={stats.data} error={stats.error} failed="统计数据加载失败" page>
        {(s) => (
          <>
            <FilterCard statistics={s} onChange={setFilters} />
            <Row gutter={[16, 16]}>
              {s.figures.map((f) => (
                <Col key={f.id} xs={24} xl={12}>
                  <FigureCard figure={f} query={query} />
                </Col>
              ))}
            </Row>
          </>
        )}
      </Loaded>
    </Space>
  );
}

function FilterCard({
  statistics: s,
  onChange,
}: {
  statistics: Statistics;
  onChange: (f: Filters) => void;
}) {
  const tree = useMemo(() => unitTree(s.units), [s.units]);
  return (
    <Card>
      <Form<Filters>
        layout="inline"
        aria-label="统计筛选"
        initialValues={{ unitId: s.filters.unit.id }}
        onValuesChange={(_, all) => onChange(all)}
        style={{ rowGap: 12 }}
      >
        <Form.Item name="unitId" label="单位">
          <TreeSelect
            treeData={tree}
            treeDefaultExpandAll
            style={{ width: 260 }}
            aria-label="单位"
          />
        </Form.Item>
        <Form.Item name="policyId" label="制度">
          <Select
            allowClear
            placeholder="全部制度"
            style={{ width: 260 }}
            aria-label="制度"
            options={s.policies.map((p) => ({ value: p.id, label: p.title }))}
          />
        </Form.Item>
        <Form.Item name="quarters" label="受理季度">
          <DatePicker.RangePicker
            picker="quarter"
            allowEmpty={[true, true]}
            aria-label="受理季度"
          />
        </Form.Item>
      </Form>
      <Space size={32} style={{ marginTop: 16 }} wrap>
        <Statistic title="案件总数" value={s.totalCases} />
        <Statistic title="单位" value={`${s.filters.unit.name}及下级单位`} />
        <Statistic title="期间" value={s.filters.periodLabel} />
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
        日期按季度计：所选起止日期所在季度的案件（按受理所在季度，北京时间）都计入。
      </Typography.Paragraph>
    </Card>
  );
}

function FigureCard({ figure, query }: { figure: Figure; query: string }) {
  const empty = figure.rows.every((r) => r.values.every((v) => v === 0));
  return (
    <Card
      title={figure.title}
      aria-label={figure.title}
      extra={
        <Space size={4}>
          {EXPORT_FORMATS.map((format) => (
            <Button
              key={format}
              size="small"
              icon={<DownloadOutlined />}
              href={`/api/v1/statistics/export?figure=${figure.id}&format=${format}${query === '' ? '' : `&${query}`}`}
              download
            >
              {EXPORT_FORMAT_LABELS[format]}
            </Button>
          ))}
        </Space>
      }
    >
      {empty ? (
        <Empty description="所选范围内没有数据" style={{ height: 320, paddingTop: 100 }} />
      ) : (
        <FigureChart figure={figure} />
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {figure.note}
      </Typography.Paragraph>
    </Card>
  );
}
