// 公开认定结果: the scope, from the policy's list, and the text to publish: the server's
// draft, composed from the case with personal information masked, which the secretary may
// edit. What was masked is listed and highlighted; the server checks the text again and
// refuses one that brings personal information back.

import { Alert, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import type { PublicationRedaction } from '../../../../src/contract/publication.schemas.ts';
import { required } from '@shared/form-rules.ts';
import { ActionModal, useActionForm, type ActionFormProps } from './action-modal.tsx';

interface PublishValues {
  scope: string;
  text: string;
}

/** The text with every mask the server made highlighted where it still stands. */
function highlighted(text: string, masks: readonly string[]): ReactNode[] {
  const unique = [...new Set(masks)].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return [text];
  const pattern = new RegExp(
    `(${unique.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
    'g',
  );
  return text.split(pattern).map((part, i) =>
    i % 2 === 1 ? (
      <mark key={i} style={{ background: '#ffe58f', padding: 0 }}>
        {part}
      </mark>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

function RedactionList({ redactions }: { redactions: readonly PublicationRedaction[] }) {
  if (redactions.length === 0)
    return <Typography.Text type="secondary">未发现需要隐去的个人信息。</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap aria-label="已隐去的个人信息">
      {redactions.map((r, i) => (
        <Tag key={i} color="gold">
          {r.kindLabel}：{r.masked}
        </Tag>
      ))}
    </Space>
  );
}

export function PublishModal({
  detail,
  ...props
}: ActionFormProps<{ scope: string; text: string }> & { detail: CaseDetail }) {
  const { scopes, defaultScope, draft, periodText } = detail.forms.publication;
  const { form, modal } = useActionForm(props, (v: PublishValues) =>
    props.onSubmit({ scope: v.scope, text: v.text }),
  );
  const text = Form.useWatch('text', form) ?? draft?.text ?? '';
  const masks = (draft?.redactions ?? []).map((r) => r.masked);
  return (
    <ActionModal {...modal} title="公开认定结果" okText="公开" width={800}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ scope: defaultScope, text: draft?.text ?? '' }}
      >
        <Form.Item label="公开范围" name="scope" rules={[required('请选择公开范围')]}>
          <Select options={scopes.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          公示期为自公开之日起 {periodText}。
        </Typography.Paragraph>
        <Form.Item label="已自动隐去的个人信息">
          <RedactionList redactions={draft?.redactions ?? []} />
        </Form.Item>
        <Form.Item
          label="公示文本（可修改；不得含有姓名、身份证号、电话、住址等个人信息）"
          name="text"
          rules={[required('请填写公示文本')]}
        >
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 16 }} maxLength={10_000} />
        </Form.Item>
      </Form>
      <Typography.Title level={5}>公示预览</Typography.Title>
      <Alert
        type="info"
        title="黄色标出的是已隐去的个人信息"
        style={{ marginBottom: 8 }}
        showIcon
      />
      <div
        data-testid="publication-preview"
        style={{
          whiteSpace: 'pre-wrap',
          border: '1px solid #f0f0f0',
          borderRadius: 6,
          padding: 12,
          lineHeight: 1.8,
        }}
      >
        {highlighted(text, masks)}
      </div>
    </ActionModal>
  );
}
