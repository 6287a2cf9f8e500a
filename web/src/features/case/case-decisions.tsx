// 研究决定: the review opinions before it (法制审核, 纪检监察), the people recused from
// the case (回避), the deciding body's decisions (and the review of an objection) with
// the members recused from each, and the related units told of them.

import { Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { chineseDate } from '@shared/format.ts';
import { ReviewOpinions } from './review-opinions.tsx';

/** The people recused from the case, how and why. */
export function CaseRecusals({ detail }: { detail: CaseDetail }) {
  if (detail.recusals.length === 0)
    return <Typography.Text type="secondary">无回避人员</Typography.Text>;
  return (
    <List
      size="small"
      bordered
      dataSource={detail.recusals}
      renderItem={(r) => (
        <List.Item>
          <Space wrap>
            <Typography.Text strong>{r.name}</Typography.Text>
            <Tag>{r.kindLabel}</Tag>
            <span>理由：{r.reason}</span>
            <Typography.Text type="secondary">{chineseDate(r.recordedAt)}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

export function CaseDecisions({ detail }: { detail: CaseDetail }) {
  const units = detail.notifications.filter((n) => n.recipientKind === 'unit');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <div>
        <Typography.Title level={5}>审核意见</Typography.Title>
        <ReviewOpinions detail={detail} />
      </div>
      <div>
        <Typography.Title level={5}>回避</Typography.Title>
        <CaseRecusals detail={detail} />
      </div>
      {detail.decisions.length === 0 && <Empty description="尚未作出研究决定" />}
      {detail.decisions.map((d) => (
        <Descriptions
          key={d.id}
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          title={d.onReview ? '异议复核决定' : '研究决定'}
          items={[
            { key: 'date', label: '会议日期', children: chineseDate(d.meetingDate) },
            { key: 'members', label: '参会人员', children: d.members.join('、') || '—' },
            ...(d.recusedMembers.length > 0
              ? [
                  {
                    key: 'recused',
                    label: '回避人员',
                    span: 2,
                    children: d.recusedMembers.map((m) => `${m.name}（${m.reason}）`).join('；'),
                  },
                ]
              : []),
            {
              key: 'conclusion',
              label: '认定结论',
              children: <Tag color="blue">{d.conclusionLabel}</Tag>,
            },
            { key: 'engine', label: '系统认定意见', children: d.engineOutcomeLabel ?? '—' },
            ...(d.departureReason
              ? [{ key: 'reason', label: '理由', span: 2, children: d.departureReason }]
              : []),
          ]}
        />
      ))}
      {units.length > 0 && (
        <Typography.Text type="secondary">
          相关单位：{units.map((n) => n.recipientName).join('、')}
        </Typography.Text>
      )}
    </Space>
  );
}
