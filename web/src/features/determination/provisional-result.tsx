// The engine's provisional result on the facts recorded so far, and why: beside the
// interview and the assessment.

import { Card, Collapse, Space, Tag, Typography } from 'antd';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { GroundStateTag } from './ground-state-tag.tsx';

type Evaluation = CaseDetail['evaluation'];

const outcomeText = (e: Evaluation) => e.outcomeLabel ?? '尚无结论';

/** 已可认定：履职尽责，尽职免责（第九条第（七）项）, to say how a save changed it. */
export function resultLine(e: Evaluation): string {
  return `${e.status === 'determined' ? '已可认定' : '尚待查明'}：${outcomeText(e)}${
    e.citation ? `（${e.citation}）` : ''
  }`;
}

/**
 * `live`: the card is the page's live region (the assessment page); the interview has its
 * own status sentence instead, so the screen reader hears one summary, not two.
 */
export function ProvisionalResult({
  evaluation,
  live = true,
}: {
  evaluation: Evaluation;
  live?: boolean;
}) {
  const determined = evaluation.status === 'determined';
  const grounds = evaluation.explanation.grounds;
  const open = grounds.filter((g) => g.rank === 'outcome').map((g) => g.code);
  return (
    <Card
      title="暂定认定结果"
      size="small"
      aria-live={live ? 'polite' : undefined}
      data-testid="provisional-result"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Tag color={determined ? 'green' : 'gold'}>{determined ? '已可认定' : '尚待查明'}</Tag>
          <Typography.Text strong>{outcomeText(evaluation)}</Typography.Text>
          {evaluation.citation && (
            <Typography.Text type="secondary">依据 {evaluation.citation}</Typography.Text>
          )}
        </Space>
        <Typography.Paragraph
          style={{ marginBottom: 0 }}
          ellipsis={{
            rows: 4,
            expandable: 'collapsible',
            symbol: (open) => (open ? '收起' : '展开'),
          }}
        >
          {evaluation.explanation.summary}
        </Typography.Paragraph>
        {!determined && (
          <Typography.Text type="secondary">
            尚有 {evaluation.missing.length} 项事实可能影响认定结果。
          </Typography.Text>
        )}
        {grounds.length > 0 && (
          <Collapse
            size="small"
            defaultActiveKey={open}
            items={grounds.map((g) => ({
              key: g.code,
              label: (
                <Space wrap size={4}>
                  <span>
                    {g.label}（{g.article}）
                  </span>
                  <GroundStateTag state={g.state} />
                </Space>
              ),
              children: <Typography.Paragraph style={{ margin: 0 }}>{g.text}</Typography.Paragraph>,
            }))}
          />
        )}
      </Space>
    </Card>
  );
}
