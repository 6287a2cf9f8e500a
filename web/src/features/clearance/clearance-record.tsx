// One clearance (澄清正名) as the server sends it: its state, the officer, the basis, the
// facts and conclusion made clear, reach and scope, the ways, the days, and the notice.
// Shown on the report page and on the officer's 履职档案.

import { Descriptions, Space, Tag, Typography } from 'antd';
import type { ClearanceDetail } from '../../../../src/contract/clearance.schemas.ts';
import { chineseDate } from '@shared/format.ts';
import { Pre } from '@shared/pre.tsx';

export function ClearanceStateTag({ c }: { c: Pick<ClearanceDetail, 'state' | 'stateLabel'> }) {
  return <Tag color={c.state === 'carried_out' ? 'green' : 'blue'}>{c.stateLabel}</Tag>;
}

export function ClearanceRecord({ c }: { c: ClearanceDetail }) {
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'officer', label: '澄清对象', children: c.officer.name },
          { key: 'basis', label: '澄清依据', children: c.basisLabel },
          { key: 'reach', label: '不实举报的影响范围', children: c.accusationReachLabel },
          { key: 'scope', label: '澄清范围', children: c.scopeLabel },
          { key: 'methods', label: '澄清方式', children: c.methodLabels.join('、') },
          { key: 'decided', label: '决定日期', children: chineseDate(c.decidedOn) },
          ...(c.carriedOutOn
            ? [
                {
                  key: 'carried',
                  label: '实施日期',
                  children: `${chineseDate(c.carriedOutOn)}${c.carriedOutNote ? `，${c.carriedOutNote}` : ''}`,
                },
              ]
            : []),
        ]}
      />
      <div>
        <Typography.Text strong>澄清的事实和结论</Typography.Text>
        <Typography.Paragraph style={{ margin: '4px 0 0' }}>
          <Pre>{c.findings}</Pre>
        </Typography.Paragraph>
      </div>
      <div data-testid="clearance-notice">
        <Typography.Text strong>澄清正名通报</Typography.Text>
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0', padding: 12, background: '#fafafa' }}
        >
          {c.noticeText}
        </Typography.Paragraph>
      </div>
    </Space>
  );
}
