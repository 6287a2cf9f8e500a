// 审核与回避: the reviewer records the legal review opinion (法制审核意见) and, where
// given, the discipline review opinion (纪检监察意见) while the case awaits the decision;
// the officer concerned asks that named people be recused (申请回避), an investigator or
// secretary records a recusal (自行回避、决定回避). Shown only to a reader who may do one
// of them now, as the server says (forms.fairness); each write answers with the case.

import { App, Button, Card, DatePicker, Form, Input, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import type { RecusalChoice } from '../../../../src/contract/fairness.schemas.ts';
import {
  REVIEW_KIND_LABELS,
  ROLE_LABELS,
  type ReviewKind,
} from '../../../../src/contract/labels.ts';
import { required, requiredText } from '@shared/form-rules.ts';
import { useFetch } from '@shared/use-fetch.ts';
import { ActionModal, useActionForm, type ActionFormProps } from './action-modal.tsx';
import { recordRecusal, recordReview } from './fairness-writes.ts';
import { outsideDays } from './meeting-fields.tsx';
import type { CaseWrite } from './use-case.ts';

export interface ReviewValues {
  opinion?: string;
  agrees?: boolean;
  reviewedOn?: Dayjs;
}

export function ReviewOpinionModal({
  detail,
  kind,
  ...props
}: ActionFormProps<ReviewValues> & { detail: CaseDetail; kind: ReviewKind }) {
  const { form, modal } = useActionForm(props, (v: ReviewValues) => props.onSubmit(v));
  const recorded = detail.reviews.find((r) => r.kind === kind);
  const { today, fairness } = detail.forms;
  return (
    <ActionModal
      {...modal}
      title={`记录${REVIEW_KIND_LABELS[kind]}`}
      okText="保存审核意见"
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          opinion: recorded?.opinion ?? '',
          agrees: recorded?.agrees,
          reviewedOn: dayjs(recorded?.reviewedOn ?? today),
        }}
      >
        <Form.Item
          label={REVIEW_KIND_LABELS[kind]}
          name="opinion"
          rules={[requiredText(`请填写${REVIEW_KIND_LABELS[kind]}`)]}
        >
          <Input.TextArea rows={5} maxLength={10_000} showCount />
        </Form.Item>
        <Form.Item
          label="对系统认定意见"
          name="agrees"
          rules={[required('请选择是否同意系统认定意见')]}
        >
          <Radio.Group
            options={[
              { value: true, label: '同意' },
              { value: false, label: '不同意' },
            ]}
          />
        </Form.Item>
        <Form.Item label="审核日期" name="reviewedOn" rules={[required('请选择审核日期')]}>
          <DatePicker
            format="YYYY年M月D日"
            disabledDate={outsideDays(fairness.meetingDateFrom, today)}
          />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

interface RecusalValues {
  userId?: string;
  reason?: string;
}

function RecusalModal({
  detail,
  ...props
}: ActionFormProps<RecusalValues> & { detail: CaseDetail }) {
  const { form, modal } = useActionForm(props, (v: RecusalValues) => props.onSubmit(v));
  const people = useFetch<RecusalChoice[]>(
    `/api/v1/cases/${encodeURIComponent(detail.id)}/recusal-choices`,
  );
  const asked = detail.forms.fairness.recusal === 'requested';
  return (
    <ActionModal {...modal} title={asked ? '申请回避' : '记录回避'} okText="提交" width={560}>
      <Form form={form} layout="vertical">
        <Form.Item
          label={asked ? '申请回避的人员' : '回避人员'}
          name="userId"
          rules={[required('请选择回避人员')]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={people.loading}
            placeholder="选择本单位办理人员"
            options={(people.data ?? []).map((p) => ({
              value: p.id,
              label: `${p.displayName}（${p.roles.map((r) => ROLE_LABELS[r]).join('、')}）`,
            }))}
          />
        </Form.Item>
        <Form.Item label="回避理由" name="reason" rules={[requiredText('请说明回避的理由')]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

type Open = { kind: 'review'; review: ReviewKind } | { kind: 'recusal' } | null;

export function CaseFairness({ detail, write }: { detail: CaseDetail; write: CaseWrite }) {
  const { message } = App.useApp();
  const { allowedReviews, recusal } = detail.forms.fairness;
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (allowedReviews.length === 0 && recusal === null) return null;

  const run = async (request: () => Promise<CaseDetail>, done: string) => {
    setBusy(true);
    setError(null);
    const result = await write(request());
    setBusy(false);
    if (!result.ok) return setError(result.error);
    void message.success(done);
    setOpen(null);
  };
  const formProps = <T,>(submit: (v: T) => Promise<void>): ActionFormProps<T> => ({
    error,
    busy,
    onCancel: () => {
      setOpen(null);
      setError(null);
    },
    onSubmit: submit,
  });

  return (
    <Card size="small" title="审核与回避">
      <Space wrap>
        {allowedReviews.map((kind) => (
          <Button
            key={kind}
            type={detail.nextStep.reviews.includes(kind) ? 'primary' : 'default'}
            onClick={() => setOpen({ kind: 'review', review: kind })}
          >
            {detail.reviews.some((r) => r.kind === kind) ? '修改' : '记录'}
            {REVIEW_KIND_LABELS[kind]}
          </Button>
        ))}
        {recusal !== null && (
          <Button onClick={() => setOpen({ kind: 'recusal' })}>
            {recusal === 'requested' ? '申请回避' : '记录回避'}
          </Button>
        )}
      </Space>
      {open?.kind === 'review' && (
        <ReviewOpinionModal
          detail={detail}
          kind={open.review}
          {...formProps<ReviewValues>((v) =>
            run(
              () =>
                recordReview(detail, open.review, {
                  opinion: (v.opinion ?? '').trim(),
                  agrees: v.agrees ?? true,
                  reviewedOn: v.reviewedOn?.format('YYYY-MM-DD') ?? detail.forms.today,
                }),
              `已记录${REVIEW_KIND_LABELS[open.review]}`,
            ),
          )}
        />
      )}
      {open?.kind === 'recusal' && (
        <RecusalModal
          detail={detail}
          {...formProps<RecusalValues>((v) =>
            run(
              () =>
                recordRecusal(detail, { userId: v.userId ?? '', reason: (v.reason ?? '').trim() }),
              '已记录回避',
            ),
          )}
        />
      )}
    </Card>
  );
}
