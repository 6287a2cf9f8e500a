// 案件详情 (/cases/:id): the header, the actions the API allows, and every record of the
// procedure: timeline, facts and evidence, assessment, determination with citations,
// decisions, notifications, publications, objections, corrections and error records.

import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, get } from '../api/client.ts';
import type { Unit } from '../api/types.ts';
import {
  ENFORCEMENT_ACTION_LABELS,
  CASE_ORIGIN_LABELS,
  type CaseOrigin,
  type EnforcementAction,
} from '../../../src/domain/case/case-state.ts';
import { CaseActions } from '../components/case-actions.tsx';
import { StateTag, type CaseDetail, type PolicyDetail } from '../components/case-data.tsx';
import {
  CaseAssessment,
  CaseDecisions,
  CaseDetermination,
  CaseFacts,
  CaseNotifications,
  CaseOthers,
  CaseTimeline,
  type SectionProps,
} from '../components/case-sections.tsx';
import { chineseDate } from '../format.ts';
import { useSession } from '../session.tsx';

export default function CasePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { user } = useSession();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [policy, setPolicy] = useState<PolicyDetail | null>(null);
  const [units, setUnits] = useState<Unit[]>([]);
  const [officerName, setOfficerName] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tab, setTab] = useState('timeline');

  const reload = useCallback(async () => {
    try {
      setDetail(await get<CaseDetail>(`/api/v1/cases/${id}`));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', '加载失败，请稍后重试'));
    }
  }, [id]);

  useEffect(() => {
    setDetail(null);
    void reload();
  }, [reload]);

  useEffect(() => {
    get<Unit[]>('/api/v1/units')
      .then(setUnits)
      .catch(() => setUnits([]));
  }, []);

  const policyKey = detail ? `${detail.policy.id}?version=${detail.policy.version}` : null;
  useEffect(() => {
    if (!policyKey) return;
    get<PolicyDetail>(`/api/v1/policies/${policyKey}`)
      .then(setPolicy)
      .catch(() => setPolicy(null));
  }, [policyKey]);

  const officerId = detail?.officerId;
  useEffect(() => {
    if (!officerId) return;
    get<{ officer: { display_name: string } }>(`/api/v1/officers/${officerId}/record`)
      .then((r) => setOfficerName(r.officer.display_name))
      .catch(() => setOfficerName(null));
  }, [officerId]);

  const unitName = useCallback(
    (uid: string) => units.find((u) => u.id === uid)?.name ?? '（单位）',
    [units],
  );
  const personName = useCallback(
    (pid: string | null) => {
      if (!pid) return null;
      if (pid === user?.id) return `${user.displayName}`;
      if (pid === officerId && officerName) return officerName;
      return null;
    },
    [user, officerId, officerName],
  );

  const sectionProps = useMemo<SectionProps | null>(
    () => (detail ? { detail, policy, unitName, officerName, personName } : null),
    [detail, policy, unitName, officerName, personName],
  );

  if (error && !detail) {
    return (
      <Result
        status={error.code === 'NOT_FOUND' ? '404' : 'error'}
        title={error.code === 'NOT_FOUND' ? '案件不存在，或您无权查看' : '加载失败'}
        subTitle={error.message}
        extra={<Button onClick={() => navigate('/cases')}>返回案件列表</Button>}
      />
    );
  }
  if (!detail || !sectionProps) return <Skeleton active paragraph={{ rows: 10 }} />;

  const unsent = detail.notifications.filter((n) => !n.sent_on).length;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error.message} role="alert" />}
      <Card>
        <Space wrap align="center" style={{ marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {detail.title}
          </Typography.Title>
          <StateTag state={detail.state} label={detail.stateLabel} />
        </Space>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
          items={[
            { key: 'number', label: '案号', children: detail.number },
            {
              key: 'policy',
              label: '制度',
              children: `${detail.policy.title}（第 ${detail.policy.version} 版）`,
            },
            {
              key: 'origin',
              label: '来源',
              children: CASE_ORIGIN_LABELS[detail.origin as CaseOrigin] ?? detail.origin,
            },
            { key: 'unit', label: '单位', children: unitName(detail.unitId) },
            { key: 'officer', label: '执法人员', children: officerName ?? '—' },
            {
              key: 'action',
              label: '执法行为类别',
              children:
                ENFORCEMENT_ACTION_LABELS[detail.enforcementAction as EnforcementAction] ??
                detail.enforcementAction,
            },
            { key: 'created', label: '提出日期', children: chineseDate(detail.createdAt) },
            ...(detail.objectionDue
              ? [
                  {
                    key: 'objectionDue',
                    label: '异议期限',
                    children: chineseDate(detail.objectionDue),
                  },
                ]
              : []),
            {
              key: 'conduct',
              label: '履职行为',
              span: 'filled' as const,
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{detail.conduct}</span>,
            },
          ]}
        />
      </Card>
      <CaseActions
        detail={detail}
        policy={policy}
        units={units}
        officerName={officerName}
        reload={reload}
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'timeline', label: '办理经过', children: <CaseTimeline {...sectionProps} /> },
            {
              key: 'facts',
              label: `事实与证据（${detail.facts.length}）`,
              children: <CaseFacts {...sectionProps} onChanged={() => void reload()} />,
            },
            {
              key: 'assessment',
              label: '综合分析研判',
              children: <CaseAssessment {...sectionProps} />,
            },
            {
              key: 'determination',
              label: '认定意见',
              children: <CaseDetermination {...sectionProps} />,
            },
            { key: 'decisions', label: '研究决定', children: <CaseDecisions {...sectionProps} /> },
            {
              key: 'notifications',
              label: unsent > 0 ? `告知（${unsent} 项未送达）` : '告知',
              children: <CaseNotifications {...sectionProps} />,
            },
            {
              key: 'others',
              label: '公开、异议与纠错',
              children: <CaseOthers {...sectionProps} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
