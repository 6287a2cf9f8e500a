// The head of the case page: title and state, then who, where, under which policy and
// what was done, as the server names them. Labels and short values (案号, dates) never
// break inside; the policy's long title takes a row of its own, so at 1366 px no column
// is squeezed to one character.

import { Card, Descriptions, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { chineseDate } from '@shared/format.ts';
import { conductPeriodText } from './conduct-period.tsx';
import { StateTag } from './state-tag.tsx';

/** A short value read as one: a case number or a date. */
function Unbroken({ children }: { children: string }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{children}</span>;
}

export function CaseSummary({ detail }: { detail: CaseDetail }) {
  return (
    <Card>
      <Space wrap align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {detail.title}
        </Typography.Title>
        <StateTag state={detail.state} label={detail.stateLabel} />
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        styles={{ label: { whiteSpace: 'nowrap' }, content: { minWidth: '7em' } }}
        items={[
          { key: 'number', label: '案号', children: <Unbroken>{detail.number}</Unbroken> },
          { key: 'origin', label: '来源', children: detail.originLabel },
          { key: 'unit', label: '单位', children: detail.unit.name || '—' },
          {
            key: 'officer',
            label: '执法人员',
            // The officer's 履职档案 (the server refuses it to a reader outside their unit).
            children: detail.officer.displayName ? (
              <Link to={`/officers/${detail.officer.id}`} title="查看履职档案">
                {detail.officer.displayName}
              </Link>
            ) : (
              '—'
            ),
          },
          { key: 'action', label: '执法行为类别', children: detail.enforcementActionLabel },
          {
            key: 'field',
            label: '执法领域',
            children: detail.classification.field?.label ?? '未选定',
          },
          {
            key: 'errorType',
            label: '错误类型',
            children: detail.classification.errorType?.label ?? '未选定',
          },
          {
            key: 'conductDate',
            label: '行为发生日期',
            children: conductPeriodText(detail.conductDate, detail.conductEndDate),
          },
          {
            key: 'created',
            label: '提出日期',
            children: <Unbroken>{chineseDate(detail.createdAt)}</Unbroken>,
          },
          ...(detail.objectionDue
            ? [
                {
                  key: 'objectionDue',
                  label: '异议期限',
                  children: <Unbroken>{chineseDate(detail.objectionDue)}</Unbroken>,
                },
              ]
            : []),
          {
            key: 'policy',
            label: '制度',
            span: 'filled' as const,
            children: `${detail.policy.title}（第 ${detail.policy.version} 版）`,
          },
          {
            key: 'conduct',
            label: '履职行为',
            span: 'filled' as const,
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{detail.conduct}</span>,
          },
        ]}
      />
    </Card>
  );
}
