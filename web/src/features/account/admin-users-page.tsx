// 单位和用户 (系统管理员): the unit tree with a form to add a unit, and the user table
// with a form to add a user and buttons to reset a password and to disable or enable an
// account. The server checks passwords and 三员分立; its messages show here. A password
// set here must be changed at first sign-in.

import { Card, Col, Row, Space, Tag } from 'antd';
import type { Unit, User } from '../../../../src/contract/account.schemas.ts';
import { ROLE_LABELS } from '../../../../src/contract/labels.ts';
import { Loaded } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { DisableAccountButton } from './disable-account-button.tsx';
import { NewUserCard } from './new-user-card.tsx';
import { mayReset, ResetPasswordButton } from './reset-password-button.tsx';
import { UnitsCard } from './units-card.tsx';
import { UsersTable } from './users-table.tsx';

export default function AdminUsersPage() {
  const units = useFetch<Unit[]>('/api/v1/units');
  const users = useFetch<User[]>('/api/v1/users');
  return (
    <Loaded data={units.data} error={units.error} page>
      {(unitList) => (
        <Row gutter={16}>
          <Col xs={24} xl={9}>
            <UnitsCard units={unitList} onAdded={units.reload} />
          </Col>
          <Col xs={24} xl={15}>
            <NewUserCard units={unitList} onAdded={users.reload} />
            <Loaded data={users.data} error={users.error}>
              {(userList) => (
                <Card title={`用户（${userList.length}）`}>
                  <UsersTable
                    users={userList}
                    units={unitList}
                    empty="尚无用户"
                    columns={[
                      {
                        title: '角色',
                        dataIndex: 'roles',
                        render: (_: unknown, u) => (
                          <>
                            {u.roles.length === 0 ? (
                              <Tag>未授权</Tag>
                            ) : (
                              u.roles.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>)
                            )}
                            {u.mustChangePassword && <Tag color="orange">待修改密码</Tag>}
                          </>
                        ),
                      },
                      {
                        title: '执法证号',
                        dataIndex: 'badgeNumber',
                        width: 130,
                        render: (b: string | null) => b ?? '—',
                      },
                      {
                        title: '操作',
                        key: 'reset',
                        width: 160,
                        // Administrators' accounts are not reset nor disabled here (三员分立).
                        render: (_: unknown, u) =>
                          mayReset(u) ? (
                            <Space size={4}>
                              <ResetPasswordButton user={u} onReset={users.reload} />
                              <DisableAccountButton
                                user={u}
                                onChanged={(saved) =>
                                  users.update((list) =>
                                    list.map((x) => (x.id === saved.id ? saved : x)),
                                  )
                                }
                              />
                            </Space>
                          ) : null,
                      },
                    ]}
                  />
                </Card>
              )}
            </Loaded>
          </Col>
        </Row>
      )}
    </Loaded>
  );
}
