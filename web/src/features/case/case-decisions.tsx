// 研究决定: the deciding body's decisions (and the review of an objection), and the
// related units told of them.

import { Descriptions, Empty, Space, Tag, Typography } from 'antd';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { chineseDate } from '@shared/format.ts';

export function CaseDecisions({ detail }: { detail: CaseDetail }) {
  if (detail.decisions.length === 0) return <Empty description="尚未作出研究决定" />;
  const units = detail.notifications.filter((n) => n.recipientKind === 'unit');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
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
