// The steps whose only input is a reason: 不予受理, 提出异议, and 办结 where the case
// was not published (不予公开 must say why).

import { Form, Input } from 'antd';
import { requiredText } from '@shared/form-rules.ts';
import { ActionModal, useActionForm, type ActionFormProps } from './action-modal.tsx';

type ReasonAction = 'refuse' | 'raise_objection' | 'close';

const WORDING: Record<ReasonAction, { title: string; label: string }> = {
  refuse: { title: '不予受理', label: '不予受理的理由' },
  raise_objection: { title: '提出异议', label: '异议理由' },
  close: { title: '办结（不予公开）', label: '不予公开的理由' },
};

export function ReasonModal({
  action,
  ...props
}: ActionFormProps<{ reason: string }> & { action: ReasonAction }) {
  const { title, label } = WORDING[action];
  const { form, modal } = useActionForm(props, (v: { reason: string }) =>
    props.onSubmit({ reason: v.reason.trim() }),
  );
  return (
    <ActionModal {...modal} title={title} okText="提交">
      <Form form={form} layout="vertical">
        <Form.Item label={label} name="reason" rules={[requiredText(`请填写${label}`)]}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}
