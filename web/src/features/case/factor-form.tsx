// One factor of 综合分析研判 (第十四条): its written finding, saved on its own.

import { Button, Form, Input, Space, Tag } from 'antd';
import type { AssessmentFactor } from '../../../../src/contract/labels.ts';
import { maxChars, requiredText } from '@shared/form-rules.ts';

const HINTS: Record<AssessmentFactor, string> = {
  intent: '执法人员的主观动机、是否出于公心、有无谋取私利等',
  conditions: '当时的客观条件、执法环境、可利用的信息和资源等',
  procedure: '执法程序是否合法、方法是否适当',
  severity: '问题的性质、情节轻重',
  consequences: '造成的后果和影响',
  remedy: '是否主动采取措施挽回损失、消除影响',
};

export function FactorForm({
  factor,
  label,
  finding,
  disabled,
  saving,
  onSave,
}: {
  factor: AssessmentFactor;
  label: string;
  finding: string;
  disabled: boolean;
  saving: boolean;
  onSave(text: string): void;
}) {
  const [form] = Form.useForm<{ finding: string }>();
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
        rules={[requiredText(`请填写“${label}”的分析意见`), maxChars('分析意见', 10000)]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10000} />
      </Form.Item>
      <Button htmlType="submit" loading={saving} aria-label={`保存“${label}”`}>
        保存
      </Button>
    </Form>
  );
}
