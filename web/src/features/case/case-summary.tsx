// The head of the case page: title and state, then who, where, under which policy and
// what was done, as the server names them.

import { Card, Descriptions, Space, Typography } from 'antd';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { chineseDate } from '@shared/format.ts';
import { StateTag } from './state-tag.tsx';

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
        column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
        items={[
          { key: 'number', label: '案号', children: detail.number },
          {
            key: 'policy',
            label: '制度',
            children: `${detail.policy.title}（第 ${detail.policy.version} 版）`,
          },
          { key: 'origin', label: '来源', children: detail.originLabel },
          { key: 'unit', label: '单位', children: detail.unit.name || '—' },
          { key: 'officer', label: '执法人员', children: detail.officer.displayName || '—' },
          { key: 'action', label: '执法行为类别', children: detail.enforcementActionLabel },
          { key: 'created', label: '提出日期', children: chineseDate(detail.createdAt) },
          ...(detail.objectionDue
            ? [
                {
                  key: 'objectionDue',
                  label: '异议期限',
                  children: chineseDate(detail.objectionDue),
                },
              ]
            : []),
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
