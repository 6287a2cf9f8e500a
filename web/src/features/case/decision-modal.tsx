// 登记研究决定: the meeting, the conclusion (the engine's outcome offered first; a
// different one must say why), and the related units to tell. The units are read when
// the form opens, for this picker only.

import { Form, Input, Select } from 'antd';
import type { Unit } from '../../../../src/contract/account.schemas.ts';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { required, requiredText } from '@shared/form-rules.ts';
import { useFetch } from '@shared/use-fetch.ts';
import { ActionModal, useActionForm, type ActionFormProps } from './action-modal.tsx';
import type { ActionPayload } from './case-writes.ts';
import {
  MeetingFields,
  meetingDefaults,
  meetingPayload,
  type MeetingValues,
} from './meeting-fields.tsx';

interface DecisionValues extends MeetingValues {
  conclusion: string;
  relatedUnitIds?: string[];
  departureReason?: string;
}

/** The label of an outcome among the policy's options. */
export function outcomeLabel(detail: CaseDetail, outcome: string | null): string {
  if (!outcome) return '—';
  return detail.forms.outcomes.find((o) => o.value === outcome)?.label ?? outcome;
}

export function DecisionModal({
  detail,
  ...props
}: ActionFormProps<ActionPayload> & { detail: CaseDetail }) {
  const { outcomes, engineOutcome } = detail.forms;
  const units = useFetch<Unit[]>('/api/v1/units');
  // A conclusion other than the engine's must say why.
  const departs = (conclusion: string | undefined) =>
    conclusion !== undefined && conclusion !== engineOutcome;
  const { form, modal } = useActionForm(props, (v: DecisionValues) =>
    props.onSubmit({
      ...meetingPayload(v),
      conclusion: v.conclusion,
      relatedUnitIds: v.relatedUnitIds ?? [],
      departureReason: departs(v.conclusion) ? (v.departureReason ?? '').trim() : null,
    }),
  );
  const conclusion = Form.useWatch('conclusion', form);
  return (
    <ActionModal {...modal} title="登记研究决定" okText="登记" width={640}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          ...meetingDefaults(detail.forms.today),
          conclusion: engineOutcome ?? undefined,
          relatedUnitIds: [],
        }}
      >
        <MeetingFields placeholder="如：党委书记、局长" />
        <Form.Item
          label="认定结论"
          name="conclusion"
          rules={[required('请选择认定结论')]}
          extra={engineOutcome ? `系统认定意见：${outcomeLabel(detail, engineOutcome)}` : undefined}
        >
          <Select options={outcomes} />
        </Form.Item>
        <Form.Item label="相关单位（将一并告知）" name="relatedUnitIds">
          <Select
            mode="multiple"
            loading={units.data === null && units.error === null}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            optionFilterProp="label"
            placeholder="选择需告知的相关单位"
          />
        </Form.Item>
        {departs(conclusion) && (
          <Form.Item
            label="理由（认定结论与系统认定意见不一致）"
            name="departureReason"
            rules={[requiredText('认定结论与系统认定意见不一致，须写明理由')]}
          >
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
        )}
      </Form>
    </ActionModal>
  );
}
