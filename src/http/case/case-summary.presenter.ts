// Cases in lists, and an officer's record, in the API's shape.

import type { CaseSummary as SummaryData } from '../../app/case/case-lists.ts';
import type { officerRecord } from '../../app/case/officer-record.ts';
import type { CaseSummary, OfficerRecord } from '../../contract/case.schemas.ts';
import { articleCitation } from '../../domain/policy/citation.ts';
import { iso } from '../route-kit.ts';
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
  return {
    officer: {
      id: r.officer.id,
      displayName: r.officer.display_name,
      unitId: r.officer.unit_id,
      badgeNumber: r.officer.badge_number,
    },
    cases: r.cases.map((c) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      state: c.state as CaseState,
      stateLabel: CASE_STATE_LABELS[c.state as CaseState],
    })),
    enforcementErrors: r.errorRecords.length,
    errorRecords: r.errorRecords.map((e) => ({
      caseId: e.case_id,
      article: e.article,
      citation: articleCitation(e.article),
      createdAt: iso(e.created_at),
    })),
  };
}
