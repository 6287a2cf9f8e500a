// 信访举报待办: the reports the petitions staff handle that are not closed, each with the
// step that moves it on (记录查处结论, 向实名举报人反馈, 匿名举报说明情况) and its feedback
// deadline, as the server finds them (GET /api/v1/reports?todo=true).

import { Card, Empty, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { ReportList, ReportSummary } from '../../../../src/contract/report.schemas.ts';
import { CompactTable } from '@shared/compact-table.tsx';
import { chineseDate } from '@shared/format.ts';
import { Loaded } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { NamedTag, ReportTags } from '../report/report-tags.tsx';

const link = (text: string, r: ReportSummary) => <Link to={`/reports/${r.id}`}>{text}</Link>;

const COLUMNS: TableColumnsType<ReportSummary> = [
  { title: '举报编号', dataIndex: 'number', width: 200, render: link },
  {
    title: '被举报人',
    key: 'officers',
    render: (_: unknown, r) => r.officers.map((o) => o.name).join('、'),
  },
  { title: '待办事项', dataIndex: 'nextStepLabel', width: 150 },
  {
    title: '类别',
    key: 'named',
    width: 80,
    render: (_: unknown, r) => <NamedTag named={r.named} />,
  },
  { title: '状态', key: 'state', width: 170, render: (_: unknown, r) => <ReportTags r={r} /> },
  {
    title: '反馈期限',
    dataIndex: 'feedbackDue',
    width: 140,
    render: (d: string | null) => (d === null ? '—' : chineseDate(d)),
  },
];

export function ReportTodoCard() {
  const { data, error } = useFetch<ReportList>('/api/v1/reports?todo=true&pageSize=50');
  return (
    <Card title="信访举报待办" extra={<Link to="/reports">全部信访举报</Link>}>
      <Loaded data={data} error={error} failed="信访举报待办加载失败">
        {({ items }) => (
          <CompactTable
            rows={items}
            columns={COLUMNS}
            pageSize={10}
            minWidth={860}
            empty={<Empty description="暂无信访举报待办" />}
          />
        )}
      </Loaded>
    </Card>
  );
}
