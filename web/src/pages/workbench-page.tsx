// 工作台: a greeting, the cases where the user's role acts next (我的待办), and the
// deadlines coming and passed; administrators get shortcuts to their own page instead.

import { AuditOutlined, BookOutlined, TeamOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Empty, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { get } from '../api/client.ts';
import type { CaseSummary, Deadline, SessionUser } from '../api/types.ts';
import { errorText } from '../components/admin-guard.tsx';
import { chineseDate } from '../format.ts';
import { useSession } from '../session.tsx';
import { isCaseState, isTerminalState } from '../../../src/domain/case/case-state.ts';
import {
  DEADLINE_KIND_LABELS,
  DEADLINE_STATUS_LABELS,
  type DeadlineKind,
} from '../../../src/domain/case/deadline-watch.ts';

interface CaseList {
  total: number;
  items: CaseSummary[];
}

function greeting(): string {
  const hour = Number(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Shanghai',
      hour: 'numeric',
      hourCycle: 'h23',
    }).format(new Date()),
  );
  if (hour < 6) return '夜深了';
  if (hour < 12) return '上午好';
  if (hour < 14) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

/** The list queries for the cases each case role acts on next. */
function todoQueries(user: SessionUser): string[] {
  const q: string[] = [];
  const has = (r: string) => user.roles.includes(r);
  if (has('officer')) q.push(`officerId=${encodeURIComponent(user.id)}&limit=100`);
  if (has('investigator'))
    for (const s of ['submitted', 'investigating', 'assessing']) q.push(`state=${s}&limit=100`);
  if (has('secretary'))
    for (const s of ['awaiting_decision', 'decided', 'notified', 'published', 'objection_review'])
      q.push(`state=${s}&limit=100`);
  if (has('reviewer')) q.push('limit=20');
  return q;
}

const CASE_ROLES = ['officer', 'investigator', 'secretary', 'reviewer'];

function AdminShortcuts({ roles }: { roles: string[] }) {
  const links: { to: string; title: string; text: string; icon: ReactNode; role: string }[] = [
    {
      to: '/admin/users',
      title: '单位和用户',
      text: '维护单位树，新建用户账号',
      icon: <TeamOutlined />,
      role: 'sysadmin',
    },
    {
      to: '/admin/roles',
      title: '角色授权',
      text: '为用户授予或调整角色',
      icon: <UserSwitchOutlined />,
      role: 'secadmin',
    },
    {
      to: '/admin/audit',
      title: '审计日志',
      text: '查阅审计记录，校验审计链',
      icon: <AuditOutlined />,
      role: 'auditadmin',
    },
  ];
  const mine = links.filter((l) => roles.includes(l.role));
  return (
    <Card title="管理入口">
      <Row gutter={[16, 16]}>
        {[
          ...mine,
          {
            to: '/policies',
            title: '制度',
            text: '查阅容错纠错制度条文',
            icon: <BookOutlined />,
            role: '',
          },
        ].map((l) => (
          <Col key={l.to} xs={24} md={12} xl={8}>
            <Link to={l.to} style={{ display: 'block' }}>
              <Card hoverable size="small">
                <Space align="start">
                  <span style={{ fontSize: 24 }} aria-hidden>
                    {l.icon}
                  </span>
                  <span>
                    <Typography.Text strong>{l.title}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{l.text}</Typography.Text>
                  </span>
                </Space>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function TodoCard({ user }: { user: SessionUser }) {
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all(todoQueries(user).map((q) => get<CaseList>(`/api/v1/cases?${q}`)))
      .then((lists) => {
        const seen = new Map<string, CaseSummary>();
        for (const c of lists.flatMap((l) => l.items))
          if (
            !(isCaseState(c.state) && isTerminalState(c.state)) ||
            user.roles.includes('reviewer')
          )
            seen.set(c.id, c);
        if (live)
          setCases([...seen.values()].sort((a, b) => b.created_at.localeCompare(a.created_at)));
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [user]);

  return (
    <Card title="我的待办" extra={<Link to="/cases">全部案件</Link>}>
      {error ? (
        <Alert type="error" showIcon title="待办加载失败" description={error} />
      ) : cases === null ? (
        <Spin description="加载中…" style={{ display: 'block', margin: '24px auto' }} />
      ) : (
        <Table<CaseSummary>
          rowKey="id"
          size="small"
          dataSource={cases}
          pagination={cases.length > 10 ? { pageSize: 10 } : false}
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
              dataIndex: 'created_at',
              width: 140,
              render: (d: string) => chineseDate(d),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** The union of two lists, keeping duplicates within a list (two notifications of one case look alike). */
function union(a: Deadline[], b: Deadline[]): Deadline[] {
  const key = (d: Deadline) => `${d.kind}|${d.caseId}|${d.due}|${d.status}`;
  const left = new Map<string, number>();
  for (const d of a) left.set(key(d), (left.get(key(d)) ?? 0) + 1);
  const out = [...a];
  for (const d of b) {
    const n = left.get(key(d)) ?? 0;
    if (n > 0) left.set(key(d), n - 1);
    else out.push(d);
  }
  return out.sort((x, y) => x.daysLeft - y.daysLeft);
}

function daysText(d: Deadline): string {
  if (d.daysLeft < 0) return `已逾期 ${-d.daysLeft} 天`;
  if (d.daysLeft === 0) return '今天到期';
  return `还剩 ${d.daysLeft} 天`;
}

function kindLabel(kind: string): string {
  return DEADLINE_KIND_LABELS[kind as DeadlineKind] ?? kind;
}

function DeadlineList({
  items,
  names,
  empty,
}: {
  items: Deadline[];
  names: Map<string, string>;
  empty: string;
}) {
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((d, i) => (
        <li
          key={`${d.caseId}-${d.kind}-${i}`}
          style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
        >
          <Space wrap size={[8, 4]}>
            <Tag color={d.status === 'overdue' ? 'red' : d.daysLeft <= 0 ? 'orange' : 'gold'}>
              {DEADLINE_STATUS_LABELS[d.status]}
            </Tag>
            <Typography.Text strong>{kindLabel(d.kind)}</Typography.Text>
            <Link to={`/cases/${d.caseId}`}>
              {names.get(d.caseId) ?? d.caseNumber ?? '查看案件'}
            </Link>
            <Typography.Text type={d.status === 'overdue' ? 'danger' : 'warning'}>
              截止 {chineseDate(d.due)}（{daysText(d)}）
            </Typography.Text>
          </Space>
        </li>
      ))}
    </ul>
  );
}

function DeadlinesCard() {
  const [items, setItems] = useState<Deadline[] | null>(null);
  const [names, setNames] = useState(new Map<string, string>());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    get<{ mine: Deadline[]; unit: Deadline[] }>('/api/v1/deadlines')
      .then(async (r) => {
        const all = union(r.mine, r.unit);
        if (!live) return;
        setItems(all);
        const ids = [...new Set(all.map((d) => d.caseId))];
        const found = await Promise.all(
          ids.map((id) =>
            get<CaseSummary>(`/api/v1/cases/${id}`)
              .then((c) => [id, `${c.number} ${c.title}`] as const)
              .catch(() => null),
          ),
        );
        if (live) setNames(new Map(found.filter((f) => f !== null)));
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, []);

  const soon = useMemo(() => items?.filter((d) => d.status === 'due_soon') ?? [], [items]);
  const overdue = useMemo(() => items?.filter((d) => d.status === 'overdue') ?? [], [items]);

  return (
    <Card title="期限提醒">
      {error ? (
        <Alert type="error" showIcon title="期限加载失败" description={error} />
      ) : items === null ? (
        <Spin description="加载中…" style={{ display: 'block', margin: '24px auto' }} />
      ) : (
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={12}>
            <section aria-label="即将到期">
              <Typography.Title level={5}>即将到期</Typography.Title>
              <DeadlineList items={soon} names={names} empty="近期没有即将到期的期限" />
            </section>
          </Col>
          <Col xs={24} xl={12}>
            <section aria-label="已逾期">
              <Typography.Title level={5}>已逾期</Typography.Title>
              <DeadlineList items={overdue} names={names} empty="没有逾期的期限" />
            </section>
          </Col>
        </Row>
      )}
    </Card>
  );
}

export default function WorkbenchPage() {
  const { user } = useSession();
  if (!user) return null;
  const worksOnCases = user.roles.some((r) => CASE_ROLES.includes(r));
  const administers = user.roles.some((r) => ['sysadmin', 'secadmin', 'auditadmin'].includes(r));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Text type="secondary">工作台</Typography.Text>
        <Typography.Title level={3} style={{ marginTop: 4, marginBottom: 4 }}>
          {greeting()}，{user.displayName}
        </Typography.Title>
        <Typography.Text type="secondary">
          当前角色：{user.roleLabels.join('、') || '未授予角色'}
        </Typography.Text>
      </div>
      {administers && <AdminShortcuts roles={user.roles} />}
      {worksOnCases && <TodoCard user={user} />}
      {worksOnCases && <DeadlinesCard />}
      {!worksOnCases && !administers && (
        <Alert
          type="info"
          showIcon
          title="您的账号尚未授予角色"
          description="请联系安全管理员授予角色后再办理业务。"
        />
      )}
    </Space>
  );
}
