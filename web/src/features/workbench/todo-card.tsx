// 我的待办: the cases where the reader's role acts next, as the server derives them from
// the procedure's transition table (GET /api/v1/worklist).

import { Card, Empty, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { CaseSummary, Worklist } from '../../../../src/contract/case.schemas.ts';
import type { CaseState } from '../../../../src/contract/labels.ts';
import { CompactTable, dateColumn } from '@shared/compact-table.tsx';
import { Loaded } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { StateTag } from '../case/state-tag.tsx';

const caseLink = (text: string, c: CaseSummary) => <Link to={`/cases/${c.id}`}>{text}</Link>;

const COLUMNS: TableColumnsType<CaseSummary> = [
  { title: '案件编号', dataIndex: 'number', width: 150, render: caseLink },
  { title: '案件名称', dataIndex: 'title', render: caseLink },
  {
    title: '状态',
    dataIndex: 'state',
    width: 130,
    render: (s: CaseState, c) => <StateTag state={s} label={c.stateLabel} />,
  },
  dateColumn('创建日期', 'createdAt', 140),
];

export function TodoCard() {
  const { data, error } = useFetch<Worklist>('/api/v1/worklist');
  return (
    <Card title="我的待办" extra={<Link to="/cases">全部案件</Link>}>
      <Loaded data={data} error={error} failed="待办加载失败">
        {({ items }) => (
          <CompactTable
            rows={items}
            columns={COLUMNS}
            pageSize={10}
            minWidth={560}
            empty={<Empty description="暂无待办案件" />}
          />
        )}
      </Loaded>
    </Card>
  );
}
