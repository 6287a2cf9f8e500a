// The actions panel: one control per action the API allows (allowedActions). Each fires
// POST /api/v1/cases/:id/actions/:action with the case's version; forms where the action
// takes a payload. On STALE_VERSION the case is reloaded and the message shown.

import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, post } from '../api/client.ts';
import type { Unit } from '../api/types.ts';
import { chineseDate } from '../format.ts';
import {
  actionLabel,
  groundLabel,
  outcomeOptions,
  redactName,
  type CaseDetail,
  type PolicyDetail,
} from './case-data.tsx';
import { DueTag, dueStyle, recipientName } from './case-sections.tsx';

interface Props {
  detail: CaseDetail;
  policy: PolicyDetail | null;
  units: Unit[];
  officerName: string | null;
  reload: () => Promise<void>;
}

type ModalKind =
  | 'refuse'
  | 'raise_objection'
  | 'close'
  | 'publish'
  | 'send_notification'
  | 'record_decision'
  | 'review_objection';

const SIMPLE = new Set([
  'accept',
  'complete_investigation',
  'submit_for_decision',
  'withdraw',
  'close',
]);

const CONFIRM_TEXT: Record<string, string> = {
  accept: '受理后案件进入调查核实。',
  complete_investigation: '完成调查核实后进入综合分析研判，不能再记录事实和证据。',
  submit_for_decision: '提请研究决定时将记录系统认定意见及所依据的制度版本。',
  withdraw: '撤回后本案终结，不能恢复。',
  close: '办结后本案终结。',
};

export function CaseActions({ detail, policy, units, officerName, reload }: Props) {
  const { modal, message } = App.useApp();
  const [open, setOpen] = useState<ModalKind | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fire = async (action: string, body: Record<string, unknown> = {}): Promise<boolean> => {
    setBusy(action);
    setError(null);
    try {
      await post(`/api/v1/cases/${detail.id}/actions/${action}`, {
        version: detail.version,
        ...body,
      });
      void message.success(`已${actionLabel(action)}`);
      await reload();
      return true;
    } catch (e) {
      const text = e instanceof ApiError ? e.message : '操作失败，请稍后重试';
      setError(text);
      if (e instanceof ApiError && e.code === 'STALE_VERSION') await reload();
      return false;
    } finally {
      setBusy(null);
    }
  };

  const actions = detail.allowedActions;
  if (actions.length === 0) return null;

  const needsForm = (a: string): a is ModalKind =>
    a === 'refuse' ||
    a === 'raise_objection' ||
    a === 'publish' ||
    a === 'send_notification' ||
    a === 'record_decision' ||
    a === 'review_objection' ||
    (a === 'close' && detail.state === 'notified');

  const click = (a: string) => {
    if (needsForm(a)) {
      setError(null);
      setOpen(a);
    } else if (SIMPLE.has(a)) {
      modal.confirm({
        title: `确认${actionLabel(a)}？`,
        content: CONFIRM_TEXT[a],
        okText: actionLabel(a),
        cancelText: '取消',
        onOk: () => fire(a),
      });
    }
  };

  const close = () => setOpen(null);
  const done = async (action: string, body: Record<string, unknown>) => {
    if (await fire(action, body)) close();
  };

  const lastDecision = detail.decisions[detail.decisions.length - 1];
  const engineOutcome = detail.determination?.outcome ?? null;
  const unitOptions = units.map((u) => ({ value: u.id, label: u.name }));
  const outcomes = outcomeOptions(policy);

  return (
    <Card title="办理" size="small">
      {error && !open && (
        <Alert
          type="error"
          showIcon
          title={error}
          role="alert"
          style={{ marginBottom: 12 }}
          closable={{ onClose: () => setError(null) }}
        />
      )}
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a}
            type={a === 'refuse' || a === 'withdraw' ? 'default' : 'primary'}
            danger={a === 'refuse' || a === 'withdraw'}
            loading={busy === a}
            onClick={() => click(a)}
          >
            {actionLabel(a)}
          </Button>
        ))}
      </Space>

      {(open === 'refuse' || open === 'raise_objection' || open === 'close') && (
        <ReasonModal
          title={
            open === 'refuse'
              ? '不予受理'
              : open === 'raise_objection'
                ? '提出异议'
                : '办结（不予公开）'
          }
          label={
            open === 'refuse'
              ? '不予受理的理由'
              : open === 'raise_objection'
                ? '异议理由'
                : '不予公开的理由'
          }
          error={error}
          busy={busy !== null}
          onCancel={close}
          onSubmit={(reason) => done(open, { reason })}
        />
      )}

      {open === 'publish' && (
        <PublishModal
          detail={detail}
          policy={policy}
          officerName={officerName}
          conclusion={lastDecision?.conclusion ?? null}
          error={error}
          busy={busy !== null}
          onCancel={close}
          onSubmit={(scope) => done('publish', { scope })}
        />
      )}

      <Modal
        open={open === 'send_notification'}
        title="送达告知"
        onCancel={close}
        footer={<Button onClick={close}>关闭</Button>}
        width={720}
      >
        <FormError error={error} />
        <List
          dataSource={detail.notifications}
          renderItem={(n) => (
            <List.Item
              actions={
                n.sent_on
                  ? []
                  : [
                      <Button
                        key="send"
                        type="primary"
                        loading={busy === `send_notification:${n.id}`}
                        disabled={busy !== null}
                        onClick={() => void sendOne(n.id)}
                      >
                        送达
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={recipientName(
                  n,
                  (id) => units.find((u) => u.id === id)?.name ?? id,
                  officerName,
                )}
                description={
                  <Space wrap>
                    <span style={dueStyle(n)}>截止 {chineseDate(n.due)}</span>
                    <DueTag n={n} />
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Modal>

      {open === 'record_decision' && (
        <DecisionModal
          outcomes={outcomes}
          engineOutcome={engineOutcome}
          unitOptions={unitOptions}
          error={error}
          busy={busy !== null}
          onCancel={close}
          onSubmit={(body) => done('record_decision', body)}
        />
      )}

      {open === 'review_objection' && (
        <ReviewModal
          outcomes={outcomes}
          current={lastDecision?.conclusion ?? null}
          objection={detail.objections[detail.objections.length - 1]?.reason ?? null}
          error={error}
          busy={busy !== null}
          onCancel={close}
          onSubmit={(body) => done('review_objection', body)}
        />
      )}
    </Card>
  );

  async function sendOne(notificationId: string) {
    setBusy(`send_notification:${notificationId}`);
    setError(null);
    try {
      await post(`/api/v1/cases/${detail.id}/actions/send_notification`, {
        version: detail.version,
        notificationId,
      });
      void message.success('已送达');
      await reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败，请稍后重试');
      if (e instanceof ApiError && e.code === 'STALE_VERSION') await reload();
    } finally {
      setBusy(null);
    }
  }
}

function ReasonModal(props: {
  title: string;
  label: string;
  error: string | null;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={props.title}
      okText="提交"
      cancelText="取消"
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      onOk={() => void form.validateFields().then((v) => props.onSubmit(v.reason.trim()))}
    >
      <FormError error={props.error} />
      <Form form={form} layout="vertical">
        <Form.Item
          label={props.label}
          name="reason"
          rules={[{ required: true, whitespace: true, message: `请填写${props.label}` }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PublishModal(props: {
  detail: CaseDetail;
  policy: PolicyDetail | null;
  officerName: string | null;
  conclusion: string | null;
  error: string | null;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (scope: string) => Promise<void>;
}) {
  const publication = props.policy?.procedure.publication;
  const [form] = Form.useForm<{ scope: string }>();
  const scope = Form.useWatch('scope', form);
  return (
    <Modal
      open
      title="公开认定结果"
      okText="公开"
      cancelText="取消"
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      onOk={() => void form.validateFields().then((v) => props.onSubmit(v.scope))}
      width={720}
    >
      <FormError error={props.error} />
      <Form form={form} layout="vertical" initialValues={{ scope: publication?.defaultScope }}>
        <Form.Item
          label="公开范围"
          name="scope"
          rules={[{ required: true, message: '请选择公开范围' }]}
        >
          <Select options={(publication?.scopes ?? []).map((s) => ({ value: s, label: s }))} />
        </Form.Item>
      </Form>
      <Typography.Title level={5}>公开内容预览</Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'number', label: '案号', children: props.detail.number },
          { key: 'title', label: '事项', children: props.detail.title },
          {
            key: 'officer',
            label: '执法人员',
            children: props.officerName ? redactName(props.officerName) : '（姓名隐去）',
          },
          { key: 'conduct', label: '履职行为', children: props.detail.conduct },
          { key: 'conclusion', label: '认定结论', children: groundLabel(props.conclusion) },
          { key: 'scope', label: '公开范围', children: scope ?? '—' },
        ]}
      />
    </Modal>
  );
}

interface DecisionValues {
  meetingDate: Dayjs;
  members: string[];
  conclusion: string;
  relatedUnitIds?: string[];
  departureReason?: string;
}

function DecisionModal(props: {
  outcomes: { value: string; label: string }[];
  engineOutcome: string | null;
  unitOptions: { value: string; label: string }[];
  error: string | null;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
}) {
  const [form] = Form.useForm<DecisionValues>();
  const conclusion = Form.useWatch('conclusion', form);
  const departs = conclusion !== undefined && conclusion !== props.engineOutcome;
  const submit = (v: DecisionValues) =>
    props.onSubmit({
      meetingDate: v.meetingDate.format('YYYY-MM-DD'),
      members: v.members.map((m) => m.trim()).filter(Boolean),
      conclusion: v.conclusion,
      relatedUnitIds: v.relatedUnitIds ?? [],
      departureReason: departs ? (v.departureReason ?? '').trim() : null,
    });
  return (
    <Modal
      open
      title="登记研究决定"
      okText="登记"
      cancelText="取消"
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      onOk={() => void form.validateFields().then(submit)}
      width={640}
    >
      <FormError error={props.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          meetingDate: dayjs(),
          members: [],
          conclusion: props.engineOutcome ?? undefined,
          relatedUnitIds: [],
        }}
      >
        <Form.Item
          label="会议日期"
          name="meetingDate"
          rules={[{ required: true, message: '请选择会议日期' }]}
        >
          <DatePicker style={{ width: '100%' }} format="YYYY年M月D日" />
        </Form.Item>
        <Form.Item
          label="参会人员"
          name="members"
          extra="输入姓名或职务后按回车"
          rules={[{ required: true, type: 'array', min: 1, message: '请填写参会人员' }]}
        >
          <Select
            mode="tags"
            open={false}
            tokenSeparators={[',', '，', '、']}
            placeholder="如：党委书记、局长"
          />
        </Form.Item>
        <Form.Item
          label="认定结论"
          name="conclusion"
          rules={[{ required: true, message: '请选择认定结论' }]}
          extra={
            props.engineOutcome ? `系统认定意见：${groundLabel(props.engineOutcome)}` : undefined
          }
        >
          <Select options={props.outcomes} />
        </Form.Item>
        <Form.Item label="相关单位（将一并告知）" name="relatedUnitIds">
          <Select
            mode="multiple"
            options={props.unitOptions}
            optionFilterProp="label"
            placeholder="选择需告知的相关单位"
          />
        </Form.Item>
        {departs && (
          <Form.Item
            label="理由（认定结论与系统认定意见不一致）"
            name="departureReason"
            rules={[
              {
                required: true,
                whitespace: true,
                message: '认定结论与系统认定意见不一致，须写明理由',
              },
            ]}
          >
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

interface ReviewValues {
  result: 'confirm' | 'change';
  conclusion?: string;
  reason?: string;
  meetingDate?: Dayjs;
  members?: string[];
}

function ReviewModal(props: {
  outcomes: { value: string; label: string }[];
  current: string | null;
  objection: string | null;
  error: string | null;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
}) {
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
            meetingDate: v.meetingDate?.format('YYYY-MM-DD'),
            members: (v.members ?? []).map((m) => m.trim()).filter(Boolean),
          },
    );
  return (
    <Modal
      open
      title="异议复核"
      okText="提交复核结果"
      cancelText="取消"
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      onOk={() => void form.validateFields().then(submit)}
      width={640}
    >
      <FormError error={props.error} />
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'current', label: '原认定结论', children: groundLabel(props.current) },
          { key: 'objection', label: '异议理由', children: props.objection ?? '—' },
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
              <Select options={props.outcomes.filter((o) => o.value !== props.current)} />
            </Form.Item>
            <Form.Item
              label="变更理由"
              name="reason"
              rules={[{ required: true, whitespace: true, message: '请填写变更理由' }]}
            >
              <Input.TextArea rows={4} maxLength={5000} showCount />
            </Form.Item>
            <Form.Item
              label="会议日期"
              name="meetingDate"
              rules={[{ required: true, message: '请选择会议日期' }]}
            >
              <DatePicker style={{ width: '100%' }} format="YYYY年M月D日" />
            </Form.Item>
            <Form.Item
              label="参会人员"
              name="members"
              extra="输入姓名或职务后按回车"
              rules={[{ required: true, type: 'array', min: 1, message: '请填写参会人员' }]}
            >
              <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** The API's refusal of a form, shown above it. */
function FormError({ error }: { error: string | null }) {
  if (!error) return null;
  return <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />;
}
