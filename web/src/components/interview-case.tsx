// What the interview and assessment pages share: the case as GET /api/v1/cases/:id gives
// it (the fields these pages use), its policy's articles and facts, loading both, and the
// engine's provisional result with its reasons.

import { Alert, Button, Card, Collapse, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, get } from '../api/client.ts';
import { GROUND_LABELS } from '../../../src/domain/policy/policy-model.ts';
import type { PolicyDetail } from '../api/policy-types.ts';
export type { PolicyArticle, PolicyDetail, PolicyFact, PolicyItem } from '../api/policy-types.ts';

export interface CaseFact {
  fact_id: string;
  value: boolean | null;
  note: string | null;
  recorded_at: string;
}

export interface CaseEvidence {
  id: string;
  fact_id: string | null;
  filename: string;
  size: number;
  uploaded_at: string;
}

export interface GroundText {
  code: string;
  label: string;
  article: string;
  state: 'holds' | 'fails' | 'unknown';
  rank: 'outcome' | 'above' | 'below' | 'open';
  text: string;
}

export interface CaseEvaluation {
  status: 'determined' | 'undetermined';
  outcome: string | null;
  basis: string[];
  citation: string;
  missing: string[];
  explanation: { summary: string; grounds: GroundText[] };
  nextQuestion: { fact: string; remainingIfTrue: number; remainingIfFalse: number } | null;
}

export interface CaseDetail {
  id: string;
  number: string;
  version: number;
  state: string;
  stateLabel: string;
  title: string;
  policy: { id: string; version: number; title: string };
  facts: CaseFact[];
  evidence: CaseEvidence[];
  assessment: { factor: string; finding?: string; recorded_at?: string }[];
  evaluation: CaseEvaluation;
  allowedRecords: string[];
  allowedActions: string[];
}

export function errorText(e: unknown, fallback = '操作失败，请稍后再试'): string {
  return e instanceof ApiError ? e.message : fallback;
}

/** The case, and (once, for its version) its policy; `reload` after every write. */
export function useCaseWithPolicy(id: string | undefined) {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [policy, setPolicy] = useState<PolicyDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async (): Promise<CaseDetail | null> => {
    if (!id) return null;
    try {
      const c = await get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`);
      setDetail(c);
      setError(null);
      return c;
    } catch (e) {
      setError(errorText(e, '案件加载失败，请稍后再试'));
      return null;
    }
  }, [id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const policyId = detail?.policy.id;
  const policyVersion = detail?.policy.version;
  useEffect(() => {
    if (!policyId || !policyVersion) return;
    let live = true;
    get<PolicyDetail>(`/api/v1/policies/${encodeURIComponent(policyId)}?version=${policyVersion}`)
      .then((p) => live && setPolicy(p))
      .catch((e: unknown) => live && setError(errorText(e, '制度条文加载失败，请稍后再试')));
    return () => {
      live = false;
    };
  }, [policyId, policyVersion]);

  return { detail, policy, error, reload };
}

export function PageLoading() {
  return (
    <Spin size="large" description="加载中…" style={{ display: 'block', margin: '15vh auto' }} />
  );
}

export function LoadFailed({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title="加载失败"
      description={message}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
    />
  );
}

/** The page heading: number, title, state, and the way back to the case page. */
export function CaseHeading({ detail, section }: { detail: CaseDetail; section: string }) {
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%', marginBottom: 16 }}>
      <Link to={`/cases/${detail.id}`}>← 返回案件页面</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {section}
      </Typography.Title>
      <Space wrap>
        <Typography.Text strong>{detail.number}</Typography.Text>
        <Typography.Text>{detail.title}</Typography.Text>
        <Tag color="blue">{detail.stateLabel}</Tag>
      </Space>
    </Space>
  );
}

const STATE_TAGS: Record<GroundText['state'], { color: string; label: string }> = {
  holds: { color: 'green', label: '成立' },
  fails: { color: 'default', label: '不成立' },
  unknown: { color: 'gold', label: '尚待查明' },
};

export function outcomeLabel(outcome: string | null): string {
  if (!outcome) return '尚无结论';
  return (GROUND_LABELS as Record<string, string>)[outcome] ?? outcome;
}

/** The engine's provisional result on the facts recorded so far, and why. */
export function ProvisionalResult({ evaluation }: { evaluation: CaseEvaluation }) {
  const determined = evaluation.status === 'determined';
  const grounds = evaluation.explanation.grounds;
  const open = grounds.filter((g) => g.rank === 'outcome').map((g) => g.code);
  return (
    <Card title="暂定认定结果" size="small" aria-live="polite" data-testid="provisional-result">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Tag color={determined ? 'green' : 'gold'}>{determined ? '已可认定' : '尚待查明'}</Tag>
          <Typography.Text strong>{outcomeLabel(evaluation.outcome)}</Typography.Text>
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
                  <Tag color={STATE_TAGS[g.state].color}>{STATE_TAGS[g.state].label}</Tag>
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
