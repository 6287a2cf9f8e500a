// 认定问询: asks only the facts that can still change the determination (the engine's
// `missing`), the suggested one first; each answer is saved at once and the provisional
// result is shown again with its reasons. Answers already given can be changed. A second
// way to answer, 按条清单, lists every article's items on one screen for an investigator
// who already knows the case, with the same "still missing" guidance. After each save the
// next question takes the focus and the live region says the new status. Loads the case
// and its policy version (the questions' text and articles).

import { Alert, App, Card, Col, Modal, Result, Row, Space, Tabs } from 'antd';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PolicyFact } from '../../../../src/contract/policy.schemas.ts';
import { recordFact, uploadEvidence } from '../case/case-writes.ts';
import { CaseLoading, CaseWorkPage } from '../case/case-work-page.tsx';
import { useCaseWork } from '../case/use-case-work.ts';
import { usePolicy } from '../policy/policy-cache.ts';
import { AnswerForm, ANSWER_LABELS, answerKey, type Answer } from './answer-form.tsx';
import { AnsweredFacts } from './answered-facts.tsx';
import { ArticleChecklist } from './article-checklist.tsx';
import { interviewQuestions } from './interview-questions.ts';
import { interviewStatus, type SavedAnswer } from './interview-status.ts';
import { ProvisionalResult, resultLine } from './provisional-result.tsx';
import { OtherQuestions, QuestionCard } from './question-card.tsx';

const BLOCKED = {
  title: '当前不能记录事实',
  hint: '您可以查看已记录的事实和暂定认定结果。',
};

/** Read by screen readers, not shown: the live region's status sentence. */
const SCREEN_READER_ONLY: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

type Mode = 'questions' | 'checklist';

/** The case with its next question (include=nextQuestion), on the read and on each save. */
const ASK = { nextQuestion: true } as const;

export default function InterviewPage() {
  const { message } = App.useApp();
  // The interview is the one page that asks for the engine's next question.
  const { detail, write, saving, save, loading, frame } = useCaseWork<string>('fact', ASK);
  const { policy, error: policyError } = usePolicy(detail ? detail.policy : null);
  const [params, setParams] = useSearchParams();
  const mode: Mode = params.get('mode') === 'checklist' ? 'checklist' : 'questions';
  const [change, setChange] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<SavedAnswer | null>(null);
  // Set by a save in 逐项问答: the next question (or the end) takes the focus.
  const [focusNext, setFocusNext] = useState(false);
  const done = useRef<HTMLDivElement>(null);
  const finished = detail !== null && detail.evaluation.missing.length === 0;
  useEffect(() => {
    if (focusNext && finished) done.current?.focus();
  }, [focusNext, finished]);

  if (!detail || !policy) return <CaseLoading {...loading} error={loading.error ?? policyError} />;

  const canRecord = detail.allowedRecords.includes('fact');
  const canUpload = detail.allowedRecords.includes('evidence');
  const questions = interviewQuestions(detail, policy);
  const current = questions.find((q) => q.id === chosen) ?? questions[0] ?? null;
  const editingFact = policy.facts.find((f) => f.id === editing);
  const answerTo = (factId: string) => detail.facts.find((f) => f.factId === factId);
  const labelOf = (factId: string) => policy.facts.find((f) => f.id === factId)?.label;

  // The fact, then its evidence file with the version the fact's answer returned.
  const saveAnswer = (fact: PolicyFact, answer: Answer, from: Mode | 'edit') =>
    save(fact.id, async () => {
      const before = detail.evaluation;
      const recorded = await write(
        recordFact(detail, fact.id, { value: answer.value, note: answer.note }, ASK),
      );
      if (!recorded.ok) return recorded.error;
      let after = recorded.detail;
      let refusal: string | null = null;
      if (answer.file) {
        const uploaded = await write(uploadEvidence(after, answer.file, fact.id, ASK));
        if (uploaded.ok) after = uploaded.detail;
        else refusal = `回答已保存，但证据上传失败：${uploaded.error}`;
      }
      setEditing(null);
      setChosen(null);
      const label = ANSWER_LABELS[answerKey(answer.value)];
      setSaved({ label: fact.label, answer: label });
      setFocusNext(from === 'questions');
      const was = resultLine(before);
      const now = resultLine(after.evaluation);
      setChange(was === now ? `暂定结果未变：${now}` : `暂定结果已更新：${was} → ${now}`);
      void message.success(`已保存：${fact.label} ${label}`);
      return refusal;
    });

  const oneByOne = (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {questions.length === 0 && (
        <Card>
          <div ref={done} tabIndex={-1} data-testid="interview-done">
            <Result
              status="success"
              title="可能影响认定结果的事实已全部查明"
              subTitle="没有需要再回答的问题。请返回案件页面办理“完成调查核实”。"
              extra={<Link to={`/cases/${detail.id}`}>返回案件页面</Link>}
            />
          </div>
        </Card>
      )}
      {current && (
        <QuestionCard
          fact={current}
          remaining={questions.length}
          next={detail.evaluation.nextQuestion}
        >
          <AnswerForm
            key={`${current.id}@${detail.version}`}
            fact={current}
            policy={policy}
            initial={answerTo(current.id)}
            allowEvidence={canUpload}
            saving={saving === current.id}
            autoFocus={focusNext}
            onSave={(a) => void saveAnswer(current, a, 'questions')}
          />
        </QuestionCard>
      )}
      {questions.length > 1 && (
        <OtherQuestions
          questions={questions.filter((q) => q.id !== current?.id)}
          onChoose={setChosen}
        />
      )}
      <AnsweredFacts detail={detail} labelOf={labelOf} onEdit={setEditing} />
    </Space>
  );

  return (
    <CaseWorkPage detail={detail} section="认定问询" blocked={BLOCKED} {...frame}>
      <div
        role="status"
        aria-live="polite"
        data-testid="interview-status"
        style={SCREEN_READER_ONLY}
      >
        {interviewStatus(detail, policy, saved)}
      </div>
      {change && (
        <Alert
          type="info"
          showIcon
          title={change}
          data-testid="result-change"
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          {canRecord ? (
            <Tabs
              activeKey={mode}
              onChange={(key) => {
                setFocusNext(false);
                setParams(key === 'checklist' ? { mode: 'checklist' } : {}, { replace: true });
              }}
              items={[
                { key: 'questions', label: '逐项问答', children: oneByOne },
                {
                  key: 'checklist',
                  label: '按条清单',
                  children: (
                    <ArticleChecklist
                      detail={detail}
                      policy={policy}
                      saving={saving}
                      onAnswer={(fact, value) =>
                        void saveAnswer(
                          fact,
                          { value, note: answerTo(fact.id)?.note ?? null, file: null },
                          'checklist',
                        )
                      }
                    />
                  ),
                },
              ]}
            />
          ) : (
            <AnsweredFacts detail={detail} labelOf={labelOf} />
          )}
        </Col>
        <Col xs={24} lg={10}>
          <div style={{ position: 'sticky', top: 16 }}>
            <ProvisionalResult evaluation={detail.evaluation} live={false} />
          </div>
        </Col>
      </Row>
      <Modal
        open={!!editingFact}
        title={`修改回答：${editingFact?.label ?? ''}`}
        footer={null}
        destroyOnHidden
        onCancel={() => setEditing(null)}
        width={720}
      >
        {editingFact && (
          <AnswerForm
            fact={editingFact}
            policy={policy}
            initial={answerTo(editingFact.id)}
            allowEvidence={canUpload}
            saving={saving === editingFact.id}
            submitLabel="保存修改"
            onSave={(a) => void saveAnswer(editingFact, a, 'edit')}
          />
        )}
      </Modal>
    </CaseWorkPage>
  );
}
