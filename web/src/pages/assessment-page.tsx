// 综合分析研判 (第十四条): the six factors, each a written finding saved on its own with
// the case version; shows which are still missing and the way back to the case page.

import { Alert, App, Button, Card, Col, Form, Input, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, put } from '../api/client.ts';
import {
  ASSESSMENT_FACTORS,
  ASSESSMENT_FACTOR_LABELS,
  type AssessmentFactor,
} from '../../../src/domain/case/case-state.ts';
import {
  CaseHeading,
  errorText,
  LoadFailed,
  PageLoading,
  ProvisionalResult,
  useCaseWithPolicy,
  type CaseDetail,
} from '../components/interview-case.tsx';

const HINTS: Record<AssessmentFactor, string> = {
  intent: '执法人员的主观动机、是否出于公心、有无谋取私利等',
  conditions: '当时的客观条件、执法环境、可利用的信息和资源等',
  procedure: '执法程序是否合法、方法是否适当',
  severity: '问题的性质、情节轻重',
  consequences: '造成的后果和影响',
  remedy: '是否主动采取措施挽回损失、消除影响',
};

function whyNoRecord(detail: CaseDetail): string {
  if (detail.state !== 'assessing')
    return `案件当前为“${detail.stateLabel}”，只有在综合分析研判中才能记录。调查核实完成后，方可进行综合分析研判。`;
  return '只有负责本案的调查人员可以记录综合分析研判。';
}

function FactorForm({
  factor,
  finding,
  disabled,
  saving,
  onSave,
}: {
  factor: AssessmentFactor;
  finding: string;
  disabled: boolean;
  saving: boolean;
  onSave(text: string): void;
}) {
  const [form] = Form.useForm<{ finding: string }>();
  const label = ASSESSMENT_FACTOR_LABELS[factor];
  return (
    <Form
      form={form}
      name={`assessment-${factor}`}
      layout="vertical"
      disabled={disabled || saving}
      initialValues={{ finding }}
      onFinish={(v) => onSave(v.finding.trim())}
    >
      <Form.Item
        name="finding"
        label={
          <Space size={4}>
            <span>{label}</span>
            {finding ? <Tag color="green">已记录</Tag> : <Tag color="gold">未记录</Tag>}
          </Space>
        }
        extra={HINTS[factor]}
        rules={[
          { required: true, whitespace: true, message: `请填写“${label}”的分析意见` },
          { max: 10000, message: '分析意见不能超过 10000 字' },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10000} />
      </Form.Item>
      <Button htmlType="submit" loading={saving} aria-label={`保存“${label}”`}>
        保存
      </Button>
    </Form>
  );
}

export default function AssessmentPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const { detail, error: loadError, reload } = useCaseWithPolicy(id);
  const [saving, setSaving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (loadError && !detail) return <LoadFailed message={loadError} onRetry={() => void reload()} />;
  if (!detail) return <PageLoading />;

  const canRecord = detail.allowedRecords.includes('assessment');
  const findingOf = (f: AssessmentFactor) =>
    detail.assessment.find((a) => a.factor === f)?.finding ?? '';
  const missing = ASSESSMENT_FACTORS.filter((f) => !findingOf(f).trim());

  const save = async (factor: AssessmentFactor, finding: string) => {
    if (saving) return;
    setSaving(factor);
    setError(null);
    try {
      await put(`/api/v1/cases/${detail.id}/assessment/${factor}`, {
        version: detail.version,
        finding,
      });
      await reload();
      void message.success(`已保存“${ASSESSMENT_FACTOR_LABELS[factor]}”`);
    } catch (e) {
      setError(errorText(e, '保存失败，请稍后再试'));
      if (e instanceof ApiError && e.code === 'STALE_VERSION') await reload();
    } finally {
      setSaving(null);
    }
  };

  return (
    <div data-case-version={detail.version}>
      <CaseHeading detail={detail} section="综合分析研判" />
      {!canRecord && (
        <Alert
          type="warning"
          showIcon
          title="当前不能记录综合分析研判"
          description={whyNoRecord(detail)}
          style={{ marginBottom: 16 }}
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error}
          closable={{ onClose: () => setError(null) }}
          style={{ marginBottom: 16 }}
        />
      )}
      <Alert
        type={missing.length ? 'info' : 'success'}
        showIcon
        data-testid="assessment-missing"
        title={
          missing.length
            ? `尚未记录 ${missing.length} 项：${missing.map((f) => ASSESSMENT_FACTOR_LABELS[f]).join('、')}`
            : '六个方面均已记录，可返回案件页面提请研究决定'
        }
        style={{ marginBottom: 16 }}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card title="综合分析研判（第十四条）">
            <Typography.Paragraph type="secondary">
              从主观、客观条件、程序方法、性质程度、后果影响、挽回损失六个方面分析，逐项保存。
            </Typography.Paragraph>
            <Space orientation="vertical" size={24} style={{ width: '100%' }}>
              {ASSESSMENT_FACTORS.map((f) => (
                <FactorForm
                  key={`${f}@${findingOf(f)}`}
                  factor={f}
                  finding={findingOf(f)}
                  disabled={!canRecord}
                  saving={saving === f}
                  onSave={(text) => void save(f, text)}
                />
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <ProvisionalResult evaluation={detail.evaluation} />
        </Col>
      </Row>
    </div>
  );
}
