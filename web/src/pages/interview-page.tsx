// 认定问询: asks only the facts that can still change the determination (the engine's
// `missing`), the suggested one first; each answer is saved at once and the provisional
// result is shown again with its reasons. Answers already given can be changed.

import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  Modal,
  Result,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, put } from '../api/client.ts';
import {
  CaseHeading,
  errorText,
  LoadFailed,
  outcomeLabel,
  PageLoading,
  ProvisionalResult,
  useCaseWithPolicy,
  type CaseDetail,
  type PolicyFact,
} from '../components/interview-case.tsx';
import {
  ANSWER_LABELS,
  AnswerForm,
  answerKey,
  contentTypeOf,
  type Answer,
} from '../components/interview-question.tsx';

const VALUE_COLORS = { true: 'green', false: 'default', null: 'gold' } as const;

function resultLine(e: CaseDetail['evaluation']): string {
  return `${e.status === 'determined' ? '已可认定' : '尚待查明'}：${outcomeLabel(e.outcome)}${
    e.citation ? `（${e.citation}）` : ''
  }`;
}

function whyNoRecord(detail: CaseDetail): string {
  if (detail.state !== 'investigating')
    return `案件当前为“${detail.stateLabel}”，只有在调查核实中才能记录事实。您可以查看已记录的事实和暂定认定结果。`;
  return '只有负责本案的调查人员可以记录事实（执法人员本人不能认定自己的案件）。您可以查看已记录的事实和暂定认定结果。';
}

export default function InterviewPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const { detail, policy, error: loadError, reload } = useCaseWithPolicy(id);
  const [saving, setSaving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [change, setChange] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  const factsById = useMemo(() => new Map((policy?.facts ?? []).map((f) => [f.id, f])), [policy]);

  // The questions: the suggested one first, then the rest in policy order; those already
  // answered 尚不清楚 go last, so the interview moves on.
  const questions = useMemo((): PolicyFact[] => {
    if (!detail || !policy) return [];
    const order = new Map(policy.facts.map((f, i) => [f.id, i]));
    const unsure = new Set(detail.facts.filter((f) => f.value === null).map((f) => f.fact_id));
    const suggested = detail.evaluation.nextQuestion?.fact;
    const rank = (f: string) =>
      (unsure.has(f) ? 2 : 0) * 1e6 + (f === suggested ? -1 : (order.get(f) ?? 1e5));
    return [...detail.evaluation.missing]
      .sort((a, b) => rank(a) - rank(b))
      .map((f) => factsById.get(f))
      .filter((f): f is PolicyFact => !!f);
  }, [detail, policy, factsById]);

  if (loadError && !detail) return <LoadFailed message={loadError} onRetry={() => void reload()} />;
  if (!detail || !policy) return <PageLoading />;

  const canRecord = detail.allowedRecords.includes('fact');
  const canUpload = detail.allowedRecords.includes('evidence');
  const current = questions.find((q) => q.id === chosen) ?? questions[0] ?? null;
  const next = detail.evaluation.nextQuestion;
  const answered = [...detail.facts].sort(
    (a, b) =>
      policy.facts.findIndex((f) => f.id === a.fact_id) -
      policy.facts.findIndex((f) => f.id === b.fact_id),
  );
  const editingFact = editing ? factsById.get(editing) : undefined;
  const editingAnswer = detail.facts.find((f) => f.fact_id === editing);

  const save = async (fact: PolicyFact, answer: Answer) => {
    if (saving) return;
    setSaving(fact.id);
    setError(null);
    const before = detail.evaluation;
    try {
      const recorded = await put<{ version: number }>(
        `/api/v1/cases/${detail.id}/facts/${encodeURIComponent(fact.id)}`,
        { version: detail.version, value: answer.value, note: answer.note },
      );
      if (answer.file) {
        const q = new URLSearchParams({
          version: String(recorded.version),
          filename: answer.file.name,
          factId: fact.id,
        });
        try {
          await api('POST', `/api/v1/cases/${detail.id}/evidence?${q.toString()}`, answer.file, {
            'content-type': contentTypeOf(answer.file),
          });
        } catch (e) {
          setError(`回答已保存，但证据上传失败：${errorText(e)}`);
        }
      }
      const after = await reload();
      setEditing(null);
      setChosen(null);
      if (after) {
        const was = resultLine(before);
        const now = resultLine(after.evaluation);
        setChange(was === now ? `暂定结果未变：${now}` : `暂定结果已更新：${was} → ${now}`);
      }
      void message.success(`已保存：${fact.citation} ${ANSWER_LABELS[answerKey(answer.value)]}`);
    } catch (e) {
      setError(errorText(e, '保存失败，请稍后再试'));
      if (e instanceof ApiError && e.code === 'STALE_VERSION') await reload();
    } finally {
      setSaving(null);
    }
  };

  return (
    <div data-case-version={detail.version}>
      <CaseHeading detail={detail} section="认定问询" />
      {!canRecord && (
        <Alert
          type="warning"
          showIcon
          title="当前不能记录事实"
          description={whyNoRecord(detail)}
          style={{ marginBottom: 16 }}
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error}
          closable={{ onClose: () => setError(null) }}
          style={{ marginBottom: 16 }}
        />
      )}
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
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {canRecord && questions.length === 0 && (
              <Card>
                <Result
                  status="success"
                  title="可能影响认定结果的事实已全部查明"
                  subTitle="没有需要再回答的问题。请返回案件页面办理“完成调查核实”。"
                  extra={<Link to={`/cases/${detail.id}`}>返回案件页面</Link>}
                />
              </Card>
            )}
            {canRecord && current && (
              <Card
                data-testid="current-question"
                title={`待查明问题（尚余 ${questions.length} 项）`}
                extra={current.id === next?.fact ? <Tag color="blue">建议优先回答</Tag> : undefined}
              >
                {current.id === next?.fact && (
                  <Typography.Paragraph type="secondary">
                    回答“是”后尚余 {next.remainingIfTrue} 项、回答“否”后尚余 {next.remainingIfFalse}{' '}
                    项可能影响认定结果的事实。
                  </Typography.Paragraph>
                )}
                <AnswerForm
                  key={`${current.id}@${detail.version}`}
                  fact={current}
                  policy={policy}
                  initial={detail.facts.find((f) => f.fact_id === current.id)}
                  allowEvidence={canUpload}
                  saving={saving === current.id}
                  onSave={(a) => void save(current, a)}
                />
              </Card>
            )}
            {canRecord && questions.length > 1 && (
              <Collapse
                items={[
                  {
                    key: 'rest',
                    label: `其余待查明事项（${questions.length - 1} 项，可先回答其中任一项）`,
                    children: (
                      <ol style={{ paddingLeft: 20, margin: 0 }}>
                        {questions
                          .filter((q) => q.id !== current?.id)
                          .map((q) => (
                            <li key={q.id} style={{ marginBottom: 6 }}>
                              <Button
                                type="link"
                                style={{
                                  padding: 0,
                                  height: 'auto',
                                  whiteSpace: 'normal',
                                  textAlign: 'left',
                                }}
                                onClick={() => setChosen(q.id)}
                              >
                                {q.citation}
                              </Button>{' '}
                              <Typography.Text type="secondary">{q.text}</Typography.Text>
                            </li>
                          ))}
                      </ol>
                    ),
                  },
                ]}
              />
            )}
            <Card title={`已回答的事项（${answered.length} 项）`} size="small">
              {answered.length === 0 ? (
                <Empty description="尚未记录任何事实" />
              ) : (
                <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="已回答的事项">
                  {answered.map((a) => {
                    const f = factsById.get(a.fact_id);
                    const files = detail.evidence.filter((e) => e.fact_id === a.fact_id);
                    const k = answerKey(a.value);
                    return (
                      <li
                        key={a.fact_id}
                        data-fact={a.fact_id}
                        style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}
                      >
                        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
                          <Space wrap size={4}>
                            <Typography.Text strong>{f?.citation ?? a.fact_id}</Typography.Text>
                            <Tag color={VALUE_COLORS[k]}>{ANSWER_LABELS[k]}</Tag>
                          </Space>
                          {canRecord && (
                            <Button
                              size="small"
                              onClick={() => setEditing(a.fact_id)}
                              aria-label={`修改${f?.citation ?? a.fact_id}的回答`}
                            >
                              修改
                            </Button>
                          )}
                        </Space>
                        {f && (
                          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                            {f.text}
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
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <div style={{ position: 'sticky', top: 16 }}>
            <ProvisionalResult evaluation={detail.evaluation} />
          </div>
        </Col>
      </Row>
      <Modal
        open={!!editingFact}
        title={`修改回答：${editingFact?.citation ?? ''}`}
        footer={null}
        destroyOnHidden
        onCancel={() => setEditing(null)}
        width={720}
      >
        {editingFact && (
          <AnswerForm
            fact={editingFact}
            policy={policy}
            initial={editingAnswer}
            allowEvidence={canUpload}
            saving={saving === editingFact.id}
            submitLabel="保存修改"
            onSave={(a) => void save(editingFact, a)}
          />
        )}
      </Modal>
    </div>
  );
}
