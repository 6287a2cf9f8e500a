// Deadlines in the API's shape: labelled, and named by their case's number and title.

import type { listDeadlines } from '../../app/deadline/list-deadlines.ts';
import type { Deadlines, WatchedDeadline } from '../../contract/deadline.schemas.ts';
import type { WatchedDeadline as Watched } from '../../domain/deadline/deadline-watch.ts';
import { DEADLINE_KIND_LABELS, DEADLINE_STATUS_LABELS } from '../../domain/vocabulary.ts';

export function presentDeadlines({
  mine,
  unit,
  all,
  cases,
  correctionCases,
  reports,
}: Awaited<ReturnType<typeof listDeadlines>>): Deadlines {
  const byId = new Map([...cases, ...correctionCases].map((c) => [c.id, c]));
  const reportNumbers = new Map(reports.map((r) => [r.id, r.number]));
  const present = (d: Watched): WatchedDeadline => ({
    kind: d.kind,
    kindLabel: DEADLINE_KIND_LABELS[d.kind],
    caseId: d.caseId,
    caseNumber: byId.get(d.caseId)?.number ?? '',
    caseTitle: byId.get(d.caseId)?.title ?? '',
    due: d.due,
    status: d.status,
    statusLabel: DEADLINE_STATUS_LABELS[d.status],
    daysLeft: d.daysLeft,
    notificationId: d.notificationId,
    correctionId: d.correctionId ?? null,
    reportId: d.reportId ?? null,
    reportNumber: d.reportId ? (reportNumbers.get(d.reportId) ?? null) : null,
  });
  return { mine: mine.map(present), unit: unit.map(present), all: all.map(present) };
}
