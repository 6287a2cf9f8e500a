// 送达告知: each notification with its due date and how it was counted, served one at a
// time: the method (直接送达、邮寄送达、电子送达、留置送达), the delivery date (from the
// decision to today; the picker offers no other day), the person served (for a unit, who
// signed), and the reason when it is delivered after its due date. The list follows the
// case the write answers with.

import { Button, DatePicker, Form, Input, List, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CaseDetail, CaseNotification } from '../../../../src/contract/case.schemas.ts';
import { FormError } from '@shared/form-error.tsx';
import { required, requiredText } from '@shared/form-rules.ts';
import { chineseDate } from '@shared/format.ts';
import { DueDate, DueTag } from './case-notifications.tsx';
import { outsideDays } from './meeting-fields.tsx';

/** What the secretary records of one delivery. */
export interface Delivery {
  deliveryMethod: string;
  deliveredOn: string;
  deliveredTo: string;
  lateReason: string | null;
}

interface DeliveryValues {
  deliveryMethod?: string;
  deliveredOn?: Dayjs;
  deliveredTo?: string;
  lateReason?: string;
}

function DeliveryForm({
  detail,
  notice,
  busy,
  onSend,
  onCancel,
}: {
  detail: CaseDetail;
  notice: CaseNotification;
  busy: boolean;
  onSend: (delivery: Delivery) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<DeliveryValues>();
  const { today, fairness } = detail.forms;
  const meeting = detail.decisions.at(-1)?.meetingDate ?? null;
  const day = Form.useWatch('deliveredOn', form);
  const late = day !== undefined && day !== null && day.format('YYYY-MM-DD') > notice.due;
  const submit = () =>
    void form.validateFields().then((v) =>
      onSend({
        deliveryMethod: v.deliveryMethod ?? '',
        deliveredOn: v.deliveredOn?.format('YYYY-MM-DD') ?? '',
        deliveredTo: (v.deliveredTo ?? '').trim(),
        lateReason: late ? (v.lateReason ?? '').trim() : null,
      }),
    );
  return (
    <Form
      form={form}
      layout="vertical"
      aria-label={`送达${notice.recipientName}`}
      initialValues={{
        deliveredOn: dayjs(today),
        deliveredTo: notice.recipientKind === 'party' ? detail.officer.displayName : '',
      }}
      style={{ width: '100%', marginTop: 8 }}
    >
      <Space wrap align="start">
        <Form.Item label="送达方式" name="deliveryMethod" rules={[required('请选择送达方式')]}>
          <Select options={fairness.deliveryMethods} style={{ width: 160 }} placeholder="请选择" />
        </Form.Item>
        <Form.Item label="送达日期" name="deliveredOn" rules={[required('请选择送达日期')]}>
          <DatePicker format="YYYY年M月D日" disabledDate={outsideDays(meeting, today)} />
        </Form.Item>
        <Form.Item
          label={notice.recipientKind === 'unit' ? '受送达人（签收人）' : '受送达人'}
          name="deliveredTo"
          rules={[requiredText('请填写受送达人')]}
        >
          <Input maxLength={100} style={{ width: 200 }} />
        </Form.Item>
      </Space>
      {late && (
        <Form.Item
          label={`逾期送达理由（告知期限至${chineseDate(notice.due)}）`}
          name="lateReason"
          rules={[requiredText('送达日期已超过告知期限，须说明理由')]}
        >
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
      )}
      <Space>
        <Button type="primary" loading={busy} onClick={submit}>
          确认送达
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          取消
        </Button>
      </Space>
    </Form>
  );
}

export function NoticesModal({
  detail,
  error,
  busy,
  onClose,
  onSend,
}: {
  detail: CaseDetail;
  error: string | null;
  /** What is being sent: `send_notification:<id>`, or another step. */
  busy: string | null;
  onClose: () => void;
  /** Sends the notice; true when it was recorded. */
  onSend: (notificationId: string, delivery: Delivery) => Promise<boolean> | void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Modal
      open
      title="送达告知"
      onCancel={onClose}
      footer={<Button onClick={onClose}>关闭</Button>}
      width={760}
    >
      <FormError error={error} />
      <List
        dataSource={detail.notifications}
        renderItem={(n) => (
          <List.Item
            actions={
              n.sentOn || open === n.id
                ? []
                : [
                    <Button
                      key="send"
                      type="primary"
                      disabled={busy !== null}
                      onClick={() => setOpen(n.id)}
                    >
                      送达
                    </Button>,
                  ]
            }
          >
            <Space orientation="vertical" style={{ width: '100%' }}>
              <List.Item.Meta
                title={n.recipientName}
                description={
                  <Space orientation="vertical" size={0}>
                    <Space wrap>
                      <DueDate n={n} prefix="截止 " />
                      <DueTag n={n} />
                    </Space>
                    <Typography.Text type="secondary">{n.limitText}</Typography.Text>
                    {n.sentOn && <DeliveryText n={n} />}
                  </Space>
                }
              />
              {open === n.id && !n.sentOn && (
                <DeliveryForm
                  detail={detail}
                  notice={n}
                  busy={busy === `send_notification:${n.id}`}
                  onCancel={() => setOpen(null)}
                  onSend={(delivery) =>
                    void Promise.resolve(onSend(n.id, delivery)).then((done) => {
                      if (done !== false) setOpen(null);
                    })
                  }
                />
              )}
            </Space>
          </List.Item>
        )}
      />
    </Modal>
  );
}

/** How a notice was delivered, in words: 2026年10月9日邮寄送达，受送达人李四；逾期理由：…. */
export function DeliveryText({ n }: { n: CaseNotification }) {
  if (!n.sentOn) return null;
  const how = n.deliveryMethodLabel ?? '送达';
  return (
    <Typography.Text>
      {chineseDate(n.sentOn)}
      {how}
      {n.deliveredTo ? `，受送达人：${n.deliveredTo}` : ''}
      {n.lateReason ? `；逾期理由：${n.lateReason}` : ''}
    </Typography.Text>
  );
}
