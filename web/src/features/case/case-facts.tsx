// 事实与证据: the facts recorded (each with its citation as a link to the article), the
// evidence files, and the upload where the reader may add one.

import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Form, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CaseDetail, CaseFact } from '../../../../src/contract/case.schemas.ts';
import { CompactTable, dateColumn } from '@shared/compact-table.tsx';
import { FormError } from '@shared/form-error.tsx';
import { chineseDateTime, fileSize } from '@shared/format.ts';
import { ANSWER_COLORS, answerKey } from '../determination/answer-form.tsx';
import { CitationText } from '../policy/citation-text.tsx';
import { uploadEvidence } from './case-writes.ts';
import { EvidenceUpload } from './evidence-upload.tsx';
import type { CaseWrite } from './use-case.ts';

export function CaseFacts({ detail, write }: { detail: CaseDetail; write: CaseWrite }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      {detail.allowedRecords.includes('fact') && (
        <Link to={`/cases/${detail.id}/interview`}>
          <Button type="primary">进入引导式询问，记录事实</Button>
        </Link>
      )}
      <CompactTable<CaseFact>
        rowKey="factId"
        rows={detail.facts}
        minWidth={640}
        empty="尚未记录事实"
        columns={[
          {
            title: '事实',
            key: 'fact',
            render: (_: unknown, f) => (
              <CitationText text={`${f.citation} ${f.text}`} policy={detail.policy} />
            ),
          },
          {
            title: '认定',
            key: 'value',
            width: 100,
            render: (_: unknown, f) => (
              <Tag color={ANSWER_COLORS[answerKey(f.value)]}>{f.valueLabel}</Tag>
            ),
          },
          { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
          dateColumn('记录时间', 'recordedAt', 180, chineseDateTime),
        ]}
      />
      <Typography.Title level={5}>证据</Typography.Title>
      <EvidenceList detail={detail} />
      {detail.allowedRecords.includes('evidence') && <EvidenceForm detail={detail} write={write} />}
    </Space>
  );
}

function EvidenceList({ detail }: { detail: CaseDetail }) {
  return (
    <List
      bordered
      dataSource={detail.evidence}
      locale={{ emptyText: '暂无证据' }}
      renderItem={(e) => (
        <List.Item
          actions={[
            <a
              key="download"
              href={`/api/v1/cases/${detail.id}/evidence/${e.id}`}
              download={e.filename}
            >
              <DownloadOutlined /> 下载
            </a>,
          ]}
        >
          <List.Item.Meta
            title={e.filename}
            description={
              <Space wrap size={[12, 0]}>
                <span>{fileSize(e.size)}</span>
                <span title={e.sha256}>SHA-256 {e.sha256.slice(0, 12)}…</span>
                {e.factCitation && <span>关联事实：{e.factCitation}</span>}
                {e.uploadedByName && <span>上传人：{e.uploadedByName}</span>}
                <span>{chineseDateTime(e.uploadedAt)}</span>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** Uploads a file at once, about one of the facts recorded or about the case as a whole. */
function EvidenceForm({ detail, write }: { detail: CaseDetail; write: CaseWrite }) {
  const { message } = App.useApp();
  const [factId, setFactId] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    const result = await write(uploadEvidence(detail, file, factId));
    setBusy(false);
    if (result.ok) void message.success(`已上传：${file.name}`);
    else setError(result.error);
  };
  return (
    <Form layout="vertical" style={{ maxWidth: 560 }}>
      <FormError error={error} />
      {/* Linking a file to a finding is the record keeper's; the applicant adds files. */}
      {detail.allowedRecords.includes('fact') && (
        <Form.Item label="关联事实（可选）" htmlFor="evidence-fact">
          <Select
            id="evidence-fact"
            allowClear
            value={factId}
            onChange={setFactId}
            placeholder="不关联具体事实"
            options={detail.facts.map((f) => ({
              value: f.factId,
              label: `${f.citation} ${f.text}`,
            }))}
          />
        </Form.Item>
      )}
      <EvidenceUpload
        label="上传证据文件"
        buttonText="选择文件并上传"
        busy={busy}
        onFile={(file) => file && void upload(file)}
      />
    </Form>
  );
}
