// The buttons of the next-step card: one per step the API allows (allowedActions), the
// next step's own first, then a party's rights (withdrawing, objecting). Each fires
// POST /api/v1/cases/:id/actions/:action with the case's version, through a form where
// the step takes one; the answer is the case, which the page then shows.

import { App, Button, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { TRANSITION_LABELS, type TransitionName } from '../../../../src/contract/labels.ts';
import { FormError } from '@shared/form-error.tsx';
import type { ActionFormProps } from './action-modal.tsx';
import { fireAction, type ActionPayload } from './case-writes.ts';
import { DecisionModal } from './decision-modal.tsx';
import { NoticesModal } from './notices-modal.tsx';
import { PublishModal } from './publish-modal.tsx';
import { ReasonModal } from './reason-modal.tsx';
import { ReviewModal } from './review-modal.tsx';
import type { CaseWrite } from './use-case.ts';

const FORM_ACTIONS = [
  'refuse',
  'raise_objection',
  'close',
  'publish',
  'send_notification',
  'record_decision',
  'review_objection',
] as const satisfies readonly TransitionName[];
type FormAction = (typeof FORM_ACTIONS)[number];

const CONFIRM_TEXT: Partial<Record<TransitionName, string>> = {
  accept: '受理后案件进入调查核实。',
  complete_investigation: '完成调查核实后进入综合分析研判，不能再记录事实和证据。',
  submit_for_decision: '提请研究决定时将记录系统认定意见及所依据的制度版本。',
  withdraw: '撤回后本案终结，不能恢复。',
  close: '办结后本案终结。',
};

export function CaseActions({
  detail,
  write,
  children,
}: {
  detail: CaseDetail;
  write: CaseWrite;
  /** What the reader does on another page for the step (the interview, the assessment). */
  children?: ReactNode;
}) {
  const { modal, message } = App.useApp();
  const [open, setOpen] = useState<FormAction | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fire = async (
    action: TransitionName,
    payload: ActionPayload = {},
    busyKey: string = action,
  ) => {
    setBusy(busyKey);
    setError(null);
    const result = await write(fireAction(detail, action, payload));
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    void message.success(
      action === 'send_notification' ? '已送达' : `已${TRANSITION_LABELS[action]}`,
    );
    return true;
  };

  // The step's own actions first, as the server names them, then the rest (the rights).
  const step = detail.nextStep.actions;
  const actions = [...step, ...detail.allowedActions.filter((a) => !step.includes(a))];
  if (actions.length === 0 && !children) return null;

  // Closing asks why only where the server says so (notified, not published).
  const takesForm = (a: TransitionName): a is FormAction =>
    (FORM_ACTIONS as readonly TransitionName[]).includes(a) &&
    (a !== 'close' || detail.forms.closeNeedsReason);

  const click = (a: TransitionName) => {
    setError(null);
    if (takesForm(a)) return setOpen(a);
    modal.confirm({
      title: `确认${TRANSITION_LABELS[a]}？`,
      content: CONFIRM_TEXT[a],
      okText: TRANSITION_LABELS[a],
      cancelText: '取消',
      onOk: () => fire(a),
    });
  };

  const close = () => setOpen(null);
  const formProps = (action: FormAction): ActionFormProps<ActionPayload> => ({
    error,
    busy: busy !== null,
    onCancel: close,
    onSubmit: async (payload) => {
      if (await fire(action, payload)) close();
    },
  });

  return (
    <div>
      {!open && <FormError error={error} onClose={() => setError(null)} />}
      <Space wrap>
        {children}
        {actions.map((a) => {
          const undoes = a === 'refuse' || a === 'withdraw';
          return (
            <Button
              key={a}
              type={undoes || !step.includes(a) ? 'default' : 'primary'}
              danger={undoes}
              loading={busy === a}
              onClick={() => click(a)}
            >
              {TRANSITION_LABELS[a]}
            </Button>
          );
        })}
      </Space>
      {(open === 'refuse' || open === 'raise_objection' || open === 'close') && (
        <ReasonModal action={open} {...formProps(open)} />
      )}
      {open === 'publish' && <PublishModal detail={detail} {...formProps('publish')} />}
      {open === 'record_decision' && (
        <DecisionModal detail={detail} {...formProps('record_decision')} />
      )}
      {open === 'review_objection' && (
        <ReviewModal detail={detail} {...formProps('review_objection')} />
      )}
      {open === 'send_notification' && (
        <NoticesModal
          detail={detail}
          error={error}
          busy={busy}
          onClose={close}
          onSend={(id, delivery) =>
            fire(
              'send_notification',
              { notificationId: id, ...delivery },
              `send_notification:${id}`,
            )
          }
        />
      )}
    </div>
  );
}
