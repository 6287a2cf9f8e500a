// 纠错待办: the corrections where a step is the reader's to take now (下发纠错通知, 审批延期
// 申请, 验收办结 for the unit's staff; 报告整改进展 for the officer), as the server finds
// them (GET /api/v1/corrections?todo=true), each with its deadline and how it stands.

import { Card, Empty, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type {
  CorrectionList,
  CorrectionSummary,
} from '../../../../src/contract/correction.schemas.ts';
import { CompactTable } from '@shared/compact-table.tsx';
import { chineseDate } from '@shared/format.ts';
import { Loaded } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { CorrectionTags } from '../correction/correction-tags.tsx';

const link = (text: string, c: CorrectionSummary) => (
  <Link to={`/corrections/${c.id}`}>{text}</Link>
);

const COLUMNS: TableColumnsType<CorrectionSummary> = [
  { title: '案号', dataIndex: 'caseNumber', width: 170, render: link },
  { title: '案件', dataIndex: 'caseTitle', render: link },
  { title: '待办事项', dataIndex: 'todo', width: 150 },
  { title: '纠错对象', key: 'officer', width: 100, render: (_: unknown, c) => c.officer.name },
  {
    title: '状态',
    key: 'state',
    width: 200,
    render: (_: unknown, c) => <CorrectionTags c={c} />,
  },
  {
    title: '整改期限',
    dataIndex: 'due',
    width: 140,
    render: (d: string | null) => chineseDate(d),
  },
];

export function CorrectionTodoCard() {
  const { data, error } = useFetch<CorrectionList>('/api/v1/corrections?todo=true&pageSize=50');
  return (
    <Card title="纠错待办" extra={<Link to="/corrections">全部纠错整改</Link>}>
      <Loaded data={data} error={error} failed="纠错待办加载失败">
        {({ items }) => (
          <CompactTable
            rows={items}
            columns={COLUMNS}
            pageSize={10}
            minWidth={860}
            empty={<Empty description="暂无纠错待办" />}
          />
        )}
      </Loaded>
    </Card>
  );
}
