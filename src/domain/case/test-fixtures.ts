// Builders for the case tests: the two real policies' procedure parameters (mirroring
// policies/*/v1.yaml, since domain tests read no files), a small hand-made calendar,
// actors, a consistent case snapshot in each state, and a valid action for each
// transition.

import { createWorkCalendar } from '../deadline/work-calendar.ts';
import { OUTCOME_CODES, type OutcomeCode, type ProcedureParams } from '../policy/policy-model.ts';
import type { CaseAction } from './case-actions.ts';
import { NO_CASE, type FromState, type TransitionName } from './case-transitions.ts';
import type {
  Actor,
  CaseContext,
  CaseDetermination,
  CaseView,
  PublicationContext,
} from './case-view.ts';
import { ASSESSMENT_FACTORS, CASE_STATES, type CaseState, type Role } from '../vocabulary.ts';

/** policies/xilingol-emergency-2024/v1.yaml, `procedure`. */
export const EMERGENCY_PROCEDURE: ProcedureParams = {
  decidingBody: { name: '本级应急管理部门党委', article: 14 },
  notification: { days: 7, counting: 'calendar', article: 14, recipients: ['相关单位', '当事人'] },
  publication: {
    article: 14,
    scopes: ['本单位', '本系统', '社会公开'],
    defaultScope: '本单位',
    period: { days: 5, counting: 'working', article: 14 },
  },
  review: { legal: { required: true }, discipline: { required: false } },
  notEnforcementError: {
    article: 15,
    grounds: ['due_diligence', 'no_liability', 'tolerated', 'exemption'],
  },
  correction: {
    article: 16,
    detailsArticle: 17,
    opensOn: ['due_diligence', 'no_liability', 'tolerated', 'exemption'],
    extensionAllowed: true,
    deadline: { days: 30, counting: 'working', article: 17 },
    reminder: { days: 5, counting: 'working', article: 18 },
  },
  followUp: { article: 18 },
  objection: { days: 15, counting: 'calendar', article: 14 },
  reports: { article: 19, feedback: { days: 60, counting: 'calendar', article: 19 } },
};

/** policies/xilingol-education-2024/v1.yaml, `procedure`. */
export const EDUCATION_PROCEDURE: ProcedureParams = {
  decidingBody: { name: '锡林郭勒盟教育局党组', article: 13 },
  notification: { days: 7, counting: 'calendar', article: 13, recipients: ['相关单位', '当事人'] },
  publication: {
    article: 13,
    scopes: ['本单位', '本系统', '社会公开'],
    defaultScope: '本单位',
    period: { days: 5, counting: 'working', article: 13 },
  },
  review: { legal: { required: true }, discipline: { required: false } },
  notEnforcementError: { article: 14, grounds: ['due_diligence', 'tolerated', 'exemption'] },
  correction: {
    article: 15,
    detailsArticle: 16,
    opensOn: ['due_diligence', 'tolerated', 'exemption'],
    extensionAllowed: true,
    deadline: { days: 30, counting: 'working', article: 16 },
    reminder: { days: 5, counting: 'working', article: 17 },
  },
  followUp: { article: 17 },
  objection: { days: 15, counting: 'calendar', article: 13 },
  reports: { article: 18, feedback: { days: 60, counting: 'calendar', article: 18 } },
};

/** The outcomes of the emergency regime: every ground, then no_ground. */
export const EMERGENCY_OUTCOMES: readonly OutcomeCode[] = OUTCOME_CODES;

/** The education regime defines no 不予追究 (no_liability) ground. */
export const EDUCATION_OUTCOMES: readonly OutcomeCode[] = EMERGENCY_OUTCOMES.filter(
  (code) => code !== 'no_liability',
);

/**
 * Not a real schedule: 2030 is covered, with a holiday Tue 10-01 to Mon 10-07 and make-up
 * workdays Sun 09-29 and Sat 10-12.
 */
export const CALENDAR = createWorkCalendar({
  holidays: [1, 2, 3, 4, 5, 6, 7].map((d) => `2030-10-0${d}`),
  makeUpWorkdays: ['2030-09-29', '2030-10-12'],
  coveredYears: [2030],
});

export const TODAY = '2030-09-20';

/** The units the fixtures' cases name: their own and a related one. */
export const KNOWN_UNITS: ReadonlySet<string> = new Set(['unit-a', 'unit-b', 'unit-c']);

/** A determination as the snapshot carries it; the explanation is the engine's to test. */
export function determination(
  status: CaseDetermination['status'],
  outcome: CaseDetermination['outcome'],
): CaseDetermination {
  return {
    policy: 'xilingol-emergency-2024',
    policyVersion: 1,
    asOf: TODAY,
    status,
    outcome,
    basis: [],
    citation: '',
    grounds: [],
    missing: [],
    explanation: { summary: '', grounds: [] },
  };
}

export function context(overrides: Partial<CaseContext> = {}): CaseContext {
  return {
    today: TODAY,
    procedure: EMERGENCY_PROCEDURE,
    outcomes: EMERGENCY_OUTCOMES,
    calendar: CALENDAR,
    knownUnitIds: KNOWN_UNITS,
    systemUnitIds: KNOWN_UNITS,
    excludedMembers: [{ name: '王强', why: 'officer' }],
    publication: PUBLICATION,
    ...overrides,
  };
}

/** The case as a publication draws on it: a section of a bureau that adopted the regime. */
export const PUBLICATION: PublicationContext = {
  source: {
    number: '锡盟应急容〔2030〕1号',
    title: '对某加油站检查后发生火灾事故',
    conduct: '执法人员王强对某加油站检查，站长（电话13912345678）拒不整改。',
    officerName: '王强',
    caseUnitName: '执法监督科',
    organName: '锡林郭勒盟应急管理局',
    decidingBody: '本级应急管理部门党委',
    policyTitle: '锡林郭勒盟应急管理系统行政执法尽职免责和容错纠错办法',
    decision: {
      conclusionLabel: '不予追究行政执法责任',
      citation: '第十条第（三）项',
      meetingDate: '2030-09-10',
    },
    known: { names: ['王强'] },
  },
  lineage: [
    { id: 'u-section', kind: 'section', policyId: null },
    { id: 'u-bureau', kind: 'bureau', policyId: 'xilingol-emergency-2024' },
    { id: 'u-league', kind: 'league', policyId: null },
  ],
};

/** After the fixtures' objection period (due 2030-09-30): the day a case may be closed. */
export const AFTER_OBJECTION_PERIOD = '2030-10-08';

/** The context a transition is tried in: `close` waits for the objection period to end. */
export function contextFor(
  name: TransitionName,
  overrides: Partial<CaseContext> = {},
): CaseContext {
  return context(name === 'close' ? { today: AFTER_OBJECTION_PERIOD, ...overrides } : overrides);
}

export const OFFICER_ID = 'u-officer';

function actor(id: string, roles: readonly Role[], inUnitScope = true): Actor {
  return { id, roles, inUnitScope };
}

export const ACTORS = {
  /** The officer the case is about, who applied. */
  officer: actor(OFFICER_ID, ['officer']),
  otherOfficer: actor('u-other-officer', ['officer']),
  investigator: actor('u-investigator', ['investigator']),
  secretary: actor('u-secretary', ['secretary']),
  reviewer: actor('u-reviewer', ['reviewer']),
  outsideInvestigator: actor('u-investigator-2', ['investigator'], false),
  outsideSecretary: actor('u-secretary-2', ['secretary'], false),
  outsideReviewer: actor('u-reviewer-2', ['reviewer'], false),
  petitions: actor('u-petitions', ['petitions']),
  sysadmin: actor('u-sys', ['sysadmin']),
  secadmin: actor('u-sec', ['secadmin']),
  auditadmin: actor('u-audit', ['auditadmin']),
} as const satisfies Record<string, Actor>;

/** The actor of the given role who is entitled to act on the case `caseIn` builds: each role's own. */
export function entitledActor(role: Role): Actor {
  return ACTORS[role];
}

/** The states of the main line, in order: a case in one has passed the ones before. */
const STATE_ORDER: readonly CaseState[] = CASE_STATES.slice(
  0,
  CASE_STATES.indexOf('published') + 1,
);

function reached(state: CaseState, step: CaseState): boolean {
  const at = STATE_ORDER.indexOf(state === 'objection_review' ? 'published' : state);
  return at === -1 ? false : at >= STATE_ORDER.indexOf(step);
}

/**
 * A consistent snapshot of an applied-for case in `state`: facts settled (tolerated), all
 * factors recorded from `assessing` on, the committee's conclusion `tolerated` from
 * `decided` on, two notifications (one sent) in `decided`, all sent and the objection
 * period open (to 2030-09-30) from `notified` on.
 */
export function caseIn(state: CaseState, overrides: Partial<CaseView> = {}): CaseView {
  const decided = reached(state, 'decided');
  const notified = reached(state, 'notified');
  return {
    id: 'case-1',
    state,
    origin: 'application',
    unitId: 'unit-a',
    officerId: OFFICER_ID,
    applicantId: OFFICER_ID,
    recordedFactors: reached(state, 'assessing') ? ASSESSMENT_FACTORS : [],
    determination: determination('determined', 'tolerated'),
    decision: decided ? { conclusion: 'tolerated', meetingDate: '2030-09-10' } : null,
    notifications: decided
      ? [
          {
            id: 'n-officer',
            recipientKind: 'party',
            recipient: OFFICER_ID,
            due: '2030-09-17',
            sent: true,
            sentOn: '2030-09-12',
          },
          {
            id: 'n-unit',
            recipientKind: 'unit',
            recipient: 'unit-b',
            due: '2030-09-17',
            sent: notified,
            sentOn: notified ? '2030-09-13' : null,
          },
        ]
      : [],
    objectionDue: notified ? '2030-09-30' : null,
    stateBeforeObjection: state === 'objection_review' ? 'published' : null,
    submittedForDecisionOn: reached(state, 'awaiting_decision') ? '2030-09-05' : null,
    recusedIds: [],
    // The legal review the emergency regime requires, recorded before the decision.
    reviews: reached(state, 'awaiting_decision') ? [{ kind: 'legal', agrees: true }] : [],
    field: 'hazardous_chemicals',
    errorType: 'facts_unclear',
    ...overrides,
  };
}

/** The case an action is decided on: none for the opening transitions. */
export function subject(state: FromState): CaseView | null {
  return state === NO_CASE ? null : caseIn(state);
}

/** A valid action of each transition, for a case built by `caseIn`. */
export function validAction(name: TransitionName): CaseAction {
  switch (name) {
    case 'submit_application':
      return {
        kind: name,
        unitId: 'unit-a',
        title: '某企业安全检查未发现隐患',
        conduct: '按检查计划开展现场检查',
        conductDate: '2030-09-02',
        enforcementAction: 'inspection',
      };
    case 'initiate':
      return {
        kind: name,
        officerId: OFFICER_ID,
        unitId: 'unit-a',
        title: '某企业行政处罚案件核查',
        conduct: '作出行政处罚决定',
        conductDate: '2030-08-01',
        conductEndDate: '2030-08-15',
        enforcementAction: 'penalty',
      };
    case 'accept':
    case 'complete_investigation':
    case 'submit_for_decision':
      return { kind: name };
    case 'refuse':
      return { kind: name, reason: '不属于受理范围' };
    case 'record_decision':
      return {
        kind: name,
        meetingDate: '2030-09-18',
        members: ['张三', '李四', '王五'],
        conclusion: 'tolerated',
        relatedUnitIds: ['unit-b'],
      };
    case 'send_notification':
      return {
        kind: name,
        notificationId: 'n-unit',
        method: 'in_person',
        deliveredOn: '2030-09-13',
        deliveredTo: '赵六',
      };
    case 'publish':
      return { kind: name, scope: '本系统' };
    case 'raise_objection':
      return { kind: name, reason: '认定事实有误' };
    case 'review_objection':
      return { kind: name, result: 'confirm' };
    case 'close':
      return { kind: name, reason: '涉及个人隐私，不予公开' };
    case 'withdraw':
      return { kind: name };
  }
}
