// 澄清正名 on the report page: each clearance decided on the report, read from its own
// route (GET /api/v1/clearances/:id, with its `actions` and version), with 已澄清 for
// those who may record that it was carried out.

import { App, Button, Card, DatePicker, Form, Input, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ClearanceDetail } from '../../../../src/contract/clearance.schemas.ts';
import type { ReportDetail } from '../../../../src/contract/report.schemas.ts';
import { FormError } from '@shared/form-error.tsx';
import { day, DAY_FORMATS, trim } from '@shared/form-dates.ts';
import { required, requiredText } from '@shared/form-rules.ts';
import { LoadFailed, Loading } from '@shared/loading.tsx';
import { useHeldResource } from '@shared/use-held-resource.ts';
import { ActionModal, useActionForm, type ActionFormProps } from '../case/action-modal.tsx';
import { ClearanceRecord, ClearanceStateTag } from './clearance-record.tsx';
import { carryOut, type CarryOutPayload } from './clearance-writes.ts';

const CONFLICT_TEXT = '澄清正名已被他人修改，页面已刷新，请核对后重试';

/** `today`: the server's day in China (ReportDetail.today), not the browser's clock. */
function CarryOutModal({ today, ...props }: ActionFormProps<CarryOutPayload> & { today: string }) {
  const { form, modal } = useActionForm(props, (v: { carriedOutOn?: Dayjs; note?: string }) =>
    props.onSubmit({ carriedOutOn: day(v.carriedOutOn!), note: trim(v.note) }),
  );
  return (
    <ActionModal {...modal} title="澄清正名已实施" okText="已澄清" width={600}>
      <Form form={form} layout="vertical" initialValues={{ carriedOutOn: dayjs(today) }}>
        <Form.Item label="实施日期" name="carriedOutOn" rules={[required('请选择实施日期')]}>
          <DatePicker
            style={{ width: '100%' }}
            format={DAY_FORMATS}
            disabledDate={(d) => day(d) > today}
          />
        </Form.Item>
        <Form.Item
          label="实施情况"
          name="note"
          rules={[requiredText('请填写实施情况')]}
          extra="如：于某次会议上说明、书面通报印发范围。"
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

function ClearanceCard({ id, today }: { id: string; today: string }) {
  const { message } = App.useApp();
  const { detail, error, write } = useHeldResource<ClearanceDetail>(
    `/api/v1/clearances/${encodeURIComponent(id)}`,
    CONFLICT_TEXT,
  );
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  if (error && !detail) return <LoadFailed message={error.message} />;
  if (!detail) return <Loading />;
  return (
    <Card
      size="small"
      type="inner"
      data-testid="clearance"
      title={
        <Space>
          <span>{detail.officer.name}</span>
          <ClearanceStateTag c={detail} />
        </Space>
      }
      extra={
        detail.actions.includes('carry_out') && (
          <Button type="primary" onClick={() => setOpen(true)}>
            已澄清
          </Button>
        )
      }
    >
      {!open && <FormError error={failed} onClose={() => setFailed(null)} />}
      <ClearanceRecord c={detail} />
      {open && (
        <CarryOutModal
          today={today}
          error={failed}
          busy={busy}
          onCancel={() => {
            setOpen(false);
            setFailed(null);
          }}
          onSubmit={async (p) => {
            setBusy(true);
            setFailed(null);
            const result = await write(carryOut(detail, p));
            setBusy(false);
            if (!result.ok) return setFailed(result.error);
            setOpen(false);
            void message.success('已记录澄清正名实施情况');
          }}
        />
      )}
    </Card>
  );
}

export function ClearancesSection({ report }: { report: ReportDetail }) {
  if (report.clearances.length === 0) {
    if (report.clearanceOffer === null) return null;
    return (
      <Card title="澄清正名" size="small">
        <Typography.Text type="secondary">尚未作出澄清正名决定。</Typography.Text>
      </Card>
    );
  }
  return (
    <Card title={`澄清正名（${report.clearances.length}）`} size="small">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {report.clearances.map((c) => (
          <ClearanceCard key={c.id} id={c.id} today={report.today} />
        ))}
      </Space>
    </Card>
  );
}
