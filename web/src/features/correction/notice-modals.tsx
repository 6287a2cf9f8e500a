// The unit's forms on a correction: the 纠错通知 (reason, items, requirements, who is
// responsible, the days), the check and closing with the lessons (第十七条: 分析原因、
// 完善制度、健全机制), the send-back, the decision on an extension and a follow-up.

import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { day, DAY_FORMATS, trim } from '@shared/form-dates.ts';
import { required, requiredText } from '@shared/form-rules.ts';
import { chineseDate } from '@shared/format.ts';
import { ActionModal, useActionForm, type ActionFormProps } from '../case/action-modal.tsx';
import type { Choice } from '../../../../src/contract/schema-kit.ts';
import type { Extension } from '../../../../src/contract/correction.schemas.ts';
import { CORRECTION_ACTION_LABELS, type FollowUpMethod } from '../../../../src/contract/labels.ts';
import type {
  ClosePayload,
  DecisionPayload,
  FollowUpPayload,
  NoticePayload,
} from './correction-writes.ts';

interface NoticeValues {
  reason?: string;
  items?: string[];
  requirements?: string;
  responsible?: string;
  days?: number | null;
}

export function NoticeModal({
  defaultLimit,
  maxItems,
  ...props
}: ActionFormProps<NoticePayload> & { defaultLimit: string; maxItems: number }) {
  const { form, modal } = useActionForm(props, (v: NoticeValues) =>
    props.onSubmit({
      reason: trim(v.reason),
      items: (v.items ?? []).map(trim).filter((t) => t.length > 0),
      requirements: trim(v.requirements),
      responsible: trim(v.responsible),
      ...(v.days ? { days: v.days } : {}),
    }),
  );
  return (
    <ActionModal {...modal} title={CORRECTION_ACTION_LABELS.issue_notice} okText="下发" width={720}>
      <Form form={form} layout="vertical" initialValues={{ items: [''] }}>
        <Form.Item label="纠错事由" name="reason" rules={[requiredText('请填写纠错事由')]}>
          <Input.TextArea rows={3} maxLength={5000} showCount />
        </Form.Item>
        {/* At least one item always: the last one cannot be removed, and each must be written. */}
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Form.Item label="纠错事项" required>
              {fields.map((field, i) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
                  <Form.Item
                    {...field}
                    rules={[requiredText(`请填写第 ${i + 1} 项纠错事项`)]}
                    style={{ flex: 1, marginBottom: 8 }}
                  >
                    <Input
                      aria-label={`纠错事项 ${i + 1}`}
                      maxLength={1000}
                      placeholder={`第 ${i + 1} 项`}
                    />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={`删除第 ${i + 1} 项`}
                      title="删除此项"
                      onClick={() => remove(field.name)}
                    />
                  )}
                </div>
              ))}
              {fields.length < maxItems && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                  添加纠错事项
                </Button>
              )}
            </Form.Item>
          )}
        </Form.List>
        <Form.Item
          label="纠错要求或者建议"
          name="requirements"
          rules={[requiredText('请填写纠错要求或者建议')]}
        >
          <Input.TextArea rows={3} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item
          label="责任科室或个人"
          name="responsible"
          rules={[requiredText('请填写责任科室或个人')]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          label="整改期限（天）"
          name="days"
          extra={`自下发之次日起计算；不填则按制度规定的 ${defaultLimit}`}
        >
          <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

interface CloseValues {
  result?: string;
  causeAnalysis?: string;
  improvements?: string;
}

export function CloseModal(props: ActionFormProps<ClosePayload>) {
  const { form, modal } = useActionForm(props, (v: CloseValues) =>
    props.onSubmit({
      result: trim(v.result),
      causeAnalysis: trim(v.causeAnalysis),
      improvements: trim(v.improvements),
    }),
  );
  return (
    <ActionModal {...modal} title={CORRECTION_ACTION_LABELS.close} okText="验收办结" width={640}>
      <Form form={form} layout="vertical">
        <Form.Item label="验收结论" name="result" rules={[requiredText('请填写验收结论')]}>
          <Input.TextArea rows={3} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item
          label="原因分析"
          name="causeAnalysis"
          extra="分析原因、深刻汲取教训"
          rules={[requiredText('请填写原因分析')]}
        >
          <Input.TextArea rows={3} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item
          label="完善制度、健全机制"
          name="improvements"
          extra="已完善的制度或已健全的工作机制"
          rules={[requiredText('请填写完善制度、健全机制的情况')]}
        >
          <Input.TextArea rows={3} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

export function SendBackModal(props: ActionFormProps<{ reason: string }>) {
  const { form, modal } = useActionForm(props, (v: { reason?: string }) =>
    props.onSubmit({ reason: trim(v.reason) }),
  );
  return (
    <ActionModal {...modal} title={CORRECTION_ACTION_LABELS.send_back} okText="退回">
      <Form form={form} layout="vertical">
        <Form.Item label="退回理由" name="reason" rules={[requiredText('请填写退回理由')]}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

interface DecisionValues {
  approved?: boolean;
  newDue?: Dayjs;
  reason?: string;
}

/** 审批延期申请: approved with a new deadline later than the current one, or refused with a reason. */
export function DecisionModal({
  extension,
  due,
  ...props
}: ActionFormProps<DecisionPayload> & { extension: Extension; due: string }) {
  const { form, modal } = useActionForm(props, (v: DecisionValues) =>
    props.onSubmit(
      v.approved
        ? {
            approved: true,
            newDue: v.newDue && day(v.newDue),
            ...(trim(v.reason) ? { reason: trim(v.reason) } : {}),
          }
        : { approved: false, reason: trim(v.reason) },
    ),
  );
  const approved = Form.useWatch('approved', form) ?? true;
  return (
    <ActionModal
      {...modal}
      title={CORRECTION_ACTION_LABELS.decide_extension}
      okText="提交审批结果"
      width={600}
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'reason', label: '申请理由', children: extension.reason },
          { key: 'due', label: '现整改期限', children: chineseDate(due) },
          { key: 'requested', label: '申请延至', children: chineseDate(extension.requestedDue) },
        ]}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ approved: true, newDue: dayjs(extension.requestedDue) }}
      >
        <Form.Item label="审批结果" name="approved">
          <Radio.Group
            options={[
              { value: true, label: '批准延期' },
              { value: false, label: '不予批准' },
            ]}
          />
        </Form.Item>
        {approved && (
          <Form.Item
            label="新的整改期限"
            name="newDue"
            rules={[required('请选择新的整改期限')]}
            extra={`应晚于现整改期限${chineseDate(due)}`}
          >
            <DatePicker
              style={{ width: '100%' }}
              format={DAY_FORMATS}
              disabledDate={(d) => day(d) <= due}
            />
          </Form.Item>
        )}
        <Form.Item
          label={approved ? '审批意见（可选）' : '不予批准的理由'}
          name="reason"
          rules={approved ? [] : [requiredText('请填写不予批准的理由')]}
        >
          <Input.TextArea rows={3} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

interface FollowUpValues {
  method?: FollowUpMethod;
  checkedOn?: Dayjs;
  findings?: string;
}

/** 跟踪了解: how the unit checked, on which day (not later than today), and what it found. */
export function FollowUpModal({
  today,
  methods,
  ...props
}: ActionFormProps<FollowUpPayload> & { today: string; methods: readonly Choice[] }) {
  const { form, modal } = useActionForm(props, (v: FollowUpValues) =>
    props.onSubmit({
      method: v.method!,
      checkedOn: day(v.checkedOn!),
      findings: trim(v.findings),
    }),
  );
  return (
    <ActionModal {...modal} title={CORRECTION_ACTION_LABELS.follow_up} okText="记录" width={600}>
      <Form form={form} layout="vertical" initialValues={{ checkedOn: dayjs(today) }}>
        <Form.Item label="了解方式" name="method" rules={[required('请选择了解方式')]}>
          <Select options={[...methods]} placeholder="实地核查、书面报告、约谈……" />
        </Form.Item>
        <Form.Item
          label="了解日期"
          name="checkedOn"
          rules={[required('请选择了解日期')]}
          extra={`不晚于${chineseDate(today)}`}
        >
          <DatePicker
            style={{ width: '100%' }}
            format={DAY_FORMATS}
            disabledDate={(d) => day(d) > today}
          />
        </Form.Item>
        <Form.Item label="了解情况" name="findings" rules={[requiredText('请填写了解到的情况')]}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}
