// How a deadline stands, as the server finds it against today in China: 即将到期 (gold)
// or 已逾期 (red), nothing while it is far. Used for a correction's due date and a
// report's feedback deadline alike.

import { Tag } from 'antd';
import type { DeadlineStatus } from '../../../src/contract/labels.ts';

export interface DueStatus {
  readonly dueStatus: DeadlineStatus | null;
  readonly dueStatusLabel: string | null;
}

export function DueStatusTag({ due }: { due: DueStatus }) {
  if (due.dueStatus === null) return null;
  return <Tag color={due.dueStatus === 'overdue' ? 'red' : 'gold'}>{due.dueStatusLabel}</Tag>;
}
