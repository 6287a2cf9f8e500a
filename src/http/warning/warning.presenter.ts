// Warnings and warning rules as the API sends them: codes with their labels (a field or an
// error type in the words of its regime's newest version, where codes are kept across
// versions), units by name, the rule in words.

import type { RuleSet } from '../../app/warning/warning-rules.ts';
import type {
  WarningDetail as Detail,
  WarningSummary as Summary,
} from '../../app/warning/warnings.ts';
import type {
  WarningDetail,
  WarningRuleSet,
  WarningSummary,
} from '../../contract/warning.schemas.ts';
import { taxonomyLabel } from '../../domain/case/classification.ts';
import { versionOf, type PolicyRegistry } from '../../domain/policy/policy-registry.ts';
import { WARNING_RULE_KIND_LABELS, type WarningRuleKind } from '../../domain/vocabulary.ts';
import { ruleText } from '../../domain/warning/warning-rule.ts';
import { iso, isoOrNull } from '../route-kit.ts';

const ALL_POLICIES = '全部制度（各制度分别统计）';

function policyTitle(registry: PolicyRegistry, id: string | null): string {
  if (id === null) return ALL_POLICIES;
  return versionOf(registry, id)?.def.title ?? id;
}

function classified(
  registry: PolicyRegistry,
  policyId: string,
  list: 'fields' | 'errorTypes',
  code: string,
) {
  const taxonomy = versionOf(registry, policyId)?.def.taxonomy;
  return { code, label: taxonomy ? (taxonomyLabel(taxonomy[list], code) ?? code) : code };
}

export function presentRuleSet(registry: PolicyRegistry, set: RuleSet): WarningRuleSet {
  return {
    version: set.version,
    rules: set.rules.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: WARNING_RULE_KIND_LABELS[r.kind],
      policyId: r.policyId,
      policyTitle: policyTitle(registry, r.policyId),
      threshold: r.threshold,
      months: r.months,
      enabled: r.enabled,
      text: ruleText(r),
    })),
    policies: [...registry.byId.keys()].map((id) => ({
      value: id,
      label: policyTitle(registry, id),
    })),
  };
}

export function presentWarning(registry: PolicyRegistry, w: Summary): WarningSummary {
  const { row } = w;
  const kind = row.kind as WarningRuleKind;
  const field =
    row.field === null ? null : classified(registry, row.policy_id, 'fields', row.field);
  const errorType =
    row.error_type === null
      ? null
      : classified(registry, row.policy_id, 'errorTypes', row.error_type);
  const caseCount = Number(row.case_count);
  const title =
    errorType !== null
      ? `${w.unitName ?? ''} ${errorType.label} ${caseCount} 起`
      : `${field?.label ?? ''} ${w.recipients.length} 个单位 ${caseCount} 起`;
  const names = new Map(w.recipients.map((r) => [r.unit_id, r.unit_name]));
  return {
    id: row.id,
    kind,
    kindLabel: WARNING_RULE_KIND_LABELS[kind],
    title: title.trim(),
    ruleText: ruleText({ kind, threshold: row.threshold, months: row.months }),
    policy: { id: row.policy_id, title: policyTitle(registry, row.policy_id) },
    unit: row.unit_id === null ? null : { id: row.unit_id, name: w.unitName ?? '' },
    field,
    errorType,
    windowFrom: row.window_from,
    windowTo: row.window_to,
    raisedAt: iso(row.raised_at),
    caseCount,
    recipients: w.recipients.map((r) => ({
      unit: { id: r.unit_id, name: r.unit_name },
      acknowledged: r.acknowledged_at !== null,
      acknowledgedAt: isoOrNull(r.acknowledged_at),
      acknowledgedBy:
        r.acknowledged_by === null
          ? null
          : { id: r.acknowledged_by, displayName: r.acknowledged_by_name ?? '' },
      measures: r.measures,
    })),
    waitingForReader: w.waitingForReader.map((id) => ({ id, name: names.get(id) ?? '' })),
  };
}

export function presentWarningDetail(registry: PolicyRegistry, w: Detail): WarningDetail {
  return {
    ...presentWarning(registry, w),
    cases: w.cases.map((c) => ({
      id: c.id,
      number: c.number,
      title: c.readable ? c.title : null,
      unit: { id: c.unit_id, name: c.unit_name },
      decidedOn: c.decided_on,
      field: classified(registry, w.row.policy_id, 'fields', c.field ?? ''),
      errorType: classified(registry, w.row.policy_id, 'errorTypes', c.error_type ?? ''),
      readable: c.readable,
    })),
  };
}
