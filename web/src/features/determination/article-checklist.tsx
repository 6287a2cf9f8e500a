// 按条清单: the second way to answer, for an investigator who already knows the case.
// Every article that defines facts, in the order the interview asks them (the server's
// `interviewOrder`: an article where its first item comes, each item where it comes;
// policy order without it), its items as a checklist 是 / 否 /
// 尚不清楚 (each 但书 under its item, asked as the exception); each change is saved at
// once through the same fact route, and the engine's `missing` says which items still
// decide the outcome, as in the one-question-at-a-time interview.

import { Alert, Button, Card, Radio, Space, Tag, Typography } from 'antd';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import type {
  PolicyArticle,
  PolicyDetail,
  PolicyFact,
} from '../../../../src/contract/policy.schemas.ts';
import { ANSWER_LABELS, answerKey } from './answer-form.tsx';
import { interviewRanks } from './interview-questions.ts';

type AnswerValue = keyof typeof ANSWER_LABELS;

const rowId = (factId: string) => `check-${factId.replace(/\W/g, '-')}`;

/**
 * The articles that define facts, each with its facts (an item, then its 但书), ordered by
 * `ranks` (interviewRanks): an article by its earliest item, the items by their own.
 */
export function checklistArticles(
  policy: PolicyDetail,
  ranks: ReadonlyMap<string, number>,
): { article: PolicyArticle; facts: PolicyFact[] }[] {
  const rank = (f: PolicyFact) => ranks.get(f.id) ?? Number.MAX_SAFE_INTEGER;
  const articles = policy.chapters.flatMap((c) => c.articles);
  return articles
    .map((article) => {
      const own = policy.facts.filter((f) => f.article === article.number);
      const exceptions = own.filter((f) => f.kind === 'exception');
      const facts = own
        .filter((f) => f.kind !== 'exception')
        .sort((a, b) => rank(a) - rank(b))
        .flatMap((f) => [f, ...exceptions.filter((x) => x.id === `${f.id}.x`)]);
      return { article, facts, first: Math.min(...facts.map(rank)) };
    })
    .filter((a) => a.facts.length > 0)
    .sort((a, b) => a.first - b.first)
    .map(({ article, facts }) => ({ article, facts }));
}

export function ArticleChecklist({
  detail,
  policy,
  saving,
  onAnswer,
}: {
  detail: CaseDetail;
  policy: PolicyDetail;
  /** The fact being saved, if any: one save at a time. */
  saving: string | null;
  onAnswer: (fact: PolicyFact, value: boolean | null) => void;
}) {
  const missing = new Set(detail.evaluation.missing);
  const ranks = interviewRanks(detail, policy);
  const byRank = (a: string, b: string) =>
    (ranks.get(a) ?? Number.MAX_SAFE_INTEGER) - (ranks.get(b) ?? Number.MAX_SAFE_INTEGER);
  const labels = new Map(policy.facts.map((f) => [f.id, f.label]));
  const answers = new Map(detail.facts.map((f) => [f.factId, answerKey(f.value)]));
  const focusRow = (factId: string) => {
    const row = document.getElementById(rowId(factId));
    row?.scrollIntoView({ block: 'center' });
    row?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert
        type={missing.size === 0 ? 'success' : 'warning'}
        showIcon
        data-testid="checklist-missing"
        title={
          missing.size === 0
            ? '可能影响认定结果的事实均已查明'
            : `尚有 ${missing.size} 项事实可能影响认定结果`
        }
        description={
          missing.size === 0 ? (
            '其余事项无论如何回答，都不会改变认定结果。'
          ) : (
            <Space wrap size={[4, 4]}>
              <span>请先查明：</span>
              {[...detail.evaluation.missing].sort(byRank).map((id) => (
                <Button key={id} size="small" onClick={() => focusRow(id)}>
                  {labels.get(id) ?? id}
                </Button>
              ))}
            </Space>
          )
        }
      />
      {checklistArticles(policy, ranks).map(({ article, facts }) => {
        const open = facts.filter((f) => missing.has(f.id)).length;
        return (
          <Card
            key={article.number}
            size="small"
            title={`${article.citation}${article.topic ? `【${article.topic}】` : ''}`}
            extra={open > 0 ? <Tag color="gold">{open} 项仍影响认定结果</Tag> : undefined}
            data-article={article.number}
          >
            <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {facts.map((f) => {
                const value = answers.get(f.id);
                const open = missing.has(f.id);
                return (
                  <li
                    key={f.id}
                    id={rowId(f.id)}
                    data-fact={f.id}
                    data-missing={open ? 'true' : 'false'}
                    style={{
                      padding: '8px 0',
                      borderBottom: '1px solid #f0f0f0',
                      marginLeft: f.kind === 'exception' ? 24 : 0,
                    }}
                  >
                    <Space wrap size={4}>
                      <Typography.Text strong>{f.label}</Typography.Text>
                      {open && <Tag color="gold">仍影响认定结果</Tag>}
                      {value === undefined && <Tag>未回答</Tag>}
                    </Space>
                    <Typography.Paragraph style={{ margin: '4px 0' }}>
                      {f.question}
                    </Typography.Paragraph>
                    <Radio.Group
                      aria-label={f.label}
                      optionType="button"
                      size="small"
                      disabled={saving !== null}
                      value={value}
                      onChange={(e) => {
                        const v = e.target.value as AnswerValue;
                        onAnswer(f, v === 'null' ? null : v === 'true');
                      }}
                      options={(['true', 'false', 'null'] as const).map((k) => ({
                        value: k,
                        label: ANSWER_LABELS[k],
                      }))}
                    />
                  </li>
                );
              })}
            </ol>
          </Card>
        );
      })}
    </Space>
  );
}
