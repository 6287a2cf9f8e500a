// A correction's state and how its deadline stands, as coloured tags in the words the API
// sends: 整改中, 即将到期, 已逾期, 延期待审批.

import { Space, Tag } from 'antd';
import { DueStatusTag } from '@shared/due-status-tag.tsx';
import type { CorrectionSummary } from '../../../../src/contract/correction.schemas.ts';
import type { CorrectionState } from '../../../../src/contract/labels.ts';

const STATE_COLORS: Record<CorrectionState, string> = {
  opened: 'blue',
  in_progress: 'processing',
  completion_claimed: 'purple',
  completed: 'green',
  cancelled: 'default',
};

export function CorrectionStateTag({ state, label }: { state: CorrectionState; label: string }) {
  return <Tag color={STATE_COLORS[state]}>{label}</Tag>;
}

/** The state, how the deadline stands and a pending extension request, side by side. */
export function CorrectionTags({ c }: { c: CorrectionSummary }) {
  return (
    <Space size={[4, 4]} wrap>
      <CorrectionStateTag state={c.state} label={c.stateLabel} />
      <DueStatusTag due={c} />
      {c.pendingExtension && <Tag color="orange">延期待审批</Tag>}
    </Space>
  );
}
