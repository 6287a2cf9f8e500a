// Whether a ground holds on the facts recorded: 成立, 不成立, 尚待查明.

import { Tag } from 'antd';
import type { GroundExplanation } from '../../../../src/contract/case-determination.schemas.ts';

const STATE_TAGS: Record<GroundExplanation['state'], { color: string; label: string }> = {
  holds: { color: 'green', label: '成立' },
  fails: { color: 'default', label: '不成立' },
  unknown: { color: 'gold', label: '尚待查明' },
};

export function GroundStateTag({ state }: { state: GroundExplanation['state'] }) {
  return <Tag color={STATE_TAGS[state].color}>{STATE_TAGS[state].label}</Tag>;
}
