// 认定意见: the determination recorded when the case went to the deciding body, or
// before that the engine's on the facts recorded so far, each with its grounds and reasons.

import { Alert, Descriptions, List, Space, Tag, Typography } from 'antd';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import type { CaseDetermination } from '../../../../src/contract/case-determination.schemas.ts';
import { chineseDate } from '@shared/format.ts';
import { GroundStateTag } from '../determination/ground-state-tag.tsx';
import { CitationText } from '../policy/citation-text.tsx';
import type { PolicyRef } from '../policy/policy-cache.ts';

function DeterminationView({
  d,
  policy,
  caption,
}: {
  d: CaseDetermination;
  policy: PolicyRef;
  caption: string;
}) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        title={caption}
        items={[
          {
            key: 'status',
            label: '状态',
            children: d.status === 'determined' ? '已可认定' : '尚待查明',
          },
          {
            key: 'outcome',
            label: '认定意见',
            children: d.outcomeLabel ? <Tag color="blue">{d.outcomeLabel}</Tag> : '—',
          },
          {
            key: 'citation',
            label: '依据',
            children: d.citation ? <CitationText text={d.citation} policy={policy} /> : '—',
          },
          { key: 'asOf', label: '记录日期', children: chineseDate(d.asOf) },
          ...(d.missingCitations.length > 0
            ? [
                {
                  key: 'missing',
                  label: '待查明事实',
                  span: 2,
                  children: <CitationText text={d.missingCitations.join('、')} policy={policy} />,
                },
              ]
            : []),
        ]}
      />
      <Alert
        type="info"
        showIcon
        title={<CitationText text={d.explanation.summary} policy={policy} />}
      />
      <List
        size="small"
        bordered
        dataSource={d.explanation.grounds}
        renderItem={(g) => (
          <List.Item>
            <div>
              <Space wrap>
                <Typography.Text strong>{g.label}</Typography.Text>
                <GroundStateTag state={g.state} />
                {g.rank === 'outcome' && <Tag color="blue">认定意见</Tag>}
              </Space>
              <div>
                <CitationText text={g.text} policy={policy} />
              </div>
            </div>
          </List.Item>
        )}
      />
    </Space>
  );
}

export function CaseDeterminationSection({ detail }: { detail: CaseDetail }) {
  if (detail.determination)
    return (
      <DeterminationView
        d={detail.determination}
        policy={detail.policy}
        caption="提请研究决定时记录的系统认定意见"
      />
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Alert
        type="info"
        showIcon
        title="尚未提请研究决定；下面是系统依据目前已记录事实的认定意见"
      />
      <DeterminationView
        d={detail.evaluation}
        policy={detail.policy}
        caption="依据已记录事实的认定意见"
      />
    </Space>
  );
}
