// 澄清正名: the decision on a report found untrue and malicious (basis 恶意举报), or about
// conduct decided as 容错免责 when the officer asked (basis 经认定予以容错免责): which
// officer, the facts and conclusion made clear, how far the accusation reached and the
// scope of the clearance (never narrower), the ways it is done (公开发布 only in public),
// the day, and the notice (澄清正名通报), which the server writes from the decision when
// it is left blank.

import { Button, Checkbox, DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  CLEARANCE_METHODS,
  CLEARANCE_METHOD_LABELS,
  MAX_NOTICE_LENGTH,
  type ClearanceMethod,
  type DraftNoticeBody,
} from '../../../../src/contract/clearance.schemas.ts';
import {
  DISCLOSURE_SCOPES,
  DISCLOSURE_SCOPE_LABELS,
  type DisclosureScope,
  type ReportDetail,
} from '../../../../src/contract/report.schemas.ts';
import { errorText } from '@shared/error-text.ts';
import { day, DAY_FORMATS, trim } from '@shared/form-dates.ts';
import { required, requiredText } from '@shared/form-rules.ts';
import { ActionModal } from '../case/action-modal.tsx';
import { decideClearance, draftNotice } from './clearance-writes.ts';

const rank = (s: DisclosureScope) => DISCLOSURE_SCOPES.indexOf(s);
/** The fields the notice is written from. */
const DECISION_FIELDS: (keyof Values)[] = [
  'officerId',
  'requestedOn',
  'findings',
  'accusationReach',
  'scope',
  'methods',
  'decidedOn',
];

interface Values {
  officerId?: string;
  findings?: string;
  accusationReach?: DisclosureScope;
  scope?: DisclosureScope;
  methods?: ClearanceMethod[];
  decidedOn?: Dayjs;
  requestedOn?: Dayjs;
  noticeText?: string;
}

/** What the server offers the reader to decide on the report, and for whom. */
type ClearanceOffer = NonNullable<ReportDetail['clearanceOffer']>;

export function ClearanceModal({
  report,
  offer,
  onCancel,
  onDecided,
}: {
  report: ReportDetail;
  /** The report's clearanceOffer: the modal opens only when the server makes one. */
  offer: ClearanceOffer;
  onCancel: () => void;
  onDecided: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [drafting, setDrafting] = useState(false);
  const { basis, officers } = offer;
  const { today } = report;
  const reach = Form.useWatch('accusationReach', form);
  const scope = Form.useWatch('scope', form);

  const decision = (v: Values): DraftNoticeBody => ({
    officerId: v.officerId!,
    basis,
    findings: trim(v.findings),
    accusationReach: v.accusationReach!,
    scope: v.scope!,
    methods: v.methods ?? [],
    decidedOn: day(v.decidedOn!),
    ...(basis === 'tolerated' && v.requestedOn ? { requestedOn: day(v.requestedOn) } : {}),
  });

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await decideClearance(report.id, {
        ...decision(v),
        ...(trim(v.noticeText) ? { noticeText: trim(v.noticeText) } : {}),
      });
      onDecided();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  /** The server writes the notice from the decision as filled in; it stays editable. */
  const draft = async () => {
    const v = await form.validateFields(DECISION_FIELDS).catch(() => null);
    if (!v) return;
    setDrafting(true);
    setError(null);
    try {
      const { noticeText } = await draftNotice(report.id, decision(v));
      form.setFieldValue('noticeText', noticeText);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setDrafting(false);
    }
  };

  return (
    <ActionModal
      title="澄清正名"
      okText="作出决定"
      width={720}
      error={error}
      busy={busy}
      onCancel={onCancel}
      onOk={() => void form.validateFields().then(submit)}
    >
      <Typography.Paragraph type="secondary">依据：{offer.basisLabel}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          decidedOn: dayjs(today),
          officerId: officers.length === 1 ? officers[0]!.id : undefined,
          methods: [],
        }}
        onValuesChange={(changed: Values) => {
          // A scope narrower than the reach would be refused; and 公开发布 goes with 社会公开
          // both ways (METHODS_SCOPE_MISMATCH), so it follows the scope and is not chosen.
          if (changed.accusationReach && scope && rank(scope) < rank(changed.accusationReach))
            form.setFieldValue('scope', changed.accusationReach);
          if (changed.scope || changed.accusationReach) {
            const isPublic = form.getFieldValue('scope') === 'public';
            const others = (
              (form.getFieldValue('methods') as ClearanceMethod[] | undefined) ?? []
            ).filter((m) => m !== 'public_release');
            form.setFieldValue('methods', isPublic ? [...others, 'public_release'] : others);
          }
        }}
      >
        <Form.Item label="澄清对象" name="officerId" rules={[required('请选择澄清对象')]}>
          <Select options={officers.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        {basis === 'tolerated' && (
          <Form.Item
            label="本人申请日期"
            name="requestedOn"
            rules={[required('请选择被举报人申请澄清正名的日期')]}
          >
            <DatePicker
              style={{ width: '100%' }}
              format={DAY_FORMATS}
              disabledDate={(d) => day(d) > today}
            />
          </Form.Item>
        )}
        <Form.Item
          label="澄清的事实和结论"
          name="findings"
          rules={[requiredText('请填写澄清的事实和结论')]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item
          label="不实举报的影响范围"
          name="accusationReach"
          rules={[required('请选择不实举报的影响范围')]}
        >
          <Select
            options={DISCLOSURE_SCOPES.map((s) => ({
              value: s,
              label: DISCLOSURE_SCOPE_LABELS[s],
            }))}
          />
        </Form.Item>
        <Form.Item
          label="澄清范围"
          name="scope"
          rules={[required('请选择澄清范围')]}
          extra="澄清范围不得小于不实举报的影响范围。"
        >
          <Select
            options={DISCLOSURE_SCOPES.map((s) => ({
              value: s,
              label: DISCLOSURE_SCOPE_LABELS[s],
              disabled: !!reach && rank(s) < rank(reach),
            }))}
          />
        </Form.Item>
        <Form.Item
          label="澄清方式"
          name="methods"
          rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一种澄清方式' }]}
          extra="社会公开范围的澄清正名以公开发布进行，公开发布只用于社会公开范围。"
        >
          <Checkbox.Group
            options={CLEARANCE_METHODS.map((m) => ({
              value: m,
              label: CLEARANCE_METHOD_LABELS[m],
              // Set by the scope (above), never chosen by hand.
              disabled: m === 'public_release',
            }))}
          />
        </Form.Item>
        <Form.Item label="决定日期" name="decidedOn" rules={[required('请选择决定日期')]}>
          <DatePicker
            style={{ width: '100%' }}
            format={DAY_FORMATS}
            disabledDate={(d) => day(d) > today}
          />
        </Form.Item>
        <Form.Item
          label="澄清正名通报"
          name="noticeText"
          extra="可先根据以上决定内容生成通报再修改；不填写则作出决定时由系统根据决定内容生成。"
        >
          <Input.TextArea rows={6} maxLength={MAX_NOTICE_LENGTH} showCount />
        </Form.Item>
        <Button loading={drafting} onClick={() => void draft()}>
          生成通报
        </Button>
      </Form>
    </ActionModal>
  );
}
