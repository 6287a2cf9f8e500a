// 履职档案: an officer's own page, and the page the readers of the officer's unit open from
// a case. Their cases with state and conclusion, the counts, and the policy's article that
// a tolerated case is no enforcement error (第十五条), quoted and marked on each case it
// applied to; the enforcement error records only where there are some. What the page
// shows is what the server sends (GET /api/v1/officers/:id/record).

import { Card, Col, Descriptions, Empty, Row, Space, Statistic, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { OfficerRecord } from '../../../../src/contract/case.schemas.ts';
import { CompactTable } from '@shared/compact-table.tsx';
import { chineseDate } from '@shared/format.ts';
import { Loaded } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { useSession } from '../account/session.tsx';
import { StateTag } from '../case/state-tag.tsx';
import { OfficerClearances } from '../clearance/officer-clearances.tsx';

type RecordCase = OfficerRecord['cases'][number];

/** /my-record: the signed-in officer's own; /officers/:id: the officer of that id. */
export default function OfficerRecordPage() {
  const { id } = useParams();
  const { user } = useSession();
  const officerId = id ?? user?.id ?? null;
  const record = useFetch<OfficerRecord>(
    officerId === null ? null : `/api/v1/officers/${encodeURIComponent(officerId)}/record`,
  );
  return (
    <Loaded data={record.data} error={record.error} failed="履职档案加载失败" page>
      {(r) => <RecordView record={r} own={officerId === user?.id} />}
    </Loaded>
  );
}

function RecordView({ record, own }: { record: OfficerRecord; own: boolean }) {
  const { officer, counts, rules } = record;
  const ruleOf = (c: RecordCase) =>
    rules.find((r) => r.policy.id === c.policy.id && r.policy.version === c.policy.version);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {own ? '我的履职档案' : `${officer.displayName}的履职档案`}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 3 }}
          items={[
            { key: 'name', label: '执法人员', children: officer.displayName },
            { key: 'unit', label: '单位', children: officer.unitName ?? '—' },
            { key: 'badge', label: '执法证号', children: officer.badgeNumber ?? '—' },
          ]}
        />
        <Row gutter={[16, 16]} style={{ marginTop: 8 }} role="list" aria-label="统计">
          {(
            [
              ['案件', counts.cases],
              ['已作出决定', counts.decided],
              ['不作为执法错误认定', counts.notEnforcementError],
              ['执法错误认定', counts.enforcementErrors],
            ] as const
          ).map(([title, value]) => (
            <Col key={title} xs={12} md={6} role="listitem">
              <Statistic title={title} value={value} suffix="件" />
            </Col>
          ))}
        </Row>
      </Card>

      {rules.map((rule) => (
        <Card
          key={`${rule.policy.id}@${rule.policy.version}`}
          size="small"
          title={`${rule.citation}${rule.topic ? `【${rule.topic}】` : ''}`}
          data-testid="not-enforcement-error-rule"
        >
          <blockquote style={{ margin: 0, paddingLeft: 12, borderLeft: '3px solid #91caff' }}>
            <Typography.Paragraph style={{ marginBottom: 4 }}>{rule.text}</Typography.Paragraph>
            <Typography.Text type="secondary">
              ——《{rule.policy.title}》{rule.citation}
            </Typography.Text>
          </blockquote>
          <Typography.Paragraph style={{ margin: '8px 0 0' }}>
            据此，认定结论为{rule.groundLabels.map((l) => `“${l}”`).join('、')}
            的案件，不作为执法错误认定，不计入执法错误。
          </Typography.Paragraph>
        </Card>
      ))}

      <Card title={`案件（${counts.cases} 件）`} size="small">
        <CompactTable<RecordCase>
          rows={record.cases}
          minWidth={900}
          pageSize={20}
          empty={<Empty description="尚无容错纠错案件" />}
          columns={[
            {
              title: '案号',
              dataIndex: 'number',
              width: 170,
              render: (n: string, c) => <Link to={`/cases/${c.id}`}>{n}</Link>,
            },
            { title: '事项', dataIndex: 'title', width: 240 },
            {
              title: '状态',
              dataIndex: 'state',
              width: 110,
              render: (_: unknown, c) => <StateTag state={c.state} label={c.stateLabel} />,
            },
            {
              title: '认定结论',
              dataIndex: 'conclusionLabel',
              width: 170,
              render: (label: string | null, c) =>
                label === null ? (
                  <Typography.Text type="secondary">尚未作出决定</Typography.Text>
                ) : (
                  <span>
                    {label}
                    {c.decidedOn && (
                      <Typography.Text type="secondary" style={{ display: 'block' }}>
                        {chineseDate(c.decidedOn)}决定
                      </Typography.Text>
                    )}
                  </span>
                ),
            },
            {
              title: '执法错误认定',
              key: 'error',
              width: 190,
              render: (_: unknown, c) =>
                c.enforcementError ? (
                  <Tag color="red">已认定执法错误</Tag>
                ) : c.notEnforcementError ? (
                  <Tag color="green">依{ruleOf(c)?.citation}不作为执法错误认定</Tag>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>

      {/* 澄清正名 (第十九条): shown where there is one, to the officer and the unit's readers. */}
      {record.clearances.length > 0 && <OfficerClearances clearances={record.clearances} />}

      {record.errorRecords.length > 0 && (
        <Card title={`执法错误认定记录（${record.errorRecords.length} 条）`} size="small">
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {record.errorRecords.map((e) => (
              <li key={`${e.caseId}@${e.createdAt}`}>
                <Link to={`/cases/${e.caseId}`}>{e.caseNumber}</Link>：依{e.citation}于
                {chineseDate(e.createdAt)}记录
              </li>
            ))}
          </ul>
        </Card>
      )}
    </Space>
  );
}
