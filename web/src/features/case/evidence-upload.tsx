// The one control that picks an evidence file, on the case page and in the interview:
// it offers the accepted types and refuses a file of another type or over the size
// limit before anything is sent (the server checks the same list again).

import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import {
  EVIDENCE_ACCEPT,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_TYPE_NAMES,
  evidenceContentType,
  isEvidenceType,
} from '../../../../src/contract/evidence.ts';
import { messageFor } from '@shared/error-messages.ts';

function refusal(file: File): string | null {
  if (file.size > EVIDENCE_MAX_BYTES) return messageFor('EVIDENCE_TOO_LARGE');
  if (!isEvidenceType(evidenceContentType(file.name, file.type)))
    return messageFor('EVIDENCE_TYPE_NOT_ALLOWED');
  return null;
}

export function EvidenceUpload({
  label,
  buttonText,
  busy = false,
  keep = false,
  onFile,
}: {
  label: string;
  buttonText: string;
  busy?: boolean;
  /** Keep the chosen file listed until the form is saved, instead of handing it on at once. */
  keep?: boolean;
  /** The chosen file; null when a kept file is removed. */
  onFile: (file: File | null) => void;
}) {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  return (
    <Form.Item
      label={label}
      extra={`支持 ${EVIDENCE_TYPE_NAMES}，单个文件不超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`}
      validateStatus={error ? 'error' : undefined}
      help={error ?? undefined}
    >
      <Upload
        accept={EVIDENCE_ACCEPT}
        maxCount={1}
        showUploadList={keep}
        fileList={keep ? files : []}
        beforeUpload={(file) => {
          const refused = refusal(file);
          setError(refused);
          if (refused) return Upload.LIST_IGNORE;
          if (!keep) onFile(file);
          return false;
        }}
        onChange={({ fileList }) => {
          if (!keep) return;
          const kept = fileList.slice(-1);
          setFiles(kept);
          onFile((kept[0]?.originFileObj as File | undefined) ?? null);
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          {buttonText}
        </Button>
      </Upload>
    </Form.Item>
  );
}
