// The case's timeline (办理经过) from its audit events: each step's label, who took it,
// and what it recorded, in words.

import type { CaseReading } from '../../app/case/case-detail.ts';
import type { TimelineEvent } from '../../contract/case.schemas.ts';
import { factValueLabel } from '../../contract/labels.ts';
import { RECORD_LABELS } from '../../domain/case/case-records.ts';
import { isTransitionName, TRANSITION_LABELS } from '../../domain/case/case-transitions.ts';
import { factOf, type CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import { outcomeLabel } from '../../domain/policy/policy-model.ts';
import { iso } from '../route-kit.ts';
import { auditActionLabel } from '../../domain/audit/audit-actions.ts';
import { ASSESSMENT_FACTOR_LABELS, type AssessmentFactor } from '../../domain/vocabulary.ts';

/** The audit actions of records kept on a case, by their record kind's label. */
const RECORD_ACTION_LABELS: Readonly<Record<string, string>> = {
  record_fact: RECORD_LABELS.fact,
  attach_evidence: RECORD_LABELS.evidence,
  record_assessment: RECORD_LABELS.assessment,
};

function actionLabel(name: string): string {
  if (isTransitionName(name)) return TRANSITION_LABELS[name];
  return RECORD_ACTION_LABELS[name] ?? auditActionLabel(`case.${name}`);
}

function groundLabel(code: unknown): string {
  return typeof code === 'string' ? outcomeLabel(code) : '—';
}

function detailOf(name: string, data: Record<string, unknown>, policy: CompiledPolicy) {
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : null);
  const payload = (data.payload ?? {}) as Record<string, unknown>;
  switch (name) {
    case 'record_fact': {
      const factId = text('factId');
      const citation = factId === null ? null : (factOf(policy, factId)?.citation ?? factId);
      const value = data.value === undefined ? null : factValueLabel(data.value as boolean | null);
      return [citation, value, text('note')].filter(Boolean).join('：');
    }
    case 'record_assessment': {
      const factor = text('factor');
      const label = factor
        ? (ASSESSMENT_FACTOR_LABELS[factor as AssessmentFactor] ?? factor)
        : null;
      return [label, text('finding')].filter(Boolean).join('：');
    }
    case 'attach_evidence':
      return text('filename');
    case 'record_decision':
      return `认定结论：${groundLabel(payload.conclusion)}`;
    case 'publish':
      return typeof payload.scope === 'string' ? `公开范围：${payload.scope}` : null;
    case 'review_objection':
      return payload.result === 'change'
        ? `变更结论：${groundLabel(payload.conclusion)}`
        : '维持原结论';
    default:
      return text('reason');
  }
}

export function presentTimeline(reading: CaseReading): TimelineEvent[] {
  const { records, names, snapshot } = reading;
  return records.timeline.map((e) => {
    const name = e.action.replace(/^case\./, '');
    const actor = e.actor_id === null ? undefined : names.people.get(e.actor_id);
    return {
      seq: e.seq,
      at: iso(e.at),
      action: e.action,
      actionLabel: actionLabel(name),
      actor: e.actor_id !== null && actor ? { id: e.actor_id, displayName: actor.name } : null,
      detail: detailOf(name, (e.data ?? {}) as Record<string, unknown>, snapshot.policy) || null,
    };
  });
}
