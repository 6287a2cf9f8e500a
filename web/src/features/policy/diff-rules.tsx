// 认定规则对比: each ground's rule in both policies, and whether its article moved.

import { Empty, Space, Tag, Typography } from 'antd';
import type { PolicyDiff } from '../../../../src/contract/policy.schemas.ts';
import { CompactTable } from '@shared/compact-table.tsx';
import { PolicyStatusTag } from './policy-status-tag.tsx';

type RuleSide = PolicyDiff['rules'][number]['left'];

function ruleSide(side: RuleSide) {
  return side ? (
    <>
      <Typography.Text strong>{side.citation}</Typography.Text> {side.text}
    </>
  ) : (
    '—'
  );
}

export function DiffRules({ diff }: { diff: PolicyDiff }) {
  return (
    <CompactTable
      rowKey="ground"
      rows={diff.rules}
      minWidth={720}
      empty={<Empty description="没有规则可对比" />}
      columns={[
        { title: '认定依据', dataIndex: 'label', width: 140 },
        {
          title: '状态',
          dataIndex: 'status',
          width: 130,
          render: (_: unknown, r) => (
            <Space wrap size={4}>
              <PolicyStatusTag status={r.status} />
              {r.renumbered && <Tag color="magenta">条号不同</Tag>}
            </Space>
          ),
        },
        { title: diff.left.title, key: 'left', render: (_: unknown, r) => ruleSide(r.left) },
        { title: diff.right.title, key: 'right', render: (_: unknown, r) => ruleSide(r.right) },
      ]}
    />
  );
}
