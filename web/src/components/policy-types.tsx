// The policy API's shapes as the policy browser reads them (GET /api/v1/policies...),
// and the small pieces of text both tabs show.

import { Tag } from 'antd';

export type {
  DiffStatus,
  ItemSide,
  PolicyArticle,
  PolicyDetail,
  PolicyDiff,
  PolicyItem,
  PolicyParagraph,
  PolicyRule,
  PolicySummary,
} from '../api/policy-types.ts';
import type { DiffStatus, TimeLimit } from '../api/policy-types.ts';

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

export function limitText(limit: TimeLimit): string {
  return `${limit.days} 个${limit.counting === 'working' ? '工作日' : '自然日'}`;
}
