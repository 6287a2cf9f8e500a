// The users as both administrators' pages list them: who, in which unit, then the
// columns each page adds (the roles as tags, or as a form to change them).

import { Empty, Tag, type TableColumnsType } from 'antd';
import type { Unit, User } from '../../../../src/contract/account.schemas.ts';
import { CompactTable } from '@shared/compact-table.tsx';

export function UsersTable({
  users,
  units,
  columns,
  empty,
}: {
  users: User[];
  units: Unit[];
  columns: TableColumnsType<User>;
  empty: string;
}) {
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const who: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: 120 },
    {
      title: '姓名',
      dataIndex: 'displayName',
      width: 130,
      render: (name: string, u) => (
        <>
          {name}
          {u.disabled && (
            <Tag color="red" style={{ marginLeft: 4 }}>
              已停用
            </Tag>
          )}
        </>
      ),
    },
    {
      title: '单位',
      dataIndex: 'unitId',
      width: 180,
      render: (id: string) => unitName.get(id) ?? '—',
    },
  ];
  return (
    <CompactTable
      rows={users}
      columns={[...who, ...columns]}
      pageSize={20}
      minWidth={720}
      empty={<Empty description={empty} />}
    />
  );
}
