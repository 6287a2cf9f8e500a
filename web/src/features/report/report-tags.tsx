// A report's state, whether it is named, and how its feedback deadline stands, as
// coloured tags in the words the API sends: 已受理, 实名, 即将到期, 已逾期.

import { Space, Tag } from 'antd';
import { DueStatusTag } from '@shared/due-status-tag.tsx';
import type { ReportSummary } from '../../../../src/contract/report.schemas.ts';

const STATE_COLORS: Record<ReportSummary['state'], string> = {
  received: 'blue',
  found: 'purple',
  closed: 'green',
};

export function ReportStateTag({ r }: { r: Pick<ReportSummary, 'state' | 'stateLabel'> }) {
  return <Tag color={STATE_COLORS[r.state]}>{r.stateLabel}</Tag>;
}

export function NamedTag({ named }: { named: boolean }) {
  return named ? <Tag color="cyan">实名</Tag> : <Tag>匿名</Tag>;
}

export function ReportTags({ r }: { r: ReportSummary }) {
  return (
    <Space size={[4, 4]} wrap>
      <ReportStateTag r={r} />
      <DueStatusTag due={r} />
    </Space>
  );
}
