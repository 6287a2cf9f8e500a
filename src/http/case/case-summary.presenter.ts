// Cases in lists, and an officer's record, in the API's shape.

import type { CaseSummary as SummaryData } from '../../app/case/case-lists.ts';
import type { officerRecord } from '../../app/case/officer-record.ts';
import type { CaseSummary, OfficerRecord } from '../../contract/case.schemas.ts';
import { articleCitation } from '../../domain/policy/citation.ts';
import { outcomeLabel } from '../../domain/policy/policy-model.ts';
import { iso } from '../route-kit.ts';
import { presentRecordClearance } from '../clearance/clearance.presenter.ts';
import {
  CASE_ORIGIN_LABELS,
  CASE_STATE_LABELS,
  type CaseOrigin,
  type CaseState,
} from '../../domain/vocabulary.ts';

export function presentSummary(r: SummaryData): CaseSummary {
  const state = r.state as CaseState;
  return {
    id: r.id,
    number: r.number,
    state,
    stateLabel: CASE_STATE_LABELS[state],
    title: r.title,
    conductDate: r.conduct_date,
    conductEndDate: r.conduct_end_date,
    origin: r.origin,
    originLabel: CASE_ORIGIN_LABELS[r.origin as CaseOrigin] ?? r.origin,
    unit: { id: r.unit_id, name: r.unit_name },
    officer: { id: r.officer_id, displayName: r.officer_name },
    policy: { id: r.policy_id, version: r.policy_version, title: r.policyTitle },
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

export function presentOfficerRecord(r: Awaited<ReturnType<typeof officerRecord>>): OfficerRecord {
  const numbers = new Map(r.cases.map((c) => [c.id, c.number]));
  const titles = new Map(r.rules.map((x) => [`${x.policyId}@${x.policyVersion}`, x.policyTitle]));
  return {
    officer: {
      id: r.officer.id,
      displayName: r.officer.display_name,
      unitId: r.officer.unit_id,
      badgeNumber: r.officer.badge_number,
      unitName: r.unitName,
    },
    cases: r.cases.map((c) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      state: c.state as CaseState,
      stateLabel: CASE_STATE_LABELS[c.state as CaseState],
      policy: {
        id: c.policy_id,
        version: c.policy_version,
        title: titles.get(`${c.policy_id}@${c.policy_version}`) ?? c.policy_id,
      },
      createdAt: iso(c.created_at),
      conclusion: c.conclusion,
      conclusionLabel: c.conclusion === null ? null : outcomeLabel(c.conclusion),
      decidedOn: c.decided_on,
      notEnforcementError: c.ruleApplied,
      enforcementError: Boolean(c.error_stands),
    })),
    enforcementErrors: r.errorRecords.length,
    errorRecords: r.errorRecords.map((e) => ({
      caseId: e.case_id,
      caseNumber: numbers.get(e.case_id) ?? e.case_number,
      article: e.article,
      citation: articleCitation(e.article),
      createdAt: iso(e.created_at),
    })),
    counts: {
      cases: r.cases.length,
      decided: r.cases.filter((c) => c.conclusion !== null).length,
      notEnforcementError: r.cases.filter((c) => c.ruleApplied).length,
      enforcementErrors: r.errorRecords.length,
    },
    rules: r.rules.map((x) => ({
      policy: { id: x.policyId, version: x.policyVersion, title: x.policyTitle },
      article: x.article,
      citation: x.citation,
      topic: x.topic,
      text: x.text,
      groundLabels: x.grounds.map((g) => outcomeLabel(g)),
    })),
    clearances: r.clearances.map(presentRecordClearance),
  };
}
