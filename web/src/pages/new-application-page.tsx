// 提出容错认定申请: the officer describes the enforcement conduct and applies (origin
// 'application', in the officer's own unit). One Idempotency-Key per form, so a double
// click opens one case. Investigators start a 单位启动核查 elsewhere; they see a note.

import { Alert, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { post } from '../api/client.ts';
import {
  ENFORCEMENT_ACTIONS,
  ENFORCEMENT_ACTION_LABELS,
  type EnforcementAction,
} from '../../../src/domain/case/case-state.ts';
import { errorText } from '../components/interview-case.tsx';
import { useSession } from '../session.tsx';

interface Values {
  title: string;
  enforcementAction: EnforcementAction;
  conduct: string;
}

export default function NewApplicationPage() {
  const { user, hasRole } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One key for this form: a repeated submission replays the same case.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);

  if (!hasRole('officer')) {
    return (
      <Card title="提出容错认定申请">
        <Alert
          type="info"
          showIcon
          title="本页面供执法人员本人提出申请"
          description={
            hasRole('investigator')
              ? '调查人员对执法人员启动容错纠错核查（单位启动核查）时，请在案件列表中办理；执法人员本人的申请会出现在案件列表中，由您受理。'
              : '您的账号没有执法人员角色，不能提出容错认定申请。'
          }
        />
        <div style={{ marginTop: 16 }}>
          <Link to="/cases">前往案件列表</Link>
        </div>
      </Card>
    );
  }

  const submit = async (values: Values) => {
    if (!user || busy) return;
    setBusy(true);
    setError(null);
    try {
      const created = await post<{ id: string }>(
        '/api/v1/cases',
        {
          origin: 'application',
          unitId: user.unitId,
          title: values.title.trim(),
          conduct: values.conduct.trim(),
          enforcementAction: values.enforcementAction,
        },
        { 'Idempotency-Key': idempotencyKey },
      );
      navigate(`/cases/${created.id}`);
    } catch (e) {
      setError(errorText(e, '提交失败，请稍后再试'));
      setBusy(false);
    }
  };

  return (
    <Card title="提出容错认定申请" style={{ maxWidth: 880 }}>
      <Typography.Paragraph type="secondary">
        请如实描述您的行政执法行为及有关情况。提交后由本单位调查人员受理并调查核实。
      </Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        disabled={busy}
        initialValues={{ title: '', conduct: '' }}
      >
        <Form.Item
          label="申请事项名称"
          name="title"
          extra="一句话概括所涉执法行为，例如“依据检测报告作出行政处罚后检测机构撤回报告”。"
          rules={[
            { required: true, whitespace: true, message: '请填写申请事项名称' },
            { max: 200, message: '申请事项名称不能超过 200 字' },
          ]}
        >
          <Input maxLength={200} showCount autoFocus />
        </Form.Item>
        <Form.Item
          label="执法行为类别"
          name="enforcementAction"
          rules={[{ required: true, message: '请选择执法行为类别' }]}
        >
          <Radio.Group
            options={ENFORCEMENT_ACTIONS.map((a) => ({
              value: a,
              label: ENFORCEMENT_ACTION_LABELS[a],
            }))}
          />
        </Form.Item>
        <Form.Item
          label="执法行为及有关情况"
          name="conduct"
          extra="包括时间、对象、依据、经过，以及出现的问题或后果。"
          rules={[
            { required: true, whitespace: true, message: '请描述执法行为及有关情况' },
            { max: 10000, message: '描述不能超过 10000 字' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={10000} showCount />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            提交申请
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
