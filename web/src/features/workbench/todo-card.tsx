// 我的待办: the cases whose next step is the reader's to take now, each with that step,
// as the server finds them (GET /api/v1/worklist, the same rule as the case page's 下一步).

import { Card, Empty, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { Worklist } from '../../../../src/contract/case.schemas.ts';
import type { CaseState } from '../../../../src/contract/labels.ts';
import { CompactTable, dateColumn } from '@shared/compact-table.tsx';
import { Loaded } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { StateTag } from '../case/state-tag.tsx';

type Todo = Worklist['items'][number];

const caseLink = (text: string, c: Todo) => <Link to={`/cases/${c.id}`}>{text}</Link>;

const COLUMNS: TableColumnsType<Todo> = [
  { title: '案件编号', dataIndex: 'number', width: 150, render: caseLink },
  { title: '案件名称', dataIndex: 'title', render: caseLink },
  { title: '待办事项', dataIndex: 'step', width: 170 },
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
            minWidth={720}
            empty={<Empty description="暂无待办案件" />}
          />
        )}
      </Loaded>
    </Card>
  );
}
