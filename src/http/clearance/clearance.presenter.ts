// Clearances in the API's shape (src/contract/clearance.schemas.ts): labels for every code,
// the people and the unit by name.

import type { ClearanceReading } from '../../app/clearance/clearance-reads.ts';
import type {
  ClearanceDetail,
  ClearanceSummary,
  RecordClearance,
} from '../../contract/clearance.schemas.ts';
import {
  CLEARANCE_BASIS_LABELS,
  type ClearanceBasis,
} from '../../domain/clearance/clearance-machine.ts';
import {
  CLEARANCE_METHOD_LABELS,
  CLEARANCE_STATE_LABELS,
  DISCLOSURE_SCOPE_LABELS,
  type ClearanceMethod,
  type ClearanceState,
  type DisclosureScope,
} from '../../domain/vocabulary.ts';

interface SummaryRow {
  readonly id: string;
  readonly report_id: string;
  readonly report_number: string;
  readonly officer_id: string;
  readonly officer_name: string;
  readonly unit_id: string;
  readonly unit_name: string;
  readonly basis: string;
  readonly scope: string;
  readonly methods: readonly string[];
  readonly decided_on: string;
  readonly state: string;
  readonly carried_out_on: string | null;
  readonly version: number;
}

export function presentClearanceSummary(row: SummaryRow): ClearanceSummary {
  const basis = row.basis as ClearanceBasis;
  const scope = row.scope as DisclosureScope;
  const methods = row.methods as ClearanceMethod[];
  const state = row.state as ClearanceState;
  return {
    id: row.id,
    reportId: row.report_id,
    reportNumber: row.report_number,
    officer: { id: row.officer_id, name: row.officer_name },
    unit: { id: row.unit_id, name: row.unit_name },
    basis,
    basisLabel: CLEARANCE_BASIS_LABELS[basis],
    scope,
    scopeLabel: DISCLOSURE_SCOPE_LABELS[scope],
    methods: [...methods],
    methodLabels: methods.map((m) => CLEARANCE_METHOD_LABELS[m]),
    decidedOn: row.decided_on,
    state,
    stateLabel: CLEARANCE_STATE_LABELS[state],
    carriedOutOn: row.carried_out_on,
    version: row.version,
  };
}

export function presentRecordClearance(
  row: SummaryRow & { readonly findings: string; readonly notice_text: string },
): RecordClearance {
  return { ...presentClearanceSummary(row), findings: row.findings, noticeText: row.notice_text };
}

export function presentClearance(reading: ClearanceReading): ClearanceDetail {
  const { row } = reading;
  const reach = row.accusation_reach as DisclosureScope;
  return {
    ...presentClearanceSummary(row),
    findings: row.findings,
    accusationReach: reach,
    accusationReachLabel: DISCLOSURE_SCOPE_LABELS[reach],
    requestedOn: row.requested_on,
    noticeText: row.notice_text,
    carriedOutNote: row.carried_out_note,
    actions: [...reading.actions],
  };
}
