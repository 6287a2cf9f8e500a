// The petitions staff's forms on a report's finding and answer: 记录查处结论 (one of the
// five findings with its reasons and date; the kind of malice when it proved untrue or
// unfounded; the decided 容错 case when the conduct was tolerated), 向实名举报人反馈 (a
// reason asked once the feedback deadline has passed) and 匿名举报说明情况 (in a scope).

import { Alert, DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { day, DAY_FORMATS, trim } from '@shared/form-dates.ts';
import { required, requiredText } from '@shared/form-rules.ts';
import { chineseDate } from '@shared/format.ts';
import { ActionModal, useActionForm, type ActionFormProps } from '../case/action-modal.tsx';
import {
  DISCLOSURE_SCOPES,
  FINDINGS_WITH_MALICE,
  DISCLOSURE_SCOPE_LABELS,
  FEEDBACK_CHANNELS,
  FEEDBACK_CHANNEL_LABELS,
  MALICE_KINDS,
  MALICE_KIND_LABELS,
  REPORT_FINDINGS,
  REPORT_FINDING_LABELS,
  type DisclosureScope,
  type FeedbackChannel,
  type MaliceKind,
  type ReportFinding,
} from '../../../../src/contract/report.schemas.ts';
import type { ExplanationPayload, FeedbackPayload, FindingPayload } from './report-writes.ts';

export const options = <C extends string>(codes: readonly C[], labels: Record<C, string>) =>
  codes.map((c) => ({ value: c, label: labels[c] }));

export interface CaseChoice {
  value: string;
  label: string;
}

interface FindingValues {
  finding?: ReportFinding;
  reasons?: string;
  foundOn?: Dayjs;
  malice?: MaliceKind;
  decidedCaseId?: string;
}

export function FindingModal({
  decidedCases,
  today,
  ...props
}: ActionFormProps<FindingPayload> & { decidedCases: readonly CaseChoice[]; today: string }) {
  const { form, modal } = useActionForm(props, (v: FindingValues) =>
    props.onSubmit({
      finding: v.finding!,
      reasons: trim(v.reasons),
      foundOn: day(v.foundOn!),
      ...(v.malice && FINDINGS_WITH_MALICE.includes(v.finding!) ? { malice: v.malice } : {}),
      ...(v.finding === 'tolerated' && v.decidedCaseId ? { decidedCaseId: v.decidedCaseId } : {}),
    }),
  );
  const finding = Form.useWatch('finding', form);
  return (
    <ActionModal {...modal} title="记录查处结论" okText="记录" width={640}>
      <Form form={form} layout="vertical" initialValues={{ foundOn: dayjs(today) }}>
        <Form.Item label="查处结论" name="finding" rules={[required('请选择查处结论')]}>
          <Select options={options(REPORT_FINDINGS, REPORT_FINDING_LABELS)} />
        </Form.Item>
        {finding && FINDINGS_WITH_MALICE.includes(finding) && (
          <Form.Item
            label="恶意举报情形（可选）"
            name="malice"
            extra="经查属于恶意中伤、诬告陷害或恶意炒作和诽谤的，选择其情形，据此可以澄清正名、移送纪检监察。"
          >
            <Select allowClear options={options(MALICE_KINDS, MALICE_KIND_LABELS)} />
          </Form.Item>
        )}
        {finding === 'tolerated' && (
          <Form.Item
            label="容错免责决定的案件"
            name="decidedCaseId"
            rules={[required('请选择已作出容错免责决定的案件')]}
            extra="被举报人已作出决定、结论为容错免责的案件。"
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={[...decidedCases]}
              notFoundContent="被举报人没有已作出决定的案件"
            />
          </Form.Item>
        )}
        <Form.Item label="查处理由" name="reasons" rules={[requiredText('请填写查处理由')]}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item label="查结日期" name="foundOn" rules={[required('请选择查结日期')]}>
          <DatePicker
            style={{ width: '100%' }}
            format={DAY_FORMATS}
            disabledDate={(d) => day(d) > today}
          />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

interface FeedbackValues {
  givenOn?: Dayjs;
  channel?: FeedbackChannel;
  content?: string;
  lateReason?: string;
}

/** 向实名举报人反馈: past the feedback deadline the reason for the delay is asked. */
export function FeedbackModal({
  due,
  countingText,
  today,
  ...props
}: ActionFormProps<FeedbackPayload> & {
  due: string | null;
  countingText: string;
  today: string;
}) {
  const { form, modal } = useActionForm(props, (v: FeedbackValues) => {
    const late = due !== null && day(v.givenOn!) > due;
    return props.onSubmit({
      givenOn: day(v.givenOn!),
      channel: v.channel!,
      content: trim(v.content),
      ...(late ? { lateReason: trim(v.lateReason) } : {}),
    });
  });
  const givenOn = Form.useWatch('givenOn', form);
  const late = due !== null && !!givenOn && day(givenOn) > due;
  return (
    <ActionModal {...modal} title="向实名举报人反馈" okText="记录反馈" width={640}>
      {due && (
        <Typography.Paragraph type="secondary">
          反馈期限：{chineseDate(due)}。{countingText}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" initialValues={{ givenOn: dayjs(today) }}>
        <Form.Item label="反馈日期" name="givenOn" rules={[required('请选择反馈日期')]}>
          <DatePicker
            style={{ width: '100%' }}
            format={DAY_FORMATS}
            disabledDate={(d) => day(d) > today}
          />
        </Form.Item>
        <Form.Item label="反馈方式" name="channel" rules={[required('请选择反馈方式')]}>
          <Select options={options(FEEDBACK_CHANNELS, FEEDBACK_CHANNEL_LABELS)} />
        </Form.Item>
        <Form.Item label="反馈内容" name="content" rules={[requiredText('请填写反馈内容')]}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        {late && (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`反馈日期晚于反馈期限（${chineseDate(due)}），须写明逾期反馈的原因`}
            />
            <Form.Item
              label="逾期原因"
              name="lateReason"
              rules={[requiredText('请填写逾期反馈的原因')]}
            >
              <Input.TextArea rows={3} maxLength={5000} showCount />
            </Form.Item>
          </>
        )}
      </Form>
    </ActionModal>
  );
}

interface ExplanationValues {
  givenOn?: Dayjs;
  scope?: DisclosureScope;
  content?: string;
}

/** 匿名举报说明情况 (第十九条 在一定范围内说明情况). */
export function ExplanationModal({
  today,
  ...props
}: ActionFormProps<ExplanationPayload> & { today: string }) {
  const { form, modal } = useActionForm(props, (v: ExplanationValues) =>
    props.onSubmit({ givenOn: day(v.givenOn!), scope: v.scope!, content: trim(v.content) }),
  );
  return (
    <ActionModal {...modal} title="匿名举报说明情况" okText="记录说明" width={640}>
      <Form form={form} layout="vertical" initialValues={{ givenOn: dayjs(today) }}>
        <Form.Item label="说明日期" name="givenOn" rules={[required('请选择说明日期')]}>
          <DatePicker
            style={{ width: '100%' }}
            format={DAY_FORMATS}
            disabledDate={(d) => day(d) > today}
          />
        </Form.Item>
        <Form.Item label="说明范围" name="scope" rules={[required('请选择说明范围')]}>
          <Select options={options(DISCLOSURE_SCOPES, DISCLOSURE_SCOPE_LABELS)} />
        </Form.Item>
        <Form.Item label="说明内容" name="content" rules={[requiredText('请填写说明内容')]}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}
