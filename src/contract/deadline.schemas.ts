// Time limits near and past (期限提醒), for the workbench.

import { DateOnly, Nullable, StringEnum, Type, type Static, texts } from './schema-kit.ts';
import { DEADLINE_KINDS, DEADLINE_STATUSES } from '../domain/vocabulary.ts';

export const WatchedDeadline = Type.Object({
  kind: StringEnum(DEADLINE_KINDS),
  ...texts('kindLabel', 'caseId', 'caseNumber', 'caseTitle'),
  due: DateOnly,
  status: StringEnum(DEADLINE_STATUSES),
  statusLabel: Type.String(),
  /** Calendar days from today in China to the due date; negative once overdue. */
  daysLeft: Type.Integer(),
  notificationId: Nullable(Type.String()),
  /** For kind `correction` (整改期限): the correction, at /corrections/:id. */
  correctionId: Nullable(Type.String()),
  /**
   * For kind `report_feedback` (反馈期限): the report, at /reports/:id, and its number;
   * caseId, caseNumber and caseTitle are then ''.
   */
  reportId: Nullable(Type.String()),
  reportNumber: Nullable(Type.String()),
});
export type WatchedDeadline = Static<typeof WatchedDeadline>;

export const Deadlines = Type.Object(
  {
    /** About the reader (an officer's objection period). */
    mine: Type.Array(WatchedDeadline),
    /** Of the cases of the reader's unit subtree. */
    unit: Type.Array(WatchedDeadline),
    /** Both, each deadline once, most urgent first. */
    all: Type.Array(WatchedDeadline),
  },
  { description: '临近（due_soon）和逾期（overdue）的期限 / deadlines near and overdue' },
);
export type Deadlines = Static<typeof Deadlines>;
