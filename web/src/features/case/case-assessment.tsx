// 综合分析研判 on the case page: the six findings as recorded, and the way to the
// assessment page where the reader may record them.

import { Button, Descriptions, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';

export function CaseAssessment({ detail }: { detail: CaseDetail }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {detail.allowedRecords.includes('assessment') && (
        <Link to={`/cases/${detail.id}/assessment`}>
          <Button type="primary">记录综合分析研判</Button>
        </Link>
      )}
      <Descriptions
        bordered
        column={1}
        size="small"
        items={detail.assessment.map((a) => ({
          key: a.factor,
          label: a.label,
          children: a.finding ?? <Typography.Text type="secondary">尚未记录</Typography.Text>,
        }))}
      />
    </Space>
  );
}
