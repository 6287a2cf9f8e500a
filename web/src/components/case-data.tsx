// What GET /api/v1/cases/:id and GET /api/v1/policies/:id return, as the case page reads
// them, and small presentation helpers (labels, dates, sizes). No business rules here:
// what a user may do comes from the API (allowedActions, allowedRecords).

import { Tag } from 'antd';
import {
  ASSESSMENT_FACTOR_LABELS,
  CASE_STATE_LABELS,
  type AssessmentFactor,
  type CaseState,
} from '../../../src/domain/case/case-state.ts';
import { TRANSITIONS, type TransitionName } from '../../../src/domain/case/case-transitions.ts';
import { GROUND_LABELS, type OutcomeCode } from '../../../src/domain/policy/policy-model.ts';
import type { PolicyDetail } from '../api/policy-types.ts';
export type {
  PolicyArticle,
  PolicyDetail,
  PolicyFact,
  PolicyItem,
  PolicySummary,
} from '../api/policy-types.ts';

export interface GroundExplanation {
  code: string;
  label: string;
  article: string;
  state: 'holds' | 'fails' | 'unknown';
  blocked: boolean;
  rank: 'outcome' | 'above' | 'below' | 'open';
  text: string;
}

export interface Determination {
  status: 'determined' | 'undetermined';
  outcome: string | null;
  basis?: string[];
  citation?: string;
  missing?: string[];
  policy?: string;
  policyVersion?: number;
  asOf?: string;
  explanation?: { summary: string; grounds: GroundExplanation[] };
}

export interface CaseFact {
  fact_id: string;
  value: boolean | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface CaseEvidence {
  id: string;
  fact_id: string | null;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_at: string;
}

export interface CaseDecision {
  id: string;
  meeting_date: string;
  members: string[];
  conclusion: string;
  engine_outcome: string | null;
  departure_reason: string | null;
  on_review: boolean;
  decided_at: string;
}

export interface CaseNotification {
  id: string;
  recipient_kind: 'party' | 'unit';
  recipient: string;
  from_date: string;
  days: number;
  counting: 'calendar' | 'working';
  due: string;
  provisional: boolean;
  sent_on: string | null;
  sent_at: string | null;
}

export interface TimelineEvent {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  data?: Record<string, unknown> | null;
}

export interface CaseDetail {
  id: string;
  number: string;
  version: number;
  state: string;
  stateLabel: string;
  origin: string;
  unitId: string;
  officerId: string;
  applicantId: string | null;
  title: string;
  conduct: string;
  enforcementAction: string;
  policy: { id: string; version: number; title: string };
  objectionDue: string | null;
  createdAt: string;
  facts: CaseFact[];
  evidence: CaseEvidence[];
  assessment: { factor: string; finding?: string; recorded_at?: string }[];
  evaluation: Determination;
  determination: Determination | null;
  decisions: CaseDecision[];
  notifications: CaseNotification[];
  publications: { id: string; scope: string; published_on: string; published_at: string }[];
  objections: {
    id: string;
    reason: string;
    due: string;
    raised_on?: string;
    raised_at: string;
    result: string | null;
    reviewed_on?: string | null;
  }[];
  corrections: { id: string; article: number; state: string; opened_at: string }[];
  enforcementErrorRecords: {
    id: string;
    officer_id: string;
    article: number;
    created_at: string;
    revoked_at: string | null;
  }[];
  timeline: TimelineEvent[];
  allowedActions: string[];
  allowedRecords: string[];
}

export const RECORD_LABELS: Record<string, string> = {
  record_fact: '记录事实',
  attach_evidence: '上传证据',
  record_assessment: '记录研判',
};

export function actionLabel(action: string): string {
  const name = action.startsWith('case.') ? action.slice(5) : action;
  if (name in TRANSITIONS) return TRANSITIONS[name as TransitionName].label;
  return RECORD_LABELS[name] ?? name;
}

export function groundLabel(code: string | null | undefined): string {
  if (!code) return '—';
  return (GROUND_LABELS as Record<string, string>)[code] ?? code;
}

/** The conclusions a decision may take: the grounds the case's policy defines, and 无容错免责情形. */
export function outcomeOptions(policy: PolicyDetail | null): { value: string; label: string }[] {
  const defined = new Set<string>(['no_ground']);
  for (const c of policy?.chapters ?? [])
    for (const a of c.articles) for (const r of a.rules ?? []) defined.add(r.ground);
  return (Object.keys(GROUND_LABELS) as OutcomeCode[])
    .filter((code) => defined.has(code))
    .map((code) => ({ value: code, label: GROUND_LABELS[code] }));
}

export function factorLabel(factor: string): string {
  return ASSESSMENT_FACTOR_LABELS[factor as AssessmentFactor] ?? factor;
}

export const STATE_OPTIONS = (Object.keys(CASE_STATE_LABELS) as CaseState[]).map((s) => ({
  value: s,
  label: CASE_STATE_LABELS[s],
}));

const STATE_COLORS: Record<string, string> = {
  submitted: 'blue',
  investigating: 'cyan',
  assessing: 'geekblue',
  awaiting_decision: 'purple',
  decided: 'gold',
  notified: 'orange',
  published: 'green',
  objection_review: 'magenta',
  closed: 'default',
  refused: 'red',
  withdrawn: 'default',
};

export function StateTag({ state, label }: { state: string; label?: string }) {
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'}>
      {label ?? CASE_STATE_LABELS[state as CaseState] ?? state}
    </Tag>
  );
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Today's date in China (YYYY-MM-DD). */
export function todayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** Whole days from today (China) to a YYYY-MM-DD date; negative when past. */
export function daysUntil(date: string): number {
  const [y, m, d] = todayInChina().split('-').map(Number) as [number, number, number];
  const [dy, dm, dd] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(dy, dm - 1, dd) - Date.UTC(y, m - 1, d)) / 86_400_000);
}

/** 王强 → 王*: the officer's name as a publication shows it. */
export function redactName(name: string): string {
  const first = [...name][0];
  return first ? `${first}*` : '';
}
