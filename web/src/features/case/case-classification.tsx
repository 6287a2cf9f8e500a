// 执法领域和错误类型 on the case page, for the reader who may still change them: the case's
// investigator or secretary, before the decision (the server says so: classification.
// mayClassify, with the choices of the case's policy version). The summary shows them to
// everyone; the write answers with the case.

import { Button, Card, Form, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import type { ClassificationBody } from '../../../../src/contract/classification.schemas.ts';
import { put } from '@shared/api-client.ts';
import { FormError } from '@shared/form-error.tsx';
import { required } from '@shared/form-rules.ts';
import type { CaseWrite } from './use-case.ts';

interface Values {
  field?: string;
  errorType?: string;
}

export function CaseClassification({ detail, write }: { detail: CaseDetail; write: CaseWrite }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { classification } = detail;
  if (!classification.mayClassify) return null;
  const missing = classification.field === null || classification.errorType === null;

  const save = async (values: Values) => {
    if (!values.field || !values.errorType) return;
    const body: ClassificationBody = {
      version: detail.version,
      field: values.field,
      errorType: values.errorType,
    };
    setBusy(true);
    const result = await write(
      put<CaseDetail>(`/api/v1/cases/${encodeURIComponent(detail.id)}/classification`, body),
    );
    setBusy(false);
    setError(result.ok ? null : result.error);
  };

  return (
    <Card title="执法领域和错误类型" size="small">
      <Typography.Paragraph type={missing ? 'warning' : 'secondary'}>
        {missing
          ? '提请研究决定前，须选定本案的执法领域和错误类型；同类问题频繁出现时，系统据此发出警示提醒。'
          : '作出决定前可以修改。'}
      </Typography.Paragraph>
      <FormError error={error} />
      <Form<Values>
        form={form}
        layout="inline"
        disabled={busy}
        onFinish={(v) => void save(v)}
        initialValues={{
          field: classification.field?.code,
          errorType: classification.errorType?.code,
        }}
      >
        <Space wrap>
          <Form.Item label="执法领域" name="field" rules={[required('请选择执法领域')]}>
            <Select
              style={{ minWidth: 200 }}
              options={classification.fields}
              placeholder="选择执法领域"
            />
          </Form.Item>
          <Form.Item label="错误类型" name="errorType" rules={[required('请选择错误类型')]}>
            <Select
              style={{ minWidth: 200 }}
              options={classification.errorTypes}
              placeholder="选择错误类型"
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              保存分类
            </Button>
          </Form.Item>
        </Space>
      </Form>
    </Card>
  );
}
