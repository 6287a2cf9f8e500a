// 异议复核: confirm the conclusion, or change it to another of the policy's outcomes with
// the reason and the meeting that decided so.

import { Descriptions, Form, Input, Radio, Select } from 'antd';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { required, requiredText } from '@shared/form-rules.ts';
import { ActionModal, useActionForm, type ActionFormProps } from './action-modal.tsx';
import type { ActionPayload } from './case-writes.ts';
import { outcomeLabel } from './decision-modal.tsx';
import {
  MeetingFields,
  meetingDefaults,
  meetingPayload,
  type MeetingValues,
} from './meeting-fields.tsx';

interface ReviewValues extends MeetingValues {
  result: 'confirm' | 'change';
  conclusion?: string;
  reason?: string;
}

export function ReviewModal({
  detail,
  ...props
}: ActionFormProps<ActionPayload> & { detail: CaseDetail }) {
  const { outcomes, conclusion: current } = detail.forms;
  const { form, modal } = useActionForm(props, (v: ReviewValues) =>
    props.onSubmit(
      v.result === 'confirm'
        ? { result: 'confirm' }
        : {
            result: 'change',
            conclusion: v.conclusion,
            reason: (v.reason ?? '').trim(),
            ...meetingPayload(v),
          },
    ),
  );
  const result = Form.useWatch('result', form);
  return (
    <ActionModal {...modal} title="异议复核" okText="提交复核结果" width={640}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'current', label: '原认定结论', children: outcomeLabel(detail, current) },
          {
            key: 'objection',
            label: '异议理由',
            children: detail.objections[detail.objections.length - 1]?.reason ?? '—',
          },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ result: 'confirm', ...meetingDefaults(detail.forms.today) }}
      >
        <Form.Item label="复核结果" name="result">
          <Radio.Group
            options={[
              { value: 'confirm', label: '维持原结论' },
              { value: 'change', label: '变更结论' },
            ]}
          />
        </Form.Item>
        {result === 'change' && (
          <>
            <Form.Item
              label="新的认定结论"
              name="conclusion"
              rules={[required('请选择新的认定结论')]}
            >
              <Select options={outcomes.filter((o) => o.value !== current)} />
            </Form.Item>
            <Form.Item label="变更理由" name="reason" rules={[requiredText('请填写变更理由')]}>
              <Input.TextArea rows={4} maxLength={5000} showCount />
            </Form.Item>
            <MeetingFields
              earliest={detail.decisions.at(-1)?.meetingDate ?? null}
              latest={detail.forms.today}
            />
          </>
        )}
      </Form>
    </ActionModal>
  );
}
