// 提出容错认定申请: the officer describes the enforcement conduct, says when it happened,
// attaches what supports the application and applies (origin 'application', in the
// officer's own unit); an investigator starts a 单位启动核查 about an officer of the unit
// subtree (origin 'initiation'). One Idempotency-Key per form, so a double click opens
// one case. The attachments are uploaded one by one once the case exists: a file the
// server refuses is named with the reason, and the case stays, open to more uploads.

import { Alert, Button, Card, Form, Input, Radio, Result, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Officer } from '../../../../src/contract/account.schemas.ts';
import type { OpenCaseBody } from '../../../../src/contract/case-requests.schemas.ts';
import type { CaseDetail, CaseRef } from '../../../../src/contract/case.schemas.ts';
import {
  ENFORCEMENT_ACTION_LABELS,
  ENFORCEMENT_ACTIONS,
  type EnforcementAction,
} from '../../../../src/contract/labels.ts';
import { post } from '@shared/api-client.ts';
import { errorText } from '@shared/error-text.ts';
import { FormError } from '@shared/form-error.tsx';
import { maxChars, required, requiredText } from '@shared/form-rules.ts';
import { useFetch } from '@shared/use-fetch.ts';
import { useSubmit } from '@shared/use-submit.ts';
import { useSession } from '../account/session.tsx';
import { uploadEvidence } from './case-writes.ts';
import { ClassificationFields } from './classification-fields.tsx';
import { conductPayload, ConductDateFields, type ConductValues } from './conduct-period.tsx';
import { EvidenceFiles } from './evidence-upload.tsx';

interface Values extends ConductValues {
  officerId?: string;
  title: string;
  enforcementAction: EnforcementAction;
  conduct: string;
  field: string;
  errorType: string;
}

const ACTION_OPTIONS = ENFORCEMENT_ACTIONS.map((a) => ({
  value: a,
  label: ENFORCEMENT_ACTION_LABELS[a],
}));

/** Whom a 单位启动核查 is about: an officer of the reader's unit or a unit below it. */
function OfficerField({ officers }: { officers: Officer[] }) {
  return (
    <Form.Item
      label="被核查的执法人员"
      name="officerId"
      rules={[required('请选择被核查的执法人员')]}
    >
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="选择执法人员"
        options={officers.map((o) => ({
          value: o.id,
          label: `${o.displayName}（${o.unitName}${o.badgeNumber ? `，执法证号 ${o.badgeNumber}` : ''}）`,
        }))}
      />
    </Form.Item>
  );
}

/** A file the server refused after the case was opened, and why. */
interface FailedUpload {
  readonly name: string;
  readonly reason: string;
}

/**
 * Uploads the files to the new case one after another, each with the version the last
 * answer gave; answers the files that failed. A refusal does not stop the others.
 */
async function uploadAll(created: CaseRef, files: readonly File[]): Promise<FailedUpload[]> {
  const failed: FailedUpload[] = [];
  let current: Pick<CaseDetail, 'id' | 'version'> = created;
  for (const file of files) {
    try {
      current = await uploadEvidence(current, file);
    } catch (e) {
      failed.push({ name: file.name, reason: errorText(e, '上传失败，请稍后在案件页面重新上传') });
    }
  }
  return failed;
}

/** The case is open but some attachments did not go: which, why, and the way to the case. */
function UploadsFailed({ created, failed }: { created: CaseRef; failed: FailedUpload[] }) {
  return (
    <Card style={{ maxWidth: 880 }}>
      <Result
        status="warning"
        title={`申请已提交（案号 ${created.number}），但有 ${failed.length} 个附件未能上传`}
        subTitle="可在案件页面“事实与证据”中重新上传。"
        extra={
          <Link to={`/cases/${created.id}`}>
            <Button type="primary">前往案件页面</Button>
          </Link>
        }
      >
        <ul role="alert" style={{ margin: 0 }}>
          {failed.map((f) => (
            <li key={f.name}>
              {f.name}：{f.reason}
            </li>
          ))}
        </ul>
      </Result>
    </Card>
  );
}

export default function NewApplicationPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  // One key for this form: a repeated submission replays the same case.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  // Which way this user may open a case is the server's answer (the procedure's table).
  const opens = user?.newCaseActions ?? [];
  // An account that may do both opens the initiation from its own menu entry (?origin=initiation).
  const [params] = useSearchParams();
  const initiating =
    opens.includes('initiate') &&
    (!opens.includes('submit_application') || params.get('origin') === 'initiation');
  const officers = useFetch<Officer[]>(initiating ? '/api/v1/officers' : null);
  const [files, setFiles] = useState<File[]>([]);
  // The classification's choices are the regime of the case's unit: the officer's.
  const chosenOfficer = Form.useWatch('officerId', form);
  const caseUnitId = initiating
    ? (officers.data?.find((o) => o.id === chosenOfficer)?.unitId ?? null)
    : (user?.unitId ?? null);
  const [failedUploads, setFailedUploads] = useState<{
    created: CaseRef;
    failed: FailedUpload[];
  } | null>(null);
  const { busy, error, submit } = useSubmit(async (values: Values) => {
    if (!user) return;
    const officer = officers.data?.find((o) => o.id === values.officerId);
    const body: OpenCaseBody = {
      ...(initiating && officer
        ? { origin: 'initiation', unitId: officer.unitId, officerId: officer.id }
        : { origin: 'application', unitId: user.unitId }),
      title: values.title.trim(),
      conduct: values.conduct.trim(),
      ...conductPayload(values),
      enforcementAction: values.enforcementAction,
      field: values.field,
      errorType: values.errorType,
    };
    const created = await post<CaseRef>('/api/v1/cases', body, {
      'Idempotency-Key': idempotencyKey,
    });
    const failed = await uploadAll(created, files);
    if (failed.length > 0) setFailedUploads({ created, failed });
    else navigate(`/cases/${created.id}`);
  }, '提交失败，请稍后再试');

  if (failedUploads) return <UploadsFailed {...failedUploads} />;

  if (opens.length === 0) {
    return (
      <Card title="提出容错认定申请">
        <Alert
          type="info"
          showIcon
          title="本页面供执法人员本人提出申请"
          description="您的账号没有执法人员或调查人员角色，不能提出申请或启动核查。"
        />
        <div style={{ marginTop: 16 }}>
          <Link to="/cases">前往案件列表</Link>
        </div>
      </Card>
    );
  }

  return (
    <Card title={initiating ? '单位启动核查' : '提出容错认定申请'} style={{ maxWidth: 880 }}>
      <Typography.Paragraph type="secondary">
        {initiating
          ? '对本单位（含下级单位）执法人员的执法行为启动容错纠错核查，提交后即进入调查核实。'
          : '请如实描述您的行政执法行为及有关情况。提交后由本单位调查人员受理并调查核实。'}
      </Typography.Paragraph>
      <FormError error={error ?? officers.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        disabled={busy}
        initialValues={{ title: '', conduct: '', conductOverPeriod: false }}
      >
        {initiating && <OfficerField officers={officers.data ?? []} />}
        <Form.Item
          label="申请事项名称"
          name="title"
          extra="一句话概括所涉执法行为，例如“依据检测报告作出行政处罚后检测机构撤回报告”。"
          rules={[requiredText('请填写申请事项名称'), maxChars('申请事项名称', 200)]}
        >
          <Input maxLength={200} showCount autoFocus />
        </Form.Item>
        <Form.Item
          label="执法行为类别"
          name="enforcementAction"
          rules={[required('请选择执法行为类别')]}
        >
          <Radio.Group options={ACTION_OPTIONS} />
        </Form.Item>
        <ConductDateFields />
        <ClassificationFields unitId={caseUnitId} />
        <Form.Item
          label="执法行为及有关情况"
          name="conduct"
          extra="包括时间、对象、依据、经过，以及出现的问题或后果。"
          rules={[requiredText('请描述执法行为及有关情况'), maxChars('描述', 10000)]}
        >
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={10000} showCount />
        </Form.Item>
        {!initiating && <EvidenceFiles label="附件" files={files} onChange={setFiles} />}
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            {initiating ? '启动核查' : '提交申请'}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
