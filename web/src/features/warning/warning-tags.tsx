// How a warning stands for its units: 待签收 while a unit has not acknowledged it, then
// 已签收; one tag per recipient unit where there are several.

import { Space, Tag } from 'antd';
import type { WarningSummary } from '../../../../src/contract/warning.schemas.ts';

export function WarningTags({ w }: { w: WarningSummary }) {
  const several = w.recipients.length > 1;
  return (
    <Space wrap size={[4, 4]}>
      {w.recipients.map((r) => (
        <Tag key={r.unit.id} color={r.acknowledged ? 'green' : 'orange'}>
          {several ? `${r.unit.name}：` : ''}
          {r.acknowledged ? '已签收' : '待签收'}
        </Tag>
      ))}
    </Space>
  );
}
