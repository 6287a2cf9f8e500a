// 查看举报人信息: for petitions staff only (the server says whether the reader may, as
// `reporter.readable`). The identity is fetched on the click, shown in a dialog and
// forgotten when it closes; the server records every read in the audit log, and the
// dialog says so.

import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal } from 'antd';
import { useState } from 'react';
import type { ReportDetail, ReporterIdentity } from '../../../../src/contract/report.schemas.ts';
import { Loading } from '@shared/loading.tsx';
import { errorText } from '@shared/error-text.ts';
import { readReporter } from './report-writes.ts';

type Read = { identity: ReporterIdentity } | { error: string } | null;

export function ReporterIdentityButton({ report }: { report: ReportDetail }) {
  const [open, setOpen] = useState(false);
  const [read, setRead] = useState<Read>(null);
  if (!report.reporter.named || !report.reporter.readable) return null;

  const show = () => {
    setOpen(true);
    setRead(null);
    readReporter(report)
      .then((identity) => setRead({ identity }))
      .catch((e: unknown) => setRead({ error: errorText(e) }));
  };
  const close = () => {
    setOpen(false);
    setRead(null);
  };

  return (
    <>
      <Button icon={<EyeOutlined />} onClick={show}>
        查看举报人信息
      </Button>
      {open && (
        <Modal
          open
          title="举报人信息"
          onCancel={close}
          footer={<Button onClick={close}>关闭</Button>}
        >
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="本次查阅已记入审计日志"
            description="举报人身份信息严格保密，不得向被举报人或无关人员透露，不得写入举报摘要、案件材料或文书。"
          />
          {read === null && <Loading text="正在读取…" />}
          {read !== null && 'error' in read && (
            <Alert type="error" showIcon role="alert" title={read.error} />
          )}
          {read !== null && 'identity' in read && (
            <Descriptions
              size="small"
              column={1}
              bordered
              data-testid="reporter-identity"
              items={[
                { key: 'name', label: '姓名', children: read.identity.name },
                { key: 'contact', label: '联系方式', children: read.identity.contact },
                { key: 'address', label: '通讯地址', children: read.identity.address || '—' },
              ]}
            />
          )}
        </Modal>
      )}
    </>
  );
}
