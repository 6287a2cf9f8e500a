// 异议复核: confirm the conclusion, or change it to another of the policy's outcomes with
// the reason and the meeting that decided so.

import { Descriptions, Form, Input, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { ActionModal, type ActionFormProps } from './action-modal.tsx';
import type { ActionPayload } from './case-writes.ts';
import { outcomeLabel } from './decision-modal.tsx';
import { MeetingFields, meetingPayload, type MeetingValues } from './meeting-fields.tsx';

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
  const [form] = Form.useForm<ReviewValues>();
  const result = Form.useWatch('result', form);
  const submit = (v: ReviewValues) =>
    props.onSubmit(
      v.result === 'confirm'
        ? { result: 'confirm' }
        : {
            result: 'change',
            conclusion: v.conclusion,
            reason: (v.reason ?? '').trim(),
            ...meetingPayload(v),
          },
    );
  return (
    <ActionModal
      {...props}
      title="异议复核"
      okText="提交复核结果"
      width={640}
      onOk={() => void form.validateFields().then(submit)}
    >
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
        initialValues={{ result: 'confirm', meetingDate: dayjs(), members: [] }}
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
              rules={[{ required: true, message: '请选择新的认定结论' }]}
            >
              <Select options={outcomes.filter((o) => o.value !== current)} />
            </Form.Item>
            <Form.Item
              label="变更理由"
              name="reason"
              rules={[{ required: true, whitespace: true, message: '请填写变更理由' }]}
            >
              <Input.TextArea rows={4} maxLength={5000} showCount />
            </Form.Item>
            <MeetingFields />
          </>
        )}
      </Form>
    </ActionModal>
  );
}
