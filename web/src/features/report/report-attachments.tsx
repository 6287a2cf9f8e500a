// 举报材料: the report's files, each downloadable; petitions staff add one at a time while
// the report is open (`attach` among its actions). Each upload moves the report's version
// on, so the page reads the report again: the next write sends the new version.

import { DownloadOutlined } from '@ant-design/icons';
import { App, Card, List, Typography } from 'antd';
import { useState } from 'react';
import type { ReportDetail } from '../../../../src/contract/report.schemas.ts';
import { errorText } from '@shared/error-text.ts';
import { chineseDate, fileSize } from '@shared/format.ts';
import { EvidenceUpload } from '../case/evidence-upload.tsx';
import { attachmentHref, uploadAttachment } from './report-writes.ts';

export function AttachmentsSection({
  report,
  reload,
}: {
  report: ReportDetail;
  reload: () => Promise<void>;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const send = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    try {
      await uploadAttachment(report, file);
      await reload();
      void message.success(`已上传${file.name}`);
    } catch (e) {
      void message.error(`${file.name}未能上传：${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={`举报材料（${report.attachments.length}）`} size="small">
      <List
        dataSource={report.attachments}
        locale={{ emptyText: <Typography.Text type="secondary">尚无举报材料</Typography.Text> }}
        renderItem={(a) => (
          <List.Item data-testid="report-attachment">
            {report.withheld ? (
              // The server names the file 举报材料N and refuses it to this reader.
              <Typography.Text>
                {a.fileName}
                <Typography.Text type="secondary">
                  （仅承办的信访举报工作人员可以查阅）
                </Typography.Text>
              </Typography.Text>
            ) : (
              <a href={attachmentHref(report, a.id)} download={a.fileName}>
                <DownloadOutlined /> {a.fileName}
              </a>
            )}
            <Typography.Text type="secondary">
              {fileSize(a.size)}，{a.uploadedBy.name}于{chineseDate(a.uploadedAt)}上传
            </Typography.Text>
          </List.Item>
        )}
      />
      {report.actions.includes('attach') && (
        <div style={{ marginTop: 12 }}>
          <EvidenceUpload label="上传举报材料" buttonText="选择文件" busy={busy} onFile={send} />
        </div>
      )}
    </Card>
  );
}
