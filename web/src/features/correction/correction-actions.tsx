// 办理: one button per step the API allows the reader now (allowedActions), each through
// its form; the answer of each write is the correction, which the page then shows. A
// progress report's evidence files are sent once the report is recorded, each answering
// with the file's row, which the page adds to the report.

import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { FormError } from '@shared/form-error.tsx';
import { errorText } from '@shared/error-text.ts';
import type { ActionFormProps } from '../case/action-modal.tsx';
import type { CorrectionDetail } from '../../../../src/contract/correction.schemas.ts';
import {
  CORRECTION_ACTION_LABELS,
  type CorrectionAction,
} from '../../../../src/contract/labels.ts';
import {
  claimCompletion,
  closeCorrection,
  decideExtension,
  issueNotice,
  recordFollowUp,
  reportProgress,
  requestExtension,
  sendBack,
  uploadProgressEvidence,
} from './correction-writes.ts';
import {
  CloseModal,
  DecisionModal,
  FollowUpModal,
  NoticeModal,
  SendBackModal,
} from './notice-modals.tsx';
import {
  CompletionModal,
  ExtensionModal,
  ProgressModal,
  type ProgressSubmission,
} from './officer-modals.tsx';
import type { CorrectionWrite } from './use-correction.ts';

/** The order the buttons stand in: the step that moves the correction on first. */
const ORDER: readonly CorrectionAction[] = [
  'issue_notice',
  'report_progress',
  'claim_completion',
  'close',
  'decide_extension',
  'send_back',
  'request_extension',
  'follow_up',
];
const SECONDARY = new Set<CorrectionAction>(['send_back', 'request_extension', 'follow_up']);

export function CorrectionActions({
  detail,
  write,
  patch,
}: {
  detail: CorrectionDetail;
  write: CorrectionWrite;
  patch: (change: (d: CorrectionDetail) => CorrectionDetail) => void;
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState<CorrectionAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const actions = ORDER.filter((a) => detail.allowedActions.includes(a));
  const items = detail.notice?.items ?? [];
  const { forms } = detail;
  const due = detail.due ?? forms.today;
  const pending = detail.extensions.find((e) => e.id === forms.pendingExtensionId);

  const close = () => {
    setOpen(null);
    setError(null);
  };

  /** Runs a write; the correction it answered once the page shows it, null when refused. */
  const run = async (action: CorrectionAction, request: () => Promise<CorrectionDetail>) => {
    setBusy(true);
    setError(null);
    const result = await write(request());
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    void message.success(`已${CORRECTION_ACTION_LABELS[action]}`);
    setOpen(null);
    return result.detail;
  };

  const props = <T,>(
    action: CorrectionAction,
    send: (p: T) => Promise<CorrectionDetail>,
  ): ActionFormProps<T> => ({
    error,
    busy,
    onCancel: close,
    onSubmit: async (payload) => {
      await run(action, () => send(payload));
    },
  });

  /** The report, then its files one by one; a refused file is named, the report stays. */
  const progress = async ({ files, ...payload }: ProgressSubmission) => {
    let report: string | null = null;
    const next = await run('report_progress', async () => {
      const answer = await reportProgress(detail, payload);
      report = answer.reportId;
      return answer.correction;
    });
    if (!next || report === null) return;
    const reportId: string = report;
    const failed: string[] = [];
    for (const file of files) {
      try {
        const { id, fileName, size, version } = await uploadProgressEvidence(next, reportId, file);
        // Each file moves the correction's version on: the next write sends the new one.
        patch((d) => ({
          ...d,
          version: Math.max(d.version, version),
          progressReports: d.progressReports.map((r) =>
            r.id === reportId ? { ...r, evidence: [...r.evidence, { id, fileName, size }] } : r,
          ),
        }));
      } catch (e) {
        failed.push(`${file.name}：${errorText(e)}`);
      }
    }
    if (failed.length > 0) setError(`整改进展已记录，但以下材料未能上传：${failed.join('；')}`);
  };

  if (actions.length === 0) {
    return (
      <Typography.Text type="secondary">
        {detail.state === 'completed' || detail.state === 'cancelled'
          ? '本纠错事项已终结。'
          : '目前没有需要您办理的事项。'}
      </Typography.Text>
    );
  }

  return (
    <div data-testid="correction-actions">
      {!open && <FormError error={error} onClose={() => setError(null)} />}
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a}
            type={SECONDARY.has(a) ? 'default' : 'primary'}
            onClick={() => {
              setError(null);
              setOpen(a);
            }}
          >
            {CORRECTION_ACTION_LABELS[a]}
          </Button>
        ))}
      </Space>
      {open === 'issue_notice' && (
        <NoticeModal
          defaultLimit={forms.defaultLimitText}
          maxItems={forms.maxItems}
          {...props('issue_notice', (p) => issueNotice(detail, p))}
        />
      )}
      {open === 'report_progress' && (
        <ProgressModal
          items={items}
          error={error}
          busy={busy}
          onCancel={close}
          onSubmit={progress}
        />
      )}
      {open === 'claim_completion' && (
        <CompletionModal
          items={items}
          {...props('claim_completion', (p) => claimCompletion(detail, p))}
        />
      )}
      {open === 'close' && <CloseModal {...props('close', (p) => closeCorrection(detail, p))} />}
      {open === 'send_back' && (
        <SendBackModal {...props('send_back', (p) => sendBack(detail, p))} />
      )}
      {open === 'request_extension' && (
        <ExtensionModal
          due={due}
          {...props('request_extension', (p) => requestExtension(detail, p))}
        />
      )}
      {open === 'decide_extension' && pending && (
        <DecisionModal
          extension={pending}
          due={due}
          {...props('decide_extension', (p) => decideExtension(detail, pending.id, p))}
        />
      )}
      {open === 'follow_up' && (
        <FollowUpModal
          today={forms.today}
          methods={forms.followUpMethods}
          {...props('follow_up', (p) => recordFollowUp(detail, p))}
        />
      )}
    </div>
  );
}
