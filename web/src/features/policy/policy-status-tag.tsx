// How an article, item or rule compares between two policies, as a coloured tag.

import { Tag } from 'antd';
import type { DiffStatus } from '../../../../src/contract/policy.schemas.ts';

const STATUS: Record<DiffStatus, { label: string; color: string }> = {
  same: { label: '相同', color: 'green' },
  changed: { label: '有变化', color: 'orange' },
  left_only: { label: '仅左侧有', color: 'blue' },
  right_only: { label: '仅右侧有', color: 'purple' },
};

export function PolicyStatusTag({ status }: { status: DiffStatus }) {
  const s = STATUS[status];
  return <Tag color={s.color}>{s.label}</Tag>;
}
