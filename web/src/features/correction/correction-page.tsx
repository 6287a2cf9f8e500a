// 纠错整改详情 (/corrections/:id), loaded in one request: the case it comes from and the
// articles it rests on (第十六条…), how its deadline stands, the steps the reader may
// take now (allowedActions), and every record: the 纠错通知, progress reports with their
// evidence, extensions, follow-ups, the claim, send-backs and the closing with lessons.
// Each write answers with the correction, which the page keeps.

import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Result,
  Row,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import type { CorrectionDetail } from '../../../../src/contract/correction.schemas.ts';
import { chineseDate, daysLeftText } from '@shared/format.ts';
import { CitationText } from '../policy/citation-text.tsx';
import { CorrectionActions } from './correction-actions.tsx';
import {
  ClosingSection,
  ExtensionsSection,
  FollowUpsSection,
  NoticeSection,
  ProgressSection,
} from './correction-records.tsx';
import { CorrectionTags } from './correction-tags.tsx';
import { useCorrection } from './use-correction.ts';
import { DocumentsPanel } from '../document/documents-panel.tsx';

const NOT_FOUND = new Set(['CORRECTION_NOT_FOUND', 'NOT_FOUND']);

function Header({ detail }: { detail: CorrectionDetail }) {
  const { citations } = detail;
  const open = detail.state !== 'completed' && detail.state !== 'cancelled';
  return (
    <Card data-testid="correction-header">
      <Space wrap align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          纠错整改：{detail.caseTitle}
        </Typography.Title>
        <CorrectionTags c={detail} />
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          {
            key: 'case',
            label: '案件',
            children: (
              <Link
                to={`/cases/${detail.caseId}`}
                data-testid="correction-case-link"
                style={{ whiteSpace: 'nowrap' }}
              >
                {detail.caseNumber}
              </Link>
            ),
          },
          { key: 'officer', label: '纠错对象', children: detail.officer.name },
          { key: 'unit', label: '单位', children: detail.unit.name },
          {
            key: 'notified',
            label: '通知下发日期',
            children: detail.notifiedOn ? chineseDate(detail.notifiedOn) : '尚未下发',
          },
          {
            key: 'due',
            label: '整改期限',
            children: (
              <span data-testid="correction-due">
                {chineseDate(detail.due)}
                {open && detail.daysLeft !== null ? `（${daysLeftText(detail.daysLeft)}）` : ''}
              </span>
            ),
          },
          ...(detail.closedOn
            ? [{ key: 'closed', label: '办结日期', children: chineseDate(detail.closedOn) }]
            : []),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        依据：
        <CitationText
          policy={{ id: detail.policyId, version: detail.policyVersion }}
          text={`${citations.correction}（纠错）、${citations.details}（纠错通知与整改）、${citations.followUp}（跟踪了解）`}
        />
      </Typography.Paragraph>
    </Card>
  );
}

export default function CorrectionPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { detail, error, write, patch } = useCorrection(id);

  if (error && !detail) {
    const missing = NOT_FOUND.has(error.code);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? '纠错事项不存在，或您无权查看' : '加载失败'}
        subTitle={error.message}
        extra={<Button onClick={() => navigate('/corrections')}>返回纠错整改列表</Button>}
      />
    );
  }
  if (!detail) return <Skeleton active paragraph={{ rows: 10 }} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error.message} role="alert" />}
      <Header detail={detail} />
      <Card size="small" title="办理">
        <CorrectionActions detail={detail} write={write} patch={patch} />
      </Card>
      <NoticeSection detail={detail} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ProgressSection detail={detail} />
        </Col>
        <Col xs={24} xl={12}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <ExtensionsSection detail={detail} />
            <FollowUpsSection detail={detail} />
          </Space>
        </Col>
      </Row>
      <ClosingSection detail={detail} />
      <Card size="small" title="公文">
        <DocumentsPanel owner="corrections" id={detail.id} version={detail.version} />
      </Card>
    </Space>
  );
}
