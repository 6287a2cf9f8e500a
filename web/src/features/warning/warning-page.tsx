// 警示提醒详情 (/warnings/:id): the rule that fired and what it found (the unit and error
// type, or the field across units), the cases behind it (each linked where the reader may
// open it), the units it is addressed to with their acknowledgements, and, for a unit of
// the reader's that has not answered, the form to acknowledge it with the measures it will
// take (防范措施, 第十八条 “防止类似错误和问题重复发生”).

import {
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Result,
  Select,
  Space,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router';
import type {
  AcknowledgementInput,
  WarningCase,
  WarningDetail,
  WarningRecipient,
} from '../../../../src/contract/warning.schemas.ts';
import { post } from '@shared/api-client.ts';
import { CompactTable } from '@shared/compact-table.tsx';
import { FormError } from '@shared/form-error.tsx';
import { maxChars, required, requiredText } from '@shared/form-rules.ts';
import { chineseDate, chineseDateTime } from '@shared/format.ts';
import { Loaded } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { useSubmit } from '@shared/use-submit.ts';
import { WarningTags } from './warning-tags.tsx';
import { DocumentsPanel } from '../document/documents-panel.tsx';

const CASE_COLUMNS = [
  {
    title: '案号',
    dataIndex: 'number',
    width: 190,
    render: (n: string, c: WarningCase) =>
      c.readable ? <Link to={`/cases/${c.id}`}>{n}</Link> : n,
  },
  { title: '案件', dataIndex: 'title', render: (t: string | null) => t ?? '（其他单位案件）' },
  { title: '单位', key: 'unit', width: 180, render: (_: unknown, c: WarningCase) => c.unit.name },
  {
    title: '执法领域',
    key: 'field',
    width: 120,
    render: (_: unknown, c: WarningCase) => c.field.label,
  },
  {
    title: '错误类型',
    key: 'errorType',
    width: 130,
    render: (_: unknown, c: WarningCase) => c.errorType.label,
  },
  {
    title: '决定日期',
    dataIndex: 'decidedOn',
    width: 130,
    render: (d: string) => chineseDate(d),
  },
];

const RECIPIENT_COLUMNS = [
  {
    title: '接收单位',
    key: 'unit',
    width: 180,
    render: (_: unknown, r: WarningRecipient) => r.unit.name,
  },
  {
    title: '签收情况',
    key: 'state',
    width: 180,
    render: (_: unknown, r: WarningRecipient) =>
      r.acknowledged
        ? `已签收（${r.acknowledgedBy?.displayName ?? ''}，${chineseDateTime(r.acknowledgedAt)}）`
        : '待签收',
  },
  {
    title: '防范措施',
    dataIndex: 'measures',
    render: (m: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{m ?? '—'}</span>,
  },
];

function AcknowledgeForm({
  warning,
  onDone,
}: {
  warning: WarningDetail;
  onDone: (next: WarningDetail) => void;
}) {
  const [form] = Form.useForm<{ unitId: string; measures: string }>();
  const units = warning.waitingForReader;
  const { busy, error, submit } = useSubmit(
    async (values: { unitId: string; measures: string }) => {
      const body: AcknowledgementInput = {
        measures: values.measures.trim(),
        ...(units.length > 1 ? { unitId: values.unitId } : {}),
      };
      const next = await post<WarningDetail>(
        `/api/v1/warnings/${encodeURIComponent(warning.id)}/acknowledgement`,
        body,
      );
      form.resetFields();
      onDone(next);
    },
    '签收失败，请稍后再试',
  );
  return (
    <Card title="签收警示提醒">
      <FormError error={error} />
      <Form
        form={form}
        layout="vertical"
        disabled={busy}
        onFinish={(v) => void submit(v)}
        initialValues={{ unitId: units[0]?.id, measures: '' }}
      >
        {units.length > 1 && (
          <Form.Item label="签收单位" name="unitId" rules={[required('请选择签收单位')]}>
            <Select options={units.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        )}
        <Form.Item
          label="防范措施"
          name="measures"
          extra="针对易错风险点和问题症结，写明本单位拟采取的措施，防止类似错误和问题重复发生。"
          rules={[requiredText('请填写防范措施'), maxChars('防范措施', 2000)]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={2000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          签收
        </Button>
      </Form>
    </Card>
  );
}

function WarningView({ w, update }: { w: WarningDetail; update: (next: WarningDetail) => void }) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space wrap align="center" style={{ marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {w.title}
          </Typography.Title>
          <WarningTags w={w} />
        </Space>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={[
            { key: 'kind', label: '警示种类', children: w.kindLabel },
            { key: 'rule', label: '警示规则', children: w.ruleText },
            ...(w.unit ? [{ key: 'unit', label: '单位', children: w.unit.name }] : []),
            ...(w.field ? [{ key: 'field', label: '执法领域', children: w.field.label }] : []),
            ...(w.errorType
              ? [{ key: 'errorType', label: '错误类型', children: w.errorType.label }]
              : []),
            {
              key: 'window',
              label: '统计期间',
              children: `${chineseDate(w.windowFrom)}至${chineseDate(w.windowTo)}（决定日期）`,
            },
            { key: 'raised', label: '发出时间', children: chineseDateTime(w.raisedAt) },
            { key: 'policy', label: '制度', children: w.policy.title },
          ]}
        />
      </Card>
      {w.waitingForReader.length > 0 && <AcknowledgeForm warning={w} onDone={update} />}
      <Card title={`所涉案件（${w.caseCount} 件）`}>
        <CompactTable rows={w.cases} columns={CASE_COLUMNS} minWidth={900} empty={<Empty />} />
      </Card>
      <Card title="接收单位及签收情况">
        <CompactTable
          rows={w.recipients}
          rowKey={(r: WarningRecipient) => r.unit.id}
          columns={RECIPIENT_COLUMNS}
          minWidth={720}
          empty={<Empty />}
        />
      </Card>
      <Card title="公文">
        <DocumentsPanel owner="warnings" id={w.id} />
      </Card>
    </Space>
  );
}

export default function WarningPage() {
  const { id = '' } = useParams();
  const { data, error, update } = useFetch<WarningDetail>(
    `/api/v1/warnings/${encodeURIComponent(id)}`,
  );
  if (error && !data)
    return (
      <Result
        status="404"
        title="警示提醒不存在，或不是发给本单位的"
        subTitle={error}
        extra={<Link to="/warnings">返回警示提醒</Link>}
      />
    );
  return (
    <Loaded data={data} error={null} page>
      {(w) => <WarningView w={w} update={(next) => update(() => next)} />}
    </Loaded>
  );
}
