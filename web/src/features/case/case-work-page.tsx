// The frame of the pages where an investigator records on a case (the interview, the
// assessment): the way back, the case's number, title and state, why the reader may
// not record now, and the refusal of the last save. Carries the case's version, which
// changes with each save's answer.

import { Alert, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import type { RecordKind } from '../../../../src/contract/labels.ts';
import { FormError } from '@shared/form-error.tsx';
import { LoadFailed, Loading } from '@shared/loading.tsx';
import { StateTag } from './state-tag.tsx';

/** The case is not there yet: loading, or failed to. */
export function CaseLoading({ error, onRetry }: { error: string | null; onRetry: () => void }) {
  return error ? <LoadFailed message={error} onRetry={onRetry} /> : <Loading page />;
}

export function CaseWorkPage({
  detail,
  section,
  record,
  blocked,
  error,
  onCloseError,
  children,
}: {
  detail: CaseDetail;
  section: string;
  /** The kind of record the page keeps; the server says why the reader may not keep it now. */
  record: RecordKind;
  /** What the warning says when the reader may not record, and what they may still do. */
  blocked: { title: string; hint: string };
  error: string | null;
  onCloseError: () => void;
  children: ReactNode;
}) {
  const refusal = detail.recordRefusals[record];
  return (
    <div data-case-version={detail.version}>
      <Space orientation="vertical" size={4} style={{ width: '100%', marginBottom: 16 }}>
        <Link to={`/cases/${detail.id}`}>← 返回案件页面</Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {section}
        </Typography.Title>
        <Space wrap>
          <Typography.Text strong>{detail.number}</Typography.Text>
          <Typography.Text>{detail.title}</Typography.Text>
          <StateTag state={detail.state} label={detail.stateLabel} />
        </Space>
      </Space>
      {refusal && (
        <Alert
          type="warning"
          showIcon
          title={blocked.title}
          description={`${refusal}。${blocked.hint}`}
          style={{ marginBottom: 16 }}
        />
      )}
      <FormError error={error} onClose={onCloseError} />
      {children}
    </div>
  );
}
