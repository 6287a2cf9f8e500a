// Who reads a warning and who answers it. A warning is addressed to units; it is read by
// those who read the cases of one of them (the unit's own staff and those of the units
// above it: investigators, secretaries, reviewers), since it lists cases and their units.
// It is acknowledged for a unit, with the measures it will take (第十八条 “防止类似错误和
// 问题重复发生”), by an investigator or a secretary who works on that unit's cases, as
// cases are worked on by the staff of the unit and of the units above it.

import { readScopeOf } from '../case/case-access.ts';
import { isBlank } from '../case/case-errors.ts';
import type { Role } from '../vocabulary.ts';

export interface WarningAccessError {
  readonly code:
    'FORBIDDEN' | 'NOT_FOUND' | 'ALREADY_ACKNOWLEDGED' | 'UNIT_REQUIRED' | 'INVALID_INPUT';
  readonly message: string;
}

/** The roles that answer a warning for a unit. */
export const ACKNOWLEDGING_ROLES: readonly Role[] = ['investigator', 'secretary'];

/** Whether the roles read warnings at all: those who read a unit subtree's cases. */
export function mayReadWarnings(roles: readonly Role[]): boolean {
  return readScopeOf(roles).unitSubtree;
}

export function mayAcknowledge(roles: readonly Role[]): boolean {
  return roles.some((r) => ACKNOWLEDGING_ROLES.includes(r)) && mayReadWarnings(roles);
}

export interface RecipientView {
  readonly unitId: string;
  readonly acknowledged: boolean;
}

export interface AcknowledgementRequest {
  readonly measures: string;
  /** The unit acknowledged for; needed only when the reader may answer for several. */
  readonly unitId?: string;
}

/**
 * The recipient unit an acknowledgement is for, or the refusal: the role first (who
 * before what), then whether the warning is the reader's at all, the measures, and which
 * of its units still waiting the reader answers for: the one named, the reader's own, or
 * the only one in the reader's units.
 */
export function acknowledgementTarget(
  roles: readonly Role[],
  ownUnitId: string,
  recipients: readonly RecipientView[],
  inReadersUnits: (unitId: string) => boolean,
  request: AcknowledgementRequest,
):
  | { readonly ok: true; readonly unitId: string }
  | { readonly ok: false; readonly error: WarningAccessError } {
  const refuse = (code: WarningAccessError['code'], message: string) =>
    ({ ok: false, error: { code, message } }) as const;
  if (!mayAcknowledge(roles)) return refuse('FORBIDDEN', '只有调查人员或案件秘书可以签收警示提醒');
  const mine = recipients.filter((r) => inReadersUnits(r.unitId));
  if (mine.length === 0) return refuse('NOT_FOUND', '警示提醒不存在或不是发给本单位的');
  if (isBlank(request.measures)) return refuse('INVALID_INPUT', '请填写本单位拟采取的防范措施');
  const waiting = mine.filter((r) => !r.acknowledged);
  if (request.unitId !== undefined) {
    const named = mine.find((r) => r.unitId === request.unitId);
    if (!named) return refuse('INVALID_INPUT', '所选单位不是本警示提醒的接收单位');
    if (named.acknowledged) return refuse('ALREADY_ACKNOWLEDGED', '该单位已签收本警示提醒');
    return { ok: true, unitId: named.unitId };
  }
  if (waiting.length === 0) return refuse('ALREADY_ACKNOWLEDGED', '本单位已签收本警示提醒');
  const own = waiting.find((r) => r.unitId === ownUnitId);
  if (own) return { ok: true, unitId: own.unitId };
  if (waiting.length === 1) return { ok: true, unitId: waiting[0]!.unitId };
  return refuse('UNIT_REQUIRED', '本警示提醒发给您所辖的多个单位，请选择为哪个单位签收');
}
