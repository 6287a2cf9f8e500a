// 登记举报 (/reports/new), for petitions staff: how and when the report came, whether the
// reporter gave their name (实名: name, contact, address; kept sealed by the server and
// shown only to petitions staff) or not (匿名), what the officers are accused of, who they
// are (the officers of the staff's unit subtree) and, optionally, a 容错 case it concerns;
// attachments are sent once the report is registered.

import { Alert, Button, Card, DatePicker, Form, Input, Radio, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Officer, Unit } from '../../../../src/contract/account.schemas.ts';
import type { CaseList } from '../../../../src/contract/case.schemas.ts';
import {
  MAX_REPORT_OFFICERS,
  REPORT_CHANNELS,
  REPORT_CHANNEL_LABELS,
  type ReceiveReportBody,
  type ReportChannel,
  type ReportDetail,
} from '../../../../src/contract/report.schemas.ts';
import { post } from '@shared/api-client.ts';
import { FormError } from '@shared/form-error.tsx';
import { day, DAY_FORMATS, trim } from '@shared/form-dates.ts';
import { required, requiredText } from '@shared/form-rules.ts';
import { HalfItem } from '@shared/half-item.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { useSubmit } from '@shared/use-submit.ts';
import { errorText } from '@shared/error-text.ts';
import { useSession } from '../account/session.tsx';
import { EvidenceFiles } from '../case/evidence-upload.tsx';
import { uploadAttachment } from './report-writes.ts';

const CHANNEL_OPTIONS = REPORT_CHANNELS.map((c) => ({ value: c, label: REPORT_CHANNEL_LABELS[c] }));

/** The staffer's unit and those below it, each once, the staffer's first. */
function subtree(units: readonly Unit[], rootId: string): Unit[] {
  const found: Unit[] = [];
  const visit = (id: string) => {
    const unit = units.find((u) => u.id === id);
    if (!unit) return;
    found.push(unit);
    for (const child of units.filter((u) => u.parentId === id)) visit(child.id);
  };
  visit(rootId);
  return found;
}

interface Values {
  unitId?: string;
  receivedOn: Dayjs;
  channel: ReportChannel;
  named: boolean;
  reporterName?: string;
  reporterContact?: string;
  reporterAddress?: string;
  summary: string;
  officerIds: string[];
  caseId?: string;
}

function body(v: Values, ownUnitId: string | undefined): ReceiveReportBody {
  return {
    ...(v.unitId && v.unitId !== ownUnitId ? { unitId: v.unitId } : {}),
    receivedOn: day(v.receivedOn),
    channel: v.channel,
    named: v.named,
    ...(v.named
      ? {
          reporter: {
            name: trim(v.reporterName),
            contact: trim(v.reporterContact),
            ...(trim(v.reporterAddress) ? { address: trim(v.reporterAddress) } : {}),
          },
        }
      : {}),
    summary: trim(v.summary),
    officerIds: v.officerIds,
    ...(v.caseId ? { caseId: v.caseId } : {}),
  };
}

export default function NewReportPage() {
  const navigate = useNavigate();
  const { hasRole, user } = useSession();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<File[]>([]);
  const [failed, setFailed] = useState<{ report: ReportDetail; failed: string[] } | null>(null);
  const petitions = hasRole('petitions');
  const officers = useFetch<Officer[]>(petitions ? '/api/v1/officers' : null);
  const cases = useFetch<CaseList>(petitions ? '/api/v1/cases?limit=200' : null);
  const units = useFetch<Unit[]>(petitions ? '/api/v1/units' : null);
  const handling = user ? subtree(units.data ?? [], user.unitId) : [];
  const named = Form.useWatch('named', form) ?? true;
  const chosen = Form.useWatch('officerIds', form) ?? [];

  const { busy, error, submit } = useSubmit(async (values: Values) => {
    const report = await post<ReportDetail>('/api/v1/reports', body(values, user?.unitId));
    const refused: string[] = [];
    for (const file of files) {
      try {
        await uploadAttachment(report, file);
      } catch (e) {
        refused.push(`${file.name}：${errorText(e)}`);
      }
    }
    if (refused.length > 0) setFailed({ report, failed: refused });
    else navigate(`/reports/${report.id}`);
  }, '登记失败，请稍后再试');

  if (!petitions) {
    return (
      <Card title="登记举报">
        <Alert
          type="info"
          showIcon
          title="登记举报由信访举报工作人员办理"
          description="您的账号没有信访举报工作人员角色。"
        />
      </Card>
    );
  }
  if (failed) {
    return (
      <Card title="举报已登记">
        <Alert
          type="warning"
          showIcon
          title={`举报${failed.report.number}已登记，但以下材料未能上传`}
          description={failed.failed.join('；')}
        />
        <div style={{ marginTop: 16 }}>
          <Link to={`/reports/${failed.report.id}`}>前往举报页面补传材料</Link>
        </div>
      </Card>
    );
  }

  // The cases of the officers chosen, once some are: the report concerns one of theirs.
  const caseOptions = (cases.data?.items ?? [])
    .filter((c) => chosen.length === 0 || chosen.includes(c.officer.id))
    .map((c) => ({ value: c.id, label: `${c.number} ${c.title}（${c.officer.displayName}）` }));

  return (
    <Card title="登记举报">
      <FormError error={error ?? officers.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ unitId: user?.unitId, receivedOn: dayjs(), named: true, officerIds: [] }}
        onFinish={(v) => void submit(v)}
      >
        <Row gutter={16}>
          <HalfItem label="来源渠道" name="channel" rules={[required('请选择来源渠道')]}>
            <Select options={CHANNEL_OPTIONS} placeholder="来信、来访、网络、电话、上级转办" />
          </HalfItem>
          <HalfItem label="受理日期" name="receivedOn" rules={[required('请选择受理日期')]}>
            <DatePicker
              style={{ width: '100%' }}
              format={DAY_FORMATS}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </HalfItem>
        </Row>
        {handling.length > 1 && (
          <Form.Item
            label="承办单位"
            name="unitId"
            extra="默认为本单位；由下级单位承办的，选择该单位。"
          >
            <Select options={handling.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        )}
        <Form.Item
          label="举报方式"
          name="named"
          extra="实名举报人的身份信息加密保存，仅信访举报工作人员可以查阅，每次查阅均记入审计日志。"
        >
          <Radio.Group
            options={[
              { value: true, label: '实名举报' },
              { value: false, label: '匿名举报' },
            ]}
          />
        </Form.Item>
        {named && (
          <Row gutter={16}>
            <HalfItem
              label="举报人姓名"
              name="reporterName"
              rules={[requiredText('请填写举报人姓名')]}
            >
              <Input maxLength={100} autoComplete="off" />
            </HalfItem>
            <HalfItem
              label="联系方式"
              name="reporterContact"
              rules={[requiredText('请填写举报人联系方式')]}
            >
              <Input maxLength={200} autoComplete="off" />
            </HalfItem>
            <HalfItem label="通讯地址（可选）" name="reporterAddress">
              <Input maxLength={500} autoComplete="off" />
            </HalfItem>
          </Row>
        )}
        <Form.Item
          label="被举报人"
          name="officerIds"
          rules={[
            required('请选择被举报的执法人员'),
            {
              type: 'array',
              max: MAX_REPORT_OFFICERS,
              message: `一件举报最多涉及 ${MAX_REPORT_OFFICERS} 名人员`,
            },
          ]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            loading={officers.loading}
            placeholder="本单位及下级单位的执法人员"
            options={(officers.data ?? []).map((o) => ({
              value: o.id,
              label: `${o.displayName}（${o.unitName}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          label="举报内容摘要"
          name="summary"
          rules={[requiredText('请填写举报内容摘要')]}
          extra="写明被举报人被反映的问题；请勿在此填写举报人的姓名、联系方式等可能识别举报人身份的信息。"
        >
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item
          label="关联容错案件（可选）"
          name="caseId"
          extra="举报涉及的容错纠错案件，或因举报启动核查的案件；也可在举报页面稍后关联。"
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={cases.loading}
            placeholder={chosen.length > 0 ? '被举报人的案件' : '本单位及下级单位的案件'}
            options={caseOptions}
          />
        </Form.Item>
        <EvidenceFiles
          label="举报材料"
          files={files}
          onChange={setFiles}
          sentWhen="登记后随即上传"
        />
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            登记
          </Button>
          <Button onClick={() => navigate('/reports')}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
