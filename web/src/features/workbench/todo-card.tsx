// 我的待办: the cases where the reader's role acts next, as the server derives them from
// the procedure's transition table (GET /api/v1/worklist).

import { Card, Empty, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { CaseSummary, Worklist } from '../../../../src/contract/case.schemas.ts';
import { chineseDate } from '../../shared/format.ts';
import { Loaded } from '../../shared/loading.tsx';
import { useFetch } from '../../shared/use-fetch.ts';

export function TodoCard() {
  const { data, error } = useFetch<Worklist>('/api/v1/worklist');
  return (
    <Card title="我的待办" extra={<Link to="/cases">全部案件</Link>}>
      <Loaded data={data} error={error} failed="待办加载失败">
        {({ items }) => (
          <Table<CaseSummary>
            rowKey="id"
            size="small"
            dataSource={items}
            pagination={items.length > 10 ? { pageSize: 10 } : false}
            scroll={{ x: 560 }}
            locale={{ emptyText: <Empty description="暂无待办案件" /> }}
            columns={[
              {
                title: '案件编号',
                dataIndex: 'number',
                width: 150,
                render: (n: string, c) => <Link to={`/cases/${c.id}`}>{n}</Link>,
              },
              {
                title: '案件名称',
                dataIndex: 'title',
                render: (t: string, c) => <Link to={`/cases/${c.id}`}>{t}</Link>,
              },
              {
                title: '状态',
                dataIndex: 'stateLabel',
                width: 130,
                render: (s: string) => <Tag color="blue">{s}</Tag>,
              },
              {
                title: '创建日期',
                dataIndex: 'createdAt',
                width: 140,
                render: (d: string) => chineseDate(d),
              },
            ]}
          />
        )}
      </Loaded>
    </Card>
  );
}
