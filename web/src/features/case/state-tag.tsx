// A case's state as a coloured tag, in the words the API sends with it.

import { Tag } from 'antd';
import type { CaseState } from '../../../../src/contract/labels.ts';

const STATE_COLORS: Record<CaseState, string> = {
  submitted: 'blue',
  investigating: 'cyan',
  assessing: 'geekblue',
  awaiting_decision: 'purple',
  decided: 'gold',
  notified: 'orange',
  published: 'green',
  objection_review: 'magenta',
  closed: 'default',
  refused: 'red',
  withdrawn: 'default',
};

export function StateTag({ state, label }: { state: CaseState; label: string }) {
  return <Tag color={STATE_COLORS[state]}>{label}</Tag>;
}
