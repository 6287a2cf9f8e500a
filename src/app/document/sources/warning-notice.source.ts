// 警示提醒函 from a warning: the rule's numbers as they were when it fired, the cases behind
// it by number, and the units it is addressed to. A unit's warning is issued by that unit;
// a field's, which spans units, by their nearest common superior unit.

import { DOCUMENT_KIND_DEFS } from '../../../domain/document/document-kinds.ts';
import { todayInChina } from '../../../domain/calendar-date.ts';
import {
  buildWarningNotice,
  type WarningNoticeInput,
} from '../../../domain/document/kinds/warning-notice.ts';
import type { CompiledPolicy } from '../../../domain/policy/compile-policy.ts';
import { versionInForce, versionOf } from '../../../domain/policy/policy-registry.ts';
import type { WarningRuleKind } from '../../../domain/vocabulary.ts';
import { unitNames } from '../../../store/publication.queries.ts';
import type { Conn } from '../../../store/transaction.ts';
import { unitLineage } from '../../../store/unit.repository.ts';
import { casesOfWarning, findWarning, recipientsOf } from '../../../store/warning.queries.ts';
import { UseCaseError, type AppContext } from '../../app-context.ts';
import { notApplicable, type DocumentSource } from '../document-source.ts';
import { basisOf, issuingOrganName } from './oversight-document-load.ts';

const TITLE = DOCUMENT_KIND_DEFS['warning-notice'].title;

export type WarningNoticeSourceInput = WarningNoticeInput & {
  readonly issuerId: string;
  readonly warningId: string;
};

/** The version of the warning's regime in force on the day it was raised. */
function policyOn(ctx: AppContext, policyId: string, day: string): CompiledPolicy {
  const versions = ctx.registry.byId.get(policyId) ?? [];
  const policy = versionInForce(versions, day) ?? versionOf(ctx.registry, policyId);
  if (!policy) throw new UseCaseError('UNKNOWN_POLICY', `制度 ${policyId} 未载入`);
  return policy;
}

/** The nearest unit that is, or is above, every one of `unitIds`; the first's root if none. */
async function commonUnit(conn: Conn, unitIds: readonly string[]): Promise<string> {
  const lineages = await Promise.all(unitIds.map((id) => unitLineage(conn, id)));
  const [first, ...others] = lineages.map((l) => l?.ids ?? []);
  if (first === undefined || first.length === 0) throw notApplicable(TITLE, '警示提醒没有收文单位');
  const shared = first.find((id) => others.every((ids) => ids.includes(id)));
  return shared ?? first[first.length - 1]!;
}

export const warningNoticeSource: DocumentSource<WarningNoticeSourceInput> = {
  kind: 'warning-notice',
  async load(conn, ctx, ownerId) {
    const recipients = await recipientsOf(conn, [ownerId]);
    const warning = await findWarning(
      conn,
      recipients.map((r) => r.unit_id),
      ownerId,
    );
    if (!warning) throw new UseCaseError('NOT_FOUND', '警示提醒不存在');
    const raisedOn = todayInChina(warning.raised_at);
    const cases = await casesOfWarning(conn, warning.id);
    if (cases.length === 0) throw notApplicable(TITLE, '警示提醒没有所涉案件');
    const issuerId =
      warning.unit_id ??
      (await commonUnit(
        conn,
        recipients.map((r) => r.unit_id),
      ));
    const [names, issuerName] = await Promise.all([
      unitNames(conn, warning.unit_id === null ? [] : [warning.unit_id]),
      issuingOrganName(conn, issuerId),
    ]);
    const policy = policyOn(ctx, warning.policy_id, raisedOn);
    const { taxonomy } = policy.def;
    const kind = warning.kind as WarningRuleKind;
    const subject =
      kind === 'same_error_type_in_unit'
        ? taxonomy.errorTypes.find((e) => e.code === warning.error_type)?.label
        : taxonomy.fields.find((f) => f.code === warning.field)?.label;
    return {
      issuerId,
      warningId: warning.id,
      issuerName,
      recipients: recipients.map((r) => r.unit_name),
      kind,
      subject: subject ?? warning.error_type ?? warning.field ?? '',
      unitName: warning.unit_id === null ? null : (names.get(warning.unit_id) ?? null),
      threshold: warning.threshold,
      months: warning.months,
      windowFrom: warning.window_from,
      windowTo: warning.window_to,
      raisedOn,
      cases: cases.map((c) => ({
        number: c.number,
        unitName: c.unit_name,
        decidedOn: c.decided_on,
      })),
      basis: basisOf(policy, [taxonomy.article]),
    };
  },
  numbering: (input) => ({
    unitId: input.issuerId,
    subjectId: input.warningId,
    on: input.raisedOn,
  }),
  build: (input, number) => buildWarningNotice(input, number),
};
