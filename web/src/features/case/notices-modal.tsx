// 送达告知: each notification with its due date, sent one at a time; the list follows
// the case the write answers with.

import { Button, List, Modal, Space } from 'antd';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { FormError } from '@shared/form-error.tsx';
import { DueDate, DueTag } from './case-notifications.tsx';

export function NoticesModal({
  detail,
  error,
  busy,
  onClose,
  onSend,
}: {
  detail: CaseDetail;
  error: string | null;
  /** What is being sent: `send_notification:<id>`, or another step. */
  busy: string | null;
  onClose: () => void;
  onSend: (notificationId: string) => void;
}) {
  return (
    <Modal
      open
      title="送达告知"
      onCancel={onClose}
      footer={<Button onClick={onClose}>关闭</Button>}
      width={720}
    >
      <FormError error={error} />
      <List
        dataSource={detail.notifications}
        renderItem={(n) => (
          <List.Item
            actions={
              n.sentOn
                ? []
                : [
                    <Button
                      key="send"
                      type="primary"
                      loading={busy === `send_notification:${n.id}`}
                      disabled={busy !== null}
                      onClick={() => onSend(n.id)}
                    >
                      送达
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={n.recipientName}
              description={
                <Space wrap>
                  <DueDate n={n} prefix="截止 " />
                  <DueTag n={n} />
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}
