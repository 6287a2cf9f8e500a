// The case's next step in the API's shape: the step and its party in words (the unit's
// investigators, the officer by name), by when (each due date, or that the procedure
// sets no time limit), and what of it the reader may take now.

import type { CaseReading } from '../../app/case/case-detail.ts';
import type { CaseNextStep } from '../../contract/next-step.schemas.ts';
import { formatChineseDate, type CalendarDate } from '../../domain/calendar-date.ts';
import { hasStepToTake, type StepDate, type StepParty } from '../../domain/case/next-step.ts';
import { daysBetween } from '../../domain/deadline/deadline-watch.ts';
import { ROLE_LABELS } from '../../domain/vocabulary.ts';

function partyName(reading: CaseReading, party: StepParty): NonNullable<CaseNextStep['who']> {
  const { names } = reading;
  switch (party.kind) {
    case 'role': {
      const unit = names.units.get(party.unitId) ?? '本案单位';
      return {
        role: party.role,
        roleLabel: ROLE_LABELS[party.role],
        name: `${ROLE_LABELS[party.role]}（${unit}或其上级单位）`,
      };
    }
    case 'officer': {
      const person = names.people.get(party.userId)?.name ?? '';
      const title = party.applicant ? '申请人' : '当事人';
      return { role: 'officer', roleLabel: ROLE_LABELS.officer, name: `${title} ${person}`.trim() };
    }
  }
}

function dateLabel(reading: CaseReading, d: StepDate): string {
  switch (d.kind) {
    case 'notification': {
      const to =
        d.recipientKind === 'unit'
          ? (reading.names.units.get(d.recipient) ?? '相关单位')
          : `当事人 ${reading.names.people.get(d.recipient)?.name ?? ''}`.trim();
      return `告知${to}`;
    }
    case 'objection':
      return '异议期限';
    case 'publication':
      return '公示期';
  }
}

function dateText(label: string, kind: StepDate['kind'], date: CalendarDate): string {
  const day = formatChineseDate(date);
  return kind === 'notification' ? `${label}（截止 ${day}）` : `${label}至 ${day}`;
}

export function presentNextStep(reading: CaseReading): CaseNextStep {
  const next = reading.nextStep;
  if (next.kind === 'ended') {
    return {
      ended: true,
      step: '程序已终结',
      detail: next.reason,
      who: null,
      when: '没有后续步骤',
      dates: [],
      notBefore: null,
      yours: false,
      actions: [],
      records: [],
      reviews: [],
      rights: [],
    };
  }
  const dates = next.dates.map((d) => ({
    kind: d.kind,
    label: dateLabel(reading, d),
    date: d.date,
  }));
  const when = [
    ...(next.notBefore ? [`${formatChineseDate(next.notBefore)}起可以办理`] : []),
    ...dates.map((d) => dateText(d.label, d.kind, d.date)),
  ];
  const mine = reading.readersStep;
  return {
    ended: false,
    step: next.step,
    detail: next.detail,
    who: partyName(reading, next.by),
    // Where the procedure sets no time limit for the step, the page says so: none is invented.
    when: when.length > 0 ? when.join('；') : '制度未规定本步骤的办理期限',
    dates: dates.map(({ label, date }) => ({
      label,
      date,
      daysLeft: daysBetween(reading.today, date),
    })),
    notBefore: next.notBefore,
    yours: hasStepToTake(mine),
    actions: [...mine.actions],
    records: [...mine.records],
    reviews: [...mine.reviews],
    rights: next.rights.map((r) => {
      const who = partyName(reading, r.by).name;
      return {
        action: r.action,
        text:
          r.action === 'withdraw'
            ? `${who}可在研究决定前撤回申请`
            : `${who}可在 ${formatChineseDate(r.until!)} 前提出异议`,
        yours: reading.allowedActions.includes(r.action),
      };
    }),
  };
}
