// The petitions staff's other forms on a report: 举报办结 (an anonymous report found true
// or partly true needs no explanation), 移送纪检监察 (a report that names malice), and the
// link to a 容错 case (关联容错案件), changed or removed while the report is open.

import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { day, DAY_FORMATS, trim } from '@shared/form-dates.ts';
import { required, requiredText } from '@shared/form-rules.ts';
import { ActionModal, useActionForm, type ActionFormProps } from '../case/action-modal.tsx';
import type { CaseChoice } from './finding-modals.tsx';
import type { ClosePayload, LinkCasePayload, ReferralPayload } from './report-writes.ts';

export function CloseModal({ today, ...props }: ActionFormProps<ClosePayload> & { today: string }) {
  const { form, modal } = useActionForm(props, (v: { closedOn?: Dayjs; reason?: string }) =>
    props.onSubmit({ closedOn: day(v.closedOn!), reason: trim(v.reason) }),
  );
  return (
    <ActionModal {...modal} title="举报办结" okText="办结" width={600}>
      <Form form={form} layout="vertical" initialValues={{ closedOn: dayjs(today) }}>
        <Form.Item label="办结日期" name="closedOn" rules={[required('请选择办结日期')]}>
          <DatePicker
            style={{ width: '100%' }}
            format={DAY_FORMATS}
            disabledDate={(d) => day(d) > today}
          />
        </Form.Item>
        <Form.Item label="办结说明" name="reason" rules={[requiredText('请填写办结说明')]}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

interface ReferralValues {
  referredOn?: Dayjs;
  referredTo?: string;
  note?: string;
}

export function ReferralModal({
  today,
  ...props
}: ActionFormProps<ReferralPayload> & { today: string }) {
  const { form, modal } = useActionForm(props, (v: ReferralValues) =>
    props.onSubmit({
      referredOn: day(v.referredOn!),
      referredTo: trim(v.referredTo),
      note: trim(v.note),
    }),
  );
  return (
    <ActionModal {...modal} title="移送纪检监察" okText="记录移送" width={600}>
      <Form form={form} layout="vertical" initialValues={{ referredOn: dayjs(today) }}>
        <Form.Item label="移送日期" name="referredOn" rules={[required('请选择移送日期')]}>
          <DatePicker
            style={{ width: '100%' }}
            format={DAY_FORMATS}
            disabledDate={(d) => day(d) > today}
          />
        </Form.Item>
        <Form.Item label="移送机关" name="referredTo" rules={[requiredText('请填写移送机关')]}>
          <Input maxLength={200} placeholder="如：锡林郭勒盟纪委监委" />
        </Form.Item>
        <Form.Item label="移送说明" name="note" rules={[requiredText('请填写移送说明')]}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

/** 关联容错案件: a case of the unit's, or none to remove the link. */
export function LinkCaseModal({
  current,
  cases,
  ...props
}: ActionFormProps<LinkCasePayload> & { current: string | null; cases: readonly CaseChoice[] }) {
  const { form, modal } = useActionForm(props, (v: { caseId?: string | null }) =>
    props.onSubmit({ caseId: v.caseId ?? null }),
  );
  return (
    <ActionModal {...modal} title="关联容错案件" okText="保存" width={600}>
      <Form form={form} layout="vertical" initialValues={{ caseId: current ?? undefined }}>
        <Form.Item label="容错案件" name="caseId" extra="清空后保存即取消关联。">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={[...cases]}
            notFoundContent="没有可关联的案件"
          />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}
