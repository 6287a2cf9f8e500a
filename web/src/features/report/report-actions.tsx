// 办理: one button per step the API allows the reader now (`actions`), each through its
// form; the answer of each write is the report, which the page then shows. The case
// choices (a decided 容错 case for a tolerated finding, a case to link) are read when a
// form needing them opens. 澄清正名 opens the clearance's own form; its answer is the
// clearance, after which the report is read again to list it.

import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import type { CaseList } from '../../../../src/contract/case.schemas.ts';
import { REPORT_STEP_LABELS, type ReportDetail } from '../../../../src/contract/report.schemas.ts';
import type { ActionFormProps } from '../case/action-modal.tsx';
import { FormError } from '@shared/form-error.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { ClearanceModal } from '../clearance/clearance-modal.tsx';
import { CloseModal, LinkCaseModal, ReferralModal } from './closing-modals.tsx';
import {
  ExplanationModal,
  FeedbackModal,
  FindingModal,
  type CaseChoice,
} from './finding-modals.tsx';
import {
  closeReport,
  explain,
  giveFeedback,
  linkCase,
  recordFinding,
  refer,
} from './report-writes.ts';
import type { ReportWrite } from './use-report.ts';

/** The steps with a form, in the order their buttons stand (上传举报材料 is on its card). */
const ORDER = [
  'record_finding',
  'give_feedback',
  'explain',
  'close',
  'decide_clearance',
  'refer',
  'link_case',
] as const;
type Step = (typeof ORDER)[number];
const LABELS: Record<Step, string> = { ...REPORT_STEP_LABELS, decide_clearance: '澄清正名' };
const SECONDARY = new Set<Step>(['refer', 'link_case']);
/** Case states after the decision: a tolerated finding names one of these. */
const DECIDED = new Set(['decided', 'notified', 'published', 'objection_review', 'closed']);

function useCaseChoices(report: ReportDetail, wanted: boolean) {
  const cases = useFetch<CaseList>(wanted ? '/api/v1/cases?limit=200' : null);
  const officers = new Set(report.officers.map((o) => o.id));
  const items = (cases.data?.items ?? []).filter((c) => officers.has(c.officer.id));
  const choice = (c: CaseList['items'][number]): CaseChoice => ({
    value: c.id,
    label: `${c.number} ${c.title}（${c.officer.displayName}，${c.stateLabel}）`,
  });
  return {
    decided: items.filter((c) => DECIDED.has(c.state)).map(choice),
    all: (cases.data?.items ?? []).map(choice),
  };
}

export function ReportActions({
  report,
  write,
  reload,
}: {
  report: ReportDetail;
  write: ReportWrite;
  reload: () => Promise<void>;
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState<Step | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const steps = ORDER.filter((s) =>
    s === 'decide_clearance' ? report.clearanceOffer !== null : report.actions.includes(s),
  );
  const { today } = report;
  const choices = useCaseChoices(report, open === 'record_finding' || open === 'link_case');

  const close = () => {
    setOpen(null);
    setError(null);
  };

  const props = <T,>(step: Step, send: (p: T) => Promise<ReportDetail>): ActionFormProps<T> => ({
    error,
    busy,
    onCancel: close,
    onSubmit: async (payload) => {
      setBusy(true);
      setError(null);
      const result = await write(send(payload));
      setBusy(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      void message.success(`已${LABELS[step]}`);
      setOpen(null);
    },
  });

  if (steps.length === 0) {
    return (
      <Typography.Text type="secondary">
        {report.state === 'closed' ? '本件举报已办结。' : '目前没有需要您办理的事项。'}
      </Typography.Text>
    );
  }

  return (
    <div data-testid="report-actions">
      {!open && <FormError error={error} onClose={() => setError(null)} />}
      <Space wrap>
        {steps.map((s) => (
          <Button
            key={s}
            type={SECONDARY.has(s) ? 'default' : 'primary'}
            onClick={() => {
              setError(null);
              setOpen(s);
            }}
          >
            {LABELS[s]}
          </Button>
        ))}
      </Space>
      {open === 'record_finding' && (
        <FindingModal
          decidedCases={choices.decided}
          today={today}
          {...props('record_finding', (p) => recordFinding(report, p))}
        />
      )}
      {open === 'give_feedback' && (
        <FeedbackModal
          due={report.feedbackDue}
          countingText={report.policy.feedbackCountingText ?? ''}
          today={today}
          {...props('give_feedback', (p) => giveFeedback(report, p))}
        />
      )}
      {open === 'explain' && (
        <ExplanationModal today={today} {...props('explain', (p) => explain(report, p))} />
      )}
      {open === 'close' && (
        <CloseModal today={today} {...props('close', (p) => closeReport(report, p))} />
      )}
      {open === 'refer' && (
        <ReferralModal today={today} {...props('refer', (p) => refer(report, p))} />
      )}
      {open === 'link_case' && (
        <LinkCaseModal
          current={report.caseId}
          cases={choices.all}
          {...props('link_case', (p) => linkCase(report, p))}
        />
      )}
      {open === 'decide_clearance' && report.clearanceOffer && (
        <ClearanceModal
          report={report}
          offer={report.clearanceOffer}
          onCancel={close}
          onDecided={() => {
            void message.success('已作出澄清正名决定');
            setOpen(null);
            void reload();
          }}
        />
      )}
    </div>
  );
}
