// The question to answer now (the engine's suggestion, unless the reader chose another),
// with why it is asked now (the exclusion first, or what its answer can settle), how many
// would remain after each answer, and the others to choose from.

import { Button, Card, Collapse, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { NextQuestion } from '../../../../src/contract/case-determination.schemas.ts';
import type { PolicyFact } from '../../../../src/contract/policy.schemas.ts';

export function QuestionCard({
  fact,
  remaining,
  next,
  children,
}: {
  fact: PolicyFact;
  remaining: number;
  next: NextQuestion | null;
  children: ReactNode;
}) {
  const suggested = fact.id === next?.fact;
  return (
    <Card
      data-testid="current-question"
      title={`待查明问题（尚余 ${remaining} 项）`}
      extra={suggested ? <Tag color="blue">建议优先回答</Tag> : undefined}
    >
      {suggested && next.reason && (
        <Typography.Paragraph data-testid="question-reason">
          为何先问此项：{next.reason}。
          <Typography.Text type="secondary" data-testid="question-probabilities">
            {next.probabilities.note}。
          </Typography.Text>
        </Typography.Paragraph>
      )}
      {suggested && (
        <Typography.Paragraph type="secondary">
          回答“是”后尚余 {next.remainingIfTrue} 项、回答“否”后尚余 {next.remainingIfFalse}{' '}
          项可能影响认定结果的事实。
        </Typography.Paragraph>
      )}
      {children}
    </Card>
  );
}

export function OtherQuestions({
  questions,
  onChoose,
}: {
  questions: PolicyFact[];
  onChoose: (factId: string) => void;
}) {
  return (
    <Collapse
      items={[
        {
          key: 'rest',
          label: `其余待查明事项（${questions.length} 项，可先回答其中任一项）`,
          children: (
            <ol style={{ paddingLeft: 20, margin: 0 }}>
              {questions.map((q) => (
                <li key={q.id} style={{ marginBottom: 6 }}>
                  <Button
                    type="link"
                    style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                    onClick={() => onChoose(q.id)}
                  >
                    {q.label}
                  </Button>{' '}
                  <Typography.Text type="secondary">{q.question}</Typography.Text>
                </li>
              ))}
            </ol>
          ),
        },
      ]}
    />
  );
}
