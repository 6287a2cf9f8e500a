// The officer's forms on a correction (纠错对象): a progress report with the items done
// and its evidence files, the claim of completion with every item marked done and a note
// on each, and a request to extend the deadline (延长整改期限) with the day asked for.

import { Checkbox, DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { day, DAY_FORMATS, trim } from '@shared/form-dates.ts';
import { required, requiredText } from '@shared/form-rules.ts';
import { chineseDate } from '@shared/format.ts';
import { CORRECTION_ACTION_LABELS } from '../../../../src/contract/labels.ts';
import { ActionModal, useActionForm, type ActionFormProps } from '../case/action-modal.tsx';
import { EvidenceFiles } from '../case/evidence-upload.tsx';
import type { CorrectionItem } from '../../../../src/contract/correction.schemas.ts';
import type { CompletionPayload, ExtensionPayload, ProgressPayload } from './correction-writes.ts';

type Item = CorrectionItem;

/** A progress report and the files sent with it once it is recorded. */
export interface ProgressSubmission extends ProgressPayload {
  files: File[];
}

export function ProgressModal({
  items,
  ...props
}: ActionFormProps<ProgressSubmission> & { items: readonly Item[] }) {
  const [files, setFiles] = useState<File[]>([]);
  const { form, modal } = useActionForm(props, (v: { text?: string; itemIds?: string[] }) =>
    props.onSubmit({
      text: trim(v.text),
      ...(v.itemIds?.length ? { itemIds: v.itemIds } : {}),
      files,
    }),
  );
  const open = items.filter((i) => !i.done);
  return (
    <ActionModal
      {...modal}
      title={CORRECTION_ACTION_LABELS.report_progress}
      okText="提交进展"
      width={640}
    >
      <Form form={form} layout="vertical">
        <Form.Item label="整改进展" name="text" rules={[requiredText('请填写整改进展')]}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        {open.length > 0 && (
          <Form.Item label="本次已完成的纠错事项（可选）" name="itemIds">
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              options={open.map((i) => ({ value: i.id, label: i.text }))}
            />
          </Form.Item>
        )}
        <EvidenceFiles
          label="整改佐证材料"
          files={files}
          onChange={setFiles}
          sentWhen="提交进展后随即上传"
        />
      </Form>
    </ActionModal>
  );
}

interface CompletionValues {
  summary?: string;
  done?: Record<string, boolean>;
  notes?: Record<string, string>;
}

/** 报告整改完成: each item marked done with a note; the server refuses a claim with one not done. */
export function CompletionModal({
  items,
  ...props
}: ActionFormProps<CompletionPayload> & { items: readonly Item[] }) {
  const { form, modal } = useActionForm(props, (v: CompletionValues) =>
    props.onSubmit({
      summary: trim(v.summary),
      items: items
        .filter((i) => v.done?.[i.id])
        .map((i) => ({ id: i.id, note: trim(v.notes?.[i.id]) })),
    }),
  );
  return (
    <ActionModal
      {...modal}
      title={CORRECTION_ACTION_LABELS.claim_completion}
      okText="报告完成"
      width={680}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          done: Object.fromEntries(items.map((i) => [i.id, i.done])),
          notes: Object.fromEntries(items.map((i) => [i.id, i.note ?? ''])),
        }}
      >
        <Form.Item label="整改情况总结" name="summary" rules={[requiredText('请填写整改情况总结')]}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          每一项纠错事项均须完成并写明完成情况，方可报告整改完成。
        </Typography.Paragraph>
        {items.map((item, i) => (
          <div key={item.id} data-testid="completion-item" style={{ marginBottom: 8 }}>
            <Form.Item name={['done', item.id]} valuePropName="checked" style={{ marginBottom: 4 }}>
              <Checkbox>
                {i + 1}. {item.text}：已完成
              </Checkbox>
            </Form.Item>
            <Form.Item
              name={['notes', item.id]}
              rules={[requiredText(`请填写第 ${i + 1} 项的完成情况`)]}
            >
              <Input
                aria-label={`第 ${i + 1} 项完成情况`}
                placeholder="完成情况"
                maxLength={2000}
              />
            </Form.Item>
          </div>
        ))}
      </Form>
    </ActionModal>
  );
}

/** 申请延长整改期限: why, and the day asked for (later than the current deadline). */
export function ExtensionModal({
  due,
  ...props
}: ActionFormProps<ExtensionPayload> & { due: string }) {
  const { form, modal } = useActionForm(props, (v: { reason?: string; requestedDue?: Dayjs }) =>
    props.onSubmit({ reason: trim(v.reason), requestedDue: day(v.requestedDue!) }),
  );
  return (
    <ActionModal
      {...modal}
      title={CORRECTION_ACTION_LABELS.request_extension}
      okText="提交申请"
      width={600}
    >
      <Typography.Paragraph type="secondary">
        因特殊情况难以在规定时间内完成的，应在整改期限（{chineseDate(due)}
        ）届满前提出申请，由作出决定的机关审批。
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item label="申请理由" name="reason" rules={[requiredText('请填写申请理由')]}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item
          label="申请延至"
          name="requestedDue"
          rules={[required('请选择申请延至的日期')]}
          extra={`应晚于现整改期限${chineseDate(due)}`}
        >
          <DatePicker
            style={{ width: '100%' }}
            format={DAY_FORMATS}
            disabledDate={(d) => day(d) <= due}
          />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}
