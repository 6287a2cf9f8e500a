// On a published case's page: whether it is a typical case (典型案例), with a link to it,
// and for the deciding unit's secretary the button that marks it (标记为典型案例) or
// withdraws the mark with a reason. What the reader may do is the server's answer.

import { Button, Card, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import type { CaseTypicalStatus } from '../../../../src/contract/typical-case.schemas.ts';
import { api, post } from '@shared/api-client.ts';
import { FormError } from '@shared/form-error.tsx';
import { requiredText } from '@shared/form-rules.ts';
import { useFetch } from '@shared/use-fetch.ts';
import { useSubmit } from '@shared/use-submit.ts';
import { TypicalTags } from './typical-case-view.tsx';

export function CaseTypicalCard({ detail }: { detail: CaseDetail }) {
  const published = detail.publications.length > 0;
  const path = published ? `/api/v1/cases/${detail.id}/typical` : null;
  const status = useFetch<CaseTypicalStatus>(path);
  const { reload, update } = status;
  const [withdrawing, setWithdrawing] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  // A write on the case (an objection, say) may change what the reader may do.
  const seen = useRef(detail.version);
  useEffect(() => {
    if (seen.current === detail.version) return;
    seen.current = detail.version;
    if (published) reload();
  }, [detail.version, published, reload]);

  const marking = useSubmit(async () => {
    const next = await post<CaseTypicalStatus>(`/api/v1/cases/${detail.id}/typical`);
    update(() => next);
  });
  const withdrawal = useSubmit(async (reason: string) => {
    const next = await api<CaseTypicalStatus>('DELETE', `/api/v1/cases/${detail.id}/typical`, {
      reason,
    });
    update(() => next);
    setWithdrawing(false);
    form.resetFields();
  });

  const s = status.data;
  if (!s || (!s.typicalCase && !s.mayMark)) return null;
  return (
    <Card size="small" title="典型案例" data-testid="case-typical">
      <FormError error={marking.error} />
      {s.typicalCase ? (
        <Space wrap>
          <Tag color="gold">已列为典型案例</Tag>
          <TypicalTags typical={s.typicalCase} />
          <Link to={`/typical-cases/${s.typicalCase.id}`}>查看典型案例</Link>
          {s.mayWithdraw && (
            <Button danger onClick={() => setWithdrawing(true)}>
              撤销典型案例标记
            </Button>
          )}
        </Space>
      ) : (
        <Space wrap>
          <Typography.Text type="secondary">
            本案已公开，可作为典型案例供同类案件认定参考，典型案例文本为公示文本。
          </Typography.Text>
          <Button type="primary" loading={marking.busy} onClick={() => void marking.submit()}>
            标记为典型案例
          </Button>
        </Space>
      )}
      <Modal
        open={withdrawing}
        title="撤销典型案例标记"
        okText="撤销标记"
        okButtonProps={{ danger: true, loading: withdrawal.busy }}
        onCancel={() => setWithdrawing(false)}
        onOk={() => void form.validateFields().then((v) => withdrawal.submit(v.reason.trim()))}
        destroyOnHidden
      >
        <FormError error={withdrawal.error} />
        <Form form={form} layout="vertical">
          <Form.Item label="撤销理由" name="reason" rules={[requiredText('请填写撤销理由')]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
