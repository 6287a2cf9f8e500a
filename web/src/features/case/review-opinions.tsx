// The review opinions recorded before the decision (法制审核意见, 纪检监察意见), and those
// the policy requires that are still missing: shown to the secretary in the decision's
// form and to every reader on the case page.

import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { chineseDate } from '@shared/format.ts';

export function ReviewOpinions({ detail }: { detail: CaseDetail }) {
  const missing = detail.forms.fairness.reviews.filter((r) => r.required && !r.recorded);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {detail.reviews.map((r) => (
        <Descriptions
          key={r.kind}
          size="small"
          bordered
          column={1}
          title={r.label}
          items={[
            { key: 'opinion', label: '意见', children: r.opinion },
            {
              key: 'agrees',
              label: '对系统认定意见',
              children: r.agrees ? <Tag color="green">同意</Tag> : <Tag color="red">不同意</Tag>,
            },
            {
              key: 'by',
              label: '审核人员及日期',
              children: `${r.reviewerName}，${chineseDate(r.reviewedOn)}`,
            },
          ]}
        />
      ))}
      {detail.reviews.length === 0 && missing.length === 0 && (
        <Typography.Text type="secondary">暂无审核意见</Typography.Text>
      )}
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`尚未记录${missing.map((r) => r.label).join('、')}，记录后方可登记研究决定`}
        />
      )}
    </Space>
  );
}
