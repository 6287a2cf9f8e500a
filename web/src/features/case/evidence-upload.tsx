// The controls that pick evidence files, on the case page and in the interview (one file,
// sent at once) and on the application form (several, sent once the case exists): they
// offer the accepted types and refuse a file of another type or over the size limit
// before anything is sent (the server checks the same list again).

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

/** Why a file cannot be evidence, before it is sent; null when it may be. */
export function evidenceRefusal(file: File): string | null {
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
          const refused = evidenceRefusal(file);
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

/**
 * Several files chosen on a form and kept until it is sent (附件): each checked as it is
 * chosen, the refused ones named with the reason and left out.
 */
export function EvidenceFiles({
  label,
  files,
  onChange,
  sentWhen = '提交申请后随即上传',
}: {
  label: string;
  files: readonly File[];
  onChange: (files: File[]) => void;
  /** When the chosen files are sent, as the form's reader is told. */
  sentWhen?: string;
}) {
  const [errors, setErrors] = useState<string[]>([]);
  const listed: UploadFile[] = files.map((f, i) => ({
    uid: `${i}-${f.name}`,
    name: f.name,
    status: 'done',
    originFileObj: f as UploadFile['originFileObj'],
  }));
  return (
    <Form.Item
      label={label}
      extra={`可选。支持 ${EVIDENCE_TYPE_NAMES}，单个文件不超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB；${sentWhen}。`}
      validateStatus={errors.length > 0 ? 'error' : undefined}
      help={errors.length > 0 ? errors.join('；') : undefined}
    >
      <Upload
        accept={EVIDENCE_ACCEPT}
        multiple
        fileList={listed}
        beforeUpload={(file, batch) => {
          // Called once per file of a choice: the batch is checked as a whole at its first.
          if (file !== batch[0]) return false;
          const refused = batch
            .map((f) => [f, evidenceRefusal(f)] as const)
            .filter(([, why]) => why !== null);
          setErrors(refused.map(([f, why]) => `${f.name}：${why}`));
          const accepted = batch.filter((f) => evidenceRefusal(f) === null);
          onChange([...files, ...accepted]);
          return false;
        }}
        onRemove={(removed) => {
          onChange(files.filter((_, i) => `${i}-${files[i]!.name}` !== removed.uid));
          setErrors([]);
        }}
      >
        <Button icon={<UploadOutlined />}>选择附件</Button>
      </Upload>
    </Form.Item>
  );
}
