// 案件详情 (/cases/:id), loaded in one request: the header, the next step with the
// actions the API allows (in every state, so the reader always sees what comes next),
// and every record of the procedure: timeline, facts and evidence, assessment,
// determination with citations, decisions, notifications, publications, objections,
// corrections and error records. Each write answers with the case, which the page keeps.

import { Alert, Button, Card, Result, Skeleton, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { CaseAssessment } from './case-assessment.tsx';
import { CaseClassification } from './case-classification.tsx';
import { CaseDecisions } from './case-decisions.tsx';
import { CaseDeterminationSection } from './case-determination.tsx';
import { CaseFairness } from './case-fairness.tsx';
import { CaseFacts } from './case-facts.tsx';
import { CaseNotifications } from './case-notifications.tsx';
import { CaseOthers } from './case-others.tsx';
import { CaseSummary } from './case-summary.tsx';
import { CaseTimeline } from './case-timeline.tsx';
import { NextStepCard } from './next-step-card.tsx';
import { useCase } from './use-case.ts';
import { DocumentsPanel } from '../document/documents-panel.tsx';
import { CaseTypicalCard } from '../typical-case/case-typical-card.tsx';
import { SimilarCasesPanel } from '../typical-case/similar-cases-panel.tsx';

export default function CasePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { detail, error, write } = useCase(id);
  const [tab, setTab] = useState('timeline');

  if (error && !detail) {
    const missing = error.code === 'NOT_FOUND';
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? '案件不存在，或您无权查看' : '加载失败'}
        subTitle={error.message}
        extra={<Button onClick={() => navigate('/cases')}>返回案件列表</Button>}
      />
    );
  }
  if (!detail) return <Skeleton active paragraph={{ rows: 10 }} />;

  const unsent = detail.notifications.filter((n) => !n.sentOn).length;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error.message} role="alert" />}
      <CaseSummary detail={detail} />
      <CaseClassification detail={detail} write={write} />
      <NextStepCard detail={detail} write={write} onEvidence={() => setTab('facts')} />
      <CaseFairness detail={detail} write={write} />
      <CaseTypicalCard detail={detail} />
      <SimilarCasesPanel caseId={detail.id} version={detail.version} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'timeline', label: '办理经过', children: <CaseTimeline detail={detail} /> },
            {
              key: 'facts',
              label: `事实与证据（${detail.facts.length}）`,
              children: <CaseFacts detail={detail} write={write} />,
            },
            {
              key: 'assessment',
              label: '综合分析研判',
              children: <CaseAssessment detail={detail} />,
            },
            {
              key: 'determination',
              label: '认定意见',
              children: <CaseDeterminationSection detail={detail} />,
            },
            {
              key: 'decisions',
              label: '审核、回避与决定',
              children: <CaseDecisions detail={detail} />,
            },
            {
              key: 'notifications',
              label: unsent > 0 ? `告知（${unsent} 项未送达）` : '告知',
              children: <CaseNotifications detail={detail} />,
            },
            { key: 'others', label: '公开、异议与纠错', children: <CaseOthers detail={detail} /> },
            {
              key: 'documents',
              label: '公文',
              children: <DocumentsPanel owner="cases" id={detail.id} version={detail.version} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
