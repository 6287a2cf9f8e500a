// The records of a report, each as the server sends it: what it accuses the officers of,
// the finding (with the malice named and the decided 容错 case), the answer to the
// reporter (feedback, or the explanation of an anonymous report) and the closing, and a
// referral to the 纪检监察 organs.

import { Card, Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import type { ReportDetail } from '../../../../src/contract/report.schemas.ts';
import { chineseDate } from '@shared/format.ts';
import { Pre } from '@shared/pre.tsx';

const LABEL_STYLE = { label: { whiteSpace: 'nowrap' as const, width: '9em' } };

export function SummarySection({ report }: { report: ReportDetail }) {
  return (
    <Card title="举报内容摘要" size="small">
      <Typography.Paragraph style={{ margin: 0 }}>
        <Pre>{report.summary}</Pre>
      </Typography.Paragraph>
    </Card>
  );
}

export function FindingSection({ report }: { report: ReportDetail }) {
  const f = report.finding;
  return (
    <Card title="查处结论" size="small" data-testid="report-finding">
      {f === null ? (
        <Typography.Text type="secondary">尚未查结。</Typography.Text>
      ) : (
        <Descriptions
          size="small"
          column={1}
          styles={LABEL_STYLE}
          items={[
            { key: 'finding', label: '查处结论', children: f.findingLabel },
            ...(f.maliceLabel
              ? [{ key: 'malice', label: '恶意举报情形', children: f.maliceLabel }]
              : []),
            ...(f.decidedCase
              ? [
                  {
                    key: 'case',
                    label: '容错免责决定',
                    children: (
                      <Link to={`/cases/${f.decidedCase.id}`}>
                        {f.decidedCase.number}
                        {f.decidedCase.conclusionLabel
                          ? `（${f.decidedCase.conclusionLabel}）`
                          : ''}
                      </Link>
                    ),
                  },
                ]
              : []),
            { key: 'reasons', label: '查处理由', children: <Pre>{f.reasons}</Pre> },
            { key: 'foundOn', label: '查结日期', children: chineseDate(f.foundOn) },
          ]}
        />
      )}
    </Card>
  );
}

/**
 * In place of what may carry the reporter's identity (the feedback, the referral's note),
 * for a reader who does not handle the report: the server sends none of it.
 */
export function Withheld() {
  return (
    <Typography.Text type="secondary">
      （可能载有举报人身份信息，仅承办的信访举报工作人员可以查阅）
    </Typography.Text>
  );
}

export function ClosingSection({ report }: { report: ReportDetail }) {
  const c = report.closing;
  const empty = report.named ? '尚未向举报人反馈。' : '尚未说明情况。';
  return (
    <Card
      title={report.named ? '反馈与办结' : '说明情况与办结'}
      size="small"
      data-testid="report-closing"
    >
      {c === null ? (
        <Typography.Text type="secondary">{empty}</Typography.Text>
      ) : (
        <Descriptions
          size="small"
          column={1}
          styles={LABEL_STYLE}
          items={[
            ...(c.feedback
              ? [
                  { key: 'channel', label: '反馈方式', children: c.feedback.channelLabel },
                  {
                    key: 'content',
                    label: '反馈内容',
                    children:
                      c.feedback.content === null ? <Withheld /> : <Pre>{c.feedback.content}</Pre>,
                  },
                  ...(c.feedback.lateReason
                    ? [
                        {
                          key: 'late',
                          label: '逾期原因',
                          children: <Pre>{c.feedback.lateReason}</Pre>,
                        },
                      ]
                    : []),
                ]
              : []),
            ...(c.explanation
              ? [
                  { key: 'scope', label: '说明范围', children: c.explanation.scopeLabel },
                  {
                    key: 'content',
                    label: '说明内容',
                    children: <Pre>{c.explanation.content}</Pre>,
                  },
                ]
              : []),
            ...(c.closeReason
              ? [{ key: 'reason', label: '办结说明', children: <Pre>{c.closeReason}</Pre> }]
              : []),
            { key: 'closed', label: '办结日期', children: chineseDate(c.closedOn) },
          ]}
        />
      )}
    </Card>
  );
}

export function ReferralSection({ report }: { report: ReportDetail }) {
  const r = report.referral;
  if (r === null) return null;
  return (
    <Card title="移送纪检监察" size="small" data-testid="report-referral">
      <Descriptions
        size="small"
        column={1}
        styles={LABEL_STYLE}
        items={[
          { key: 'on', label: '移送日期', children: chineseDate(r.referredOn) },
          { key: 'to', label: '移送机关', children: r.referredTo },
          ...(r.note
            ? [{ key: 'note', label: '移送说明', children: <Pre>{r.note}</Pre> }]
            : report.withheld
              ? [{ key: 'note', label: '移送说明', children: <Withheld /> }]
              : []),
        ]}
      />
    </Card>
  );
}
