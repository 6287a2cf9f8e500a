// One question of the determination interview: which part of its article the fact is
// (第四条条件（一）, 第十条第（一）项但书) and the question in the article's words, its
// article in full (expandable), and the answer 是 / 否 / 尚不清楚 with a note and an
// optional evidence file, saved at once. After a save the next question takes the focus.

import { Button, Collapse, Form, Input, Radio, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { PolicyDetail, PolicyFact } from '../../../../src/contract/policy.schemas.ts';
import { maxChars, required } from '@shared/form-rules.ts';
import { EvidenceUpload } from '../case/evidence-upload.tsx';
import { ArticleText, findArticle } from '../policy/article-text.tsx';

type AnswerValue = 'true' | 'false' | 'null';

export interface Answer {
  value: boolean | null;
  note: string | null;
  file: File | null;
}

export const ANSWER_LABELS: Record<AnswerValue, string> = {
  true: '是',
  false: '否',
  null: '尚不清楚',
};

/** The colour of an answer's tag: 尚不清楚 stands out. */
export const ANSWER_COLORS: Record<AnswerValue, string> = {
  true: 'green',
  false: 'default',
  null: 'gold',
};

export function answerKey(value: boolean | null): AnswerValue {
  return value === null ? 'null' : value ? 'true' : 'false';
}

interface AnswerFormProps {
  fact: PolicyFact;
  policy: PolicyDetail;
  initial?: { value: boolean | null; note: string | null };
  allowEvidence: boolean;
  saving: boolean;
  submitLabel?: string;
  /** Focus the question when it appears (the next question after a save). */
  autoFocus?: boolean;
  onSave(answer: Answer): void;
}

interface FormValues {
  value?: AnswerValue;
  note?: string;
}

/** The question and its answer form. */
export function AnswerForm({
  fact,
  policy,
  initial,
  allowEvidence,
  saving,
  submitLabel = '保存回答',
  autoFocus = false,
  onSave,
}: AnswerFormProps) {
  const [form] = Form.useForm<FormValues>();
  const [file, setFile] = useState<File | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (autoFocus) heading.current?.focus();
  }, [autoFocus]);
  const article = findArticle(policy, (a) => a.number === fact.article);
  const domId = `fact-${fact.id.replace(/\W/g, '-')}`;

  const finish = (v: FormValues) =>
    onSave({
      value: v.value === 'true' ? true : v.value === 'false' ? false : null,
      note: v.note?.trim() ? v.note.trim() : null,
      file,
    });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <h3
        ref={heading}
        tabIndex={-1}
        id={`${domId}-q`}
        data-fact={fact.id}
        style={{ fontSize: 16, fontWeight: 'normal', margin: 0, outlineOffset: 4 }}
      >
        <Typography.Text strong>{fact.label}</Typography.Text>
        {'\u3000'}
        {fact.question}
      </h3>
      {article && (
        <Collapse
          size="small"
          items={[
            {
              key: 'article',
              label: `查看${article.citation}全文`,
              children: (
                <>
                  <Typography.Text strong>
                    {article.citation}
                    {article.topic ? `\u3000${article.topic}` : ''}
                  </Typography.Text>
                  <ArticleText article={article} marked={(item) => item.fact === fact.id} />
                </>
              ),
            },
          ]}
        />
      )}
      <Form<FormValues>
        form={form}
        name={`${domId}-${submitLabel === '保存回答' ? 'ask' : 'edit'}`}
        layout="vertical"
        disabled={saving}
        initialValues={initial ? { value: answerKey(initial.value), note: initial.note ?? '' } : {}}
        onFinish={finish}
      >
        <Form.Item
          label="该情形是否属实"
          name="value"
          rules={[required('请选择“是”“否”或“尚不清楚”')]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            aria-labelledby={`${domId}-q`}
            options={(['true', 'false', 'null'] as const).map((k) => ({
              value: k,
              label: ANSWER_LABELS[k],
            }))}
          />
        </Form.Item>
        <Form.Item label="说明（可选）" name="note" rules={[maxChars('说明', 5000)]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={5000}
            placeholder="证据来源、查明经过等"
          />
        </Form.Item>
        {allowEvidence && (
          <EvidenceUpload label="证据材料（可选）" buttonText="选择文件" keep onFile={setFile} />
        )}
        <Button type="primary" htmlType="submit" loading={saving}>
          {submitLabel}
        </Button>
      </Form>
    </Space>
  );
}
