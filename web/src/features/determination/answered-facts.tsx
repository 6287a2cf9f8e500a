// 已回答的事项: each fact recorded, its answer, note and evidence files, with the button
// that reopens it.

import { Button, Card, Empty, Space, Tag, Typography } from 'antd';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { ANSWER_COLORS, ANSWER_LABELS, answerKey } from './answer-form.tsx';

export function AnsweredFacts({
  detail,
  labelOf = () => undefined,
  onEdit,
}: {
  detail: CaseDetail;
  /** Which part of its article a fact is (第四条条件（一）), where the policy says it. */
  labelOf?: (factId: string) => string | undefined;
  /** Reopens an answer; absent when the reader may not record. */
  onEdit?: (factId: string) => void;
}) {
  const answered = detail.facts;
  return (
    <Card title={`已回答的事项（${answered.length} 项）`} size="small">
      {answered.length === 0 ? (
        <Empty description="尚未记录任何事实" />
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="已回答的事项">
          {answered.map((a) => {
            const files = detail.evidence.filter((e) => e.factId === a.factId);
            const k = answerKey(a.value);
            const label = labelOf(a.factId) ?? a.citation;
            return (
              <li
                key={a.factId}
                data-fact={a.factId}
                style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}
              >
                <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
                  <Space wrap size={4}>
                    <Typography.Text strong>{label}</Typography.Text>
                    <Tag color={ANSWER_COLORS[k]}>{ANSWER_LABELS[k]}</Tag>
                  </Space>
                  {onEdit && (
                    <Button
                      size="small"
                      onClick={() => onEdit(a.factId)}
                      aria-label={`修改${label}的回答`}
                    >
                      修改
                    </Button>
                  )}
                </Space>
                {a.text && (
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                    {a.text}
                  </Typography.Paragraph>
                )}
                {a.note && (
                  <Typography.Paragraph style={{ margin: '4px 0 0' }}>
                    说明：{a.note}
                  </Typography.Paragraph>
                )}
                {files.length > 0 && (
                  <div style={{ marginTop: 4 }}>
                    证据：
                    {files.map((e) => (
                      <a
                        key={e.id}
                        href={`/api/v1/cases/${detail.id}/evidence/${e.id}`}
                        style={{ marginRight: 8 }}
                      >
                        {e.filename}
                      </a>
                    ))}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
