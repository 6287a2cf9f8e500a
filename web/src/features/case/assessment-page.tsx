// 综合分析研判 (第十四条): the six factors, each a written finding saved on its own with
// the case version; shows which are still missing and the way back to the case page.

import { Alert, App, Card, Col, Row, Space, Typography } from 'antd';
import type { AssessmentFactor } from '../../../../src/contract/labels.ts';
import { ProvisionalResult } from '../determination/provisional-result.tsx';
import { recordAssessment } from './case-writes.ts';
import { CaseLoading, CaseWorkPage } from './case-work-page.tsx';
import { FactorForm } from './factor-form.tsx';
import { useCaseWork } from './use-case-work.ts';

const BLOCKED = {
  title: '当前不能记录综合分析研判',
  hint: '调查核实完成后，由负责本案的调查人员进行综合分析研判。',
};

export default function AssessmentPage() {
  const { message } = App.useApp();
  const { detail, write, saving, save, loading, frame } =
    useCaseWork<AssessmentFactor>('assessment');
  if (!detail) return <CaseLoading {...loading} />;

  const missing = detail.assessment.filter((a) => !a.finding?.trim());
  const saveFinding = (factor: AssessmentFactor, label: string, finding: string) =>
    save(factor, async () => {
      const result = await write(recordAssessment(detail, factor, finding));
      if (!result.ok) return result.error;
      void message.success(`已保存“${label}”`);
      return null;
    });

  return (
    <CaseWorkPage detail={detail} section="综合分析研判" blocked={BLOCKED} {...frame}>
      <Alert
        type={missing.length ? 'info' : 'success'}
        showIcon
        data-testid="assessment-missing"
        title={
          missing.length
            ? `尚未记录 ${missing.length} 项：${missing.map((a) => a.label).join('、')}`
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
              {detail.assessment.map((a) => (
                <FactorForm
                  key={`${a.factor}@${a.finding ?? ''}`}
                  factor={a.factor}
                  label={a.label}
                  finding={a.finding ?? ''}
                  disabled={!detail.allowedRecords.includes('assessment')}
                  saving={saving === a.factor}
                  onSave={(text) => void saveFinding(a.factor, a.label, text)}
                />
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <ProvisionalResult evaluation={detail.evaluation} />
        </Col>
      </Row>
    </CaseWorkPage>
  );
}
