// One question of the determination interview: the fact's citation and text, its
// article in full (expandable), and the answer 是 / 否 / 尚不清楚 with a note and an
// optional evidence file, saved at once.

import { UploadOutlined } from '@ant-design/icons';
import { Button, Collapse, Form, Input, Radio, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import {
  EVIDENCE_CONTENT_TYPES,
  EVIDENCE_MAX_BYTES,
} from '../../../src/domain/case/case-records.ts';
import type { PolicyArticle, PolicyDetail, PolicyFact } from './interview-case.tsx';

export type AnswerValue = 'true' | 'false' | 'null';

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

export function answerKey(value: boolean | null): AnswerValue {
  return value === null ? 'null' : value ? 'true' : 'false';
}

const EXTENSIONS: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ofd: 'application/ofd',
  txt: 'text/plain',
};

/** The content type to send: the browser's, or by extension when it does not know (OFD). */
export function contentTypeOf(file: File): string {
  if (file.type && file.type in EVIDENCE_CONTENT_TYPES) return file.type;
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return EXTENSIONS[ext] ?? file.type;
}

export function articleOf(policy: PolicyDetail | null, number: number): PolicyArticle | null {
  for (const chapter of policy?.chapters ?? []) {
    const a = chapter.articles.find((x) => x.number === number);
    if (a) return a;
  }
  return null;
}

const CN_NUMBERS = '零一二三四五六七八九十';
function chineseNumber(n: number): string {
  if (n <= 10) return CN_NUMBERS[n] ?? String(n);
  if (n < 20) return `十${CN_NUMBERS[n - 10]}`;
  if (n < 100) return `${CN_NUMBERS[Math.floor(n / 10)]}十${n % 10 ? CN_NUMBERS[n % 10] : ''}`;
  return String(n);
}

/** The article as written, with the fact's own item marked. */
export function ArticleText({ article, factId }: { article: PolicyArticle; factId?: string }) {
  return (
    <div>
      <Typography.Text strong>
        第{chineseNumber(article.number)}条{article.topic ? `\u3000${article.topic}` : ''}
      </Typography.Text>
      {article.paragraphs.map((p, i) => (
        <div key={i} style={{ marginTop: 8 }}>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{p.text}</Typography.Paragraph>
          {p.items?.map((item) => (
            <Typography.Paragraph
              key={item.n}
              style={{
                marginBottom: 4,
                paddingLeft: 16,
                ...(factId && item.fact === factId
                  ? { background: '#fffbe6', borderLeft: '3px solid #faad14' }
                  : {}),
              }}
            >
              （{chineseNumber(item.n)}）{item.text}
            </Typography.Paragraph>
          ))}
        </div>
      ))}
    </div>
  );
}

interface AnswerFormProps {
  fact: PolicyFact;
  policy: PolicyDetail | null;
  initial?: { value: boolean | null; note: string | null };
  allowEvidence: boolean;
  saving: boolean;
  submitLabel?: string;
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
  onSave,
}: AnswerFormProps) {
  const [form] = Form.useForm<FormValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const article = articleOf(policy, fact.article);
  const domId = `fact-${fact.id.replace(/\W/g, '-')}`;

  const finish = (v: FormValues) => {
    const file = (files[0]?.originFileObj as File | undefined) ?? null;
    onSave({
      value: v.value === 'true' ? true : v.value === 'false' ? false : null,
      note: v.note?.trim() ? v.note.trim() : null,
      file,
    });
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ fontSize: 16, marginBottom: 0 }} id={`${domId}-q`}>
        <Typography.Text type="secondary">
          {fact.citation}
          {'\u3000'}
        </Typography.Text>
        {fact.text}
      </Typography.Paragraph>
      {article && (
        <Collapse
          size="small"
          items={[
            {
              key: 'article',
              label: `查看第${chineseNumber(fact.article)}条全文`,
              children: <ArticleText article={article} factId={fact.id} />,
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
          rules={[{ required: true, message: '请选择“是”“否”或“尚不清楚”' }]}
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
        <Form.Item
          label="说明（可选）"
          name="note"
          rules={[{ max: 5000, message: '说明不能超过 5000 字' }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={5000}
            placeholder="证据来源、查明经过等"
          />
        </Form.Item>
        {allowEvidence && (
          <Form.Item
            label="证据材料（可选）"
            extra="支持 PDF、JPEG、PNG、DOCX、OFD、TXT，不超过 20 MB"
            validateStatus={fileError ? 'error' : undefined}
            help={fileError ?? undefined}
          >
            <Upload
              accept=".pdf,.jpg,.jpeg,.png,.docx,.ofd,.txt"
              maxCount={1}
              fileList={files}
              beforeUpload={(file) => {
                if (file.size > EVIDENCE_MAX_BYTES) {
                  setFileError('证据文件超过 20 MB');
                  return Upload.LIST_IGNORE;
                }
                if (!(contentTypeOf(file) in EVIDENCE_CONTENT_TYPES)) {
                  setFileError('证据文件类型不允许（支持 PDF、JPEG、PNG、DOCX、OFD、TXT）');
                  return Upload.LIST_IGNORE;
                }
                setFileError(null);
                return false;
              }}
              onChange={({ fileList }) => setFiles(fileList.slice(-1))}
            >
              <Button icon={<UploadOutlined />}>选择文件</Button>
            </Upload>
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={saving}>
          {submitLabel}
        </Button>
      </Form>
    </Space>
  );
}
