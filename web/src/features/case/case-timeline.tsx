// 办理经过: each step and record of the case, who took it and what it recorded, in the
// words the server gives.

import { Empty, Timeline, Typography } from 'antd';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { chineseDateTime } from '@shared/format.ts';

export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  if (detail.timeline.length === 0) return <Empty description="暂无记录" />;
  return (
    <Timeline
      items={detail.timeline.map((e, i) => ({
        // An event just written has no seq until the audit chainer numbers it.
        key: e.seq ?? `pending-${i}`,
        title: chineseDateTime(e.at),
        content: (
          <div>
            <Typography.Text strong>{e.actionLabel}</Typography.Text>
            {e.actor && (
              <Typography.Text type="secondary">（{e.actor.displayName}）</Typography.Text>
            )}
            {e.detail && <div style={{ whiteSpace: 'pre-wrap' }}>{e.detail}</div>}
          </div>
        ),
      }))}
    />
  );
}
