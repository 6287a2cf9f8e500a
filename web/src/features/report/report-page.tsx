// 信访举报详情 (/reports/:id), loaded in one request: who is accused of what (each officer
// linked to their 履职档案, the linked case to its page), how and when the report came,
// its feedback deadline and how it was counted, the steps the reader may take now
// (`actions`), 查看举报人信息 for petitions staff, the finding, the answer to the reporter,
// a referral, the attachments and the clearances (澄清正名) decided on it. Each write
// answers with the report, which the page keeps. Never the reporter's identity: the
// server sends only whether there is one and whether the reader may open it.

import { Alert, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space } from 'antd';
import { Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import type { ReportDetail } from '../../../../src/contract/report.schemas.ts';
import { DueStatusTag } from '@shared/due-status-tag.tsx';
import { chineseDate, daysLeftText } from '@shared/format.ts';
import { ClearancesSection } from '../clearance/clearances-section.tsx';
import { AttachmentsSection } from './report-attachments.tsx';
import { ReportActions } from './report-actions.tsx';
import {
  ClosingSection,
  FindingSection,
  ReferralSection,
  SummarySection,
} from './report-records.tsx';
import { NamedTag, ReportStateTag } from './report-tags.tsx';
import { ReporterIdentityButton } from './reporter-identity.tsx';
import { useReport } from './use-report.ts';
import { DocumentsPanel } from '../document/documents-panel.tsx';

const NOT_FOUND = new Set(['REPORT_NOT_FOUND', 'NOT_FOUND']);

function FeedbackDue({ report }: { report: ReportDetail }) {
  if (!report.named) return <Typography.Text type="secondary">匿名举报不适用</Typography.Text>;
  return (
    <span data-testid="report-feedback-due" style={{ whiteSpace: 'nowrap' }}>
      {chineseDate(report.feedbackDue)}
      {report.state !== 'closed' && report.daysLeft !== null
        ? `（${daysLeftText(report.daysLeft)}）`
        : ''}
    </span>
  );
}

/** How the feedback limit was counted, under the header (a long line of its own). */
function FeedbackCounting({ report }: { report: ReportDetail }) {
  const { policy } = report;
  if (!report.named) return null;
  return (
    <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
      反馈期限：依{policy.article}，{policy.feedbackLimitText}
      {policy.feedbackCountingText ? `，${policy.feedbackCountingText}` : ''}
      {policy.feedbackNote ? `（${policy.feedbackNote}）` : ''}
    </Typography.Paragraph>
  );
}

function Header({ report }: { report: ReportDetail }) {
  return (
    <Card data-testid="report-header">
      <Space wrap align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          信访举报 {report.number}
        </Typography.Title>
        <ReportStateTag r={report} />
        <NamedTag named={report.named} />
        <DueStatusTag due={report} />
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        styles={{ label: { whiteSpace: 'nowrap' }, content: { minWidth: '5em' } }}
        items={[
          {
            key: 'officers',
            label: '被举报人',
            children: (
              <Space wrap size={[8, 0]} data-testid="report-officers" style={{ minWidth: '4em' }}>
                {report.officers.map((o) => (
                  <Link key={o.id} to={`/officers/${o.id}`}>
                    {o.name}
                  </Link>
                ))}
              </Space>
            ),
          },
          { key: 'unit', label: '承办单位', children: report.unit.name },
          { key: 'received', label: '受理日期', children: chineseDate(report.receivedOn) },
          { key: 'channel', label: '来源渠道', children: report.channelLabel },
          {
            key: 'case',
            label: '关联容错案件',
            children: report.caseId ? (
              <Link to={`/cases/${report.caseId}`} data-testid="report-case-link">
                {report.caseNumber}
              </Link>
            ) : (
              '未关联'
            ),
          },
          { key: 'due', label: '反馈期限', children: <FeedbackDue report={report} /> },
        ]}
      />
      <FeedbackCounting report={report} />
    </Card>
  );
}

export default function ReportPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { detail, error, write, reload } = useReport(id);

  if (error && !detail) {
    const missing = NOT_FOUND.has(error.code);
    return (
      <Result
        status={missing ? '404' : error.status === 403 ? '403' : 'error'}
        title={
          missing ? '举报不存在，或您无权查看' : error.status === 403 ? '无权查看' : '加载失败'
        }
        subTitle={error.message}
        extra={<Button onClick={() => navigate('/')}>返回工作台</Button>}
      />
    );
  }
  if (!detail) return <Skeleton active paragraph={{ rows: 10 }} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error.message} role="alert" />}
      <Header report={detail} />
      <Card size="small" title="办理" extra={<ReporterIdentityButton report={detail} />}>
        <ReportActions report={detail} write={write} reload={reload} />
      </Card>
      <SummarySection report={detail} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <FindingSection report={detail} />
        </Col>
        <Col xs={24} xl={12}>
          <ClosingSection report={detail} />
        </Col>
      </Row>
      <ReferralSection report={detail} />
      <ClearancesSection report={detail} />
      <AttachmentsSection report={detail} reload={reload} />
      <Card size="small" title="公文">
        <DocumentsPanel owner="reports" id={detail.id} version={detail.version} />
      </Card>
    </Space>
  );
}
