// The users as both administrators' pages list them: who, in which unit, then the
// columns each page adds (the roles as tags, or as a form to change them).

import { Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Unit, User } from '../../../../src/contract/account.schemas.ts';

export function UsersTable({
  users,
  units,
  columns,
  empty,
}: {
  users: User[];
  units: Unit[];
  columns: ColumnsType<User>;
  empty: string;
}) {
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return (
    <Table<User>
      rowKey="id"
      size="small"
      dataSource={users}
      pagination={users.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 720 }}
      locale={{ emptyText: <Empty description={empty} /> }}
      columns={[
        { title: '用户名', dataIndex: 'username', width: 120 },
        { title: '姓名', dataIndex: 'displayName', width: 110 },
        {
          title: '单位',
          dataIndex: 'unitId',
          width: 180,
          render: (id: string) => unitName.get(id) ?? '—',
        },
        ...columns,
      ]}
    />
  );
}
