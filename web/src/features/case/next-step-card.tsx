// 下一步: at the top of the case page in every state, what comes next on the case, who
// takes it and by when, as the server says (CaseDetail.nextStep); with the buttons for
// it when it is the reader's, and the rights a party holds meanwhile. An ended case
// says why nothing comes next.

import { App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { REVIEW_KIND_LABELS, type ReviewKind } from '../../../../src/contract/labels.ts';
import { CaseActions } from './case-actions.tsx';
import { ReviewOpinionModal, type ReviewValues } from './case-fairness.tsx';
import { recordReview } from './fairness-writes.ts';
import type { CaseWrite } from './use-case.ts';

/** The records of the step the reader keeps elsewhere: the interview, the assessment, the facts tab. */
function RecordLinks({ detail, onEvidence }: { detail: CaseDetail; onEvidence: () => void }) {
  const { records } = detail.nextStep;
  return (
    <>
      {records.includes('fact') && (
        <Link to={`/cases/${detail.id}/interview`}>
          <Button type="primary">进入引导式询问，记录事实</Button>
        </Link>
      )}
      {records.includes('evidence') && <Button onClick={onEvidence}>上传证据</Button>}
      {records.includes('assessment') && (
        <Link to={`/cases/${detail.id}/assessment`}>
          <Button type="primary">记录综合分析研判</Button>
        </Link>
      )}
    </>
  );
}

/** The review opinions the reader owes (法制审核), each through the review's own form. */
function ReviewButtons({ detail, write }: { detail: CaseDetail; write: CaseWrite }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState<ReviewKind | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (kind: ReviewKind, v: ReviewValues) => {
    setBusy(true);
    setError(null);
    const result = await write(
      recordReview(detail, kind, {
        opinion: (v.opinion ?? '').trim(),
        agrees: v.agrees ?? true,
        reviewedOn: v.reviewedOn?.format('YYYY-MM-DD') ?? detail.forms.today,
      }),
    );
    setBusy(false);
    if (!result.ok) return setError(result.error);
    void message.success(`已记录${REVIEW_KIND_LABELS[kind]}`);
    setOpen(null);
  };
  return (
    <>
      {detail.nextStep.reviews.map((kind) => (
        <Button key={kind} type="primary" onClick={() => setOpen(kind)}>
          填写{REVIEW_KIND_LABELS[kind]}
        </Button>
      ))}
      {open && (
        <ReviewOpinionModal
          detail={detail}
          kind={open}
          error={error}
          busy={busy}
          onCancel={() => {
            setOpen(null);
            setError(null);
          }}
          onSubmit={(v) => submit(open, v)}
        />
      )}
    </>
  );
}

export function NextStepCard({
  detail,
  write,
  onEvidence,
}: {
  detail: CaseDetail;
  write: CaseWrite;
  /** Shows the facts and evidence tab, where the upload is. */
  onEvidence: () => void;
}) {
  const next = detail.nextStep;
  return (
    <section aria-label="下一步" data-testid="next-step">
      <Card
        size="small"
        title="下一步"
        extra={
          next.yours ? <Tag color="blue">由您办理</Tag> : next.ended ? null : <Tag>由他人办理</Tag>
        }
      >
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="next-step-title">
            {next.step}
          </Typography.Title>
          {next.detail && <Typography.Text type="secondary">{next.detail}</Typography.Text>}
          {!next.ended && (
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 1, md: 2 }}
              styles={{ label: { whiteSpace: 'nowrap' } }}
              items={[
                { key: 'who', label: '办理人', children: next.who?.name ?? '—' },
                {
                  key: 'when',
                  label: '期限',
                  children: <span data-testid="next-step-when">{next.when}</span>,
                },
              ]}
            />
          )}
          {next.rights.map((r) => (
            <Typography.Text key={r.action} type="secondary">
              {r.text}
            </Typography.Text>
          ))}
          <CaseActions detail={detail} write={write}>
            <RecordLinks detail={detail} onEvidence={onEvidence} />
            <ReviewButtons detail={detail} write={write} />
          </CaseActions>
        </Space>
      </Card>
    </section>
  );
}
