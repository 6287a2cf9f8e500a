// 公开认定结果: the scope, from the policy's list, and the text as it will be published
// (the officer's name already redacted by the server).

import { Descriptions, Form, Select, Typography } from 'antd';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { required } from '@shared/form-rules.ts';
import { ActionModal, useActionForm, type ActionFormProps } from './action-modal.tsx';

export function PublishModal({
  detail,
  ...props
}: ActionFormProps<{ scope: string }> & { detail: CaseDetail }) {
  const { scopes, defaultScope, preview } = detail.forms.publication;
  const { form, modal } = useActionForm(props, (v: { scope: string }) =>
    props.onSubmit({ scope: v.scope }),
  );
  const scope = Form.useWatch('scope', form);
  return (
    <ActionModal {...modal} title="公开认定结果" okText="公开" width={720}>
      <Form form={form} layout="vertical" initialValues={{ scope: defaultScope }}>
        <Form.Item label="公开范围" name="scope" rules={[required('请选择公开范围')]}>
          <Select options={scopes.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
      </Form>
      <Typography.Title level={5}>公开内容预览</Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'number', label: '案号', children: preview.number },
          { key: 'title', label: '事项', children: preview.title },
          { key: 'officer', label: '执法人员', children: preview.officer },
          { key: 'conduct', label: '履职行为', children: preview.conduct },
          { key: 'conclusion', label: '认定结论', children: preview.conclusion ?? '—' },
          { key: 'scope', label: '公开范围', children: scope ?? '—' },
        ]}
      />
    </ActionModal>
  );
}
