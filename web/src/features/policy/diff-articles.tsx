// 逐条对比: each article of the left policy beside its counterpart on the right, and for
// a changed article the items that differ.

import { Col, Empty, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { chineseNumeral } from '../../../../src/contract/labels.ts';
import type { DiffStatus, ItemSide, PolicyDiff } from '../../../../src/contract/policy.schemas.ts';
import { PolicyStatusTag } from './policy-status-tag.tsx';

const NONE = <Typography.Text type="secondary">—</Typography.Text>;

/** Left, how they compare, right: the three columns of every row. */
function SideBySide(props: {
  left: ReactNode;
  middle: ReactNode;
  right: ReactNode;
  item?: boolean;
}) {
  const style = props.item ? { marginTop: 6, fontSize: 13 } : undefined;
  return (
    <Row gutter={props.item ? 12 : [12, 4]} align={props.item ? undefined : 'middle'} style={style}>
      <Col span={10}>{props.left}</Col>
      <Col span={4} style={{ textAlign: 'center' }}>
        {props.middle}
      </Col>
      <Col span={10}>{props.right}</Col>
    </Row>
  );
}

function articleSide(side?: { citation: string; topic: string }) {
  return side ? (
    <Typography.Text strong>
      {side.citation}【{side.topic}】
    </Typography.Text>
  ) : (
    NONE
  );
}

const itemSide = (side?: ItemSide) => (side ? `（${chineseNumeral(side.n)}）${side.text}` : NONE);

function Changed({ status, similarity }: { status: DiffStatus; similarity: number }) {
  return (
    <>
      <PolicyStatusTag status={status} />
      {status === 'changed' && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          相似 {Math.round(similarity * 100)}%
        </Typography.Text>
      )}
    </>
  );
}

export function DiffArticles({ articles }: { articles: PolicyDiff['articles'] }) {
  return (
    <>
      {articles.length === 0 && <Empty description="没有条文可对比" />}
      <div role="list" aria-label="逐条对比">
        {articles.map((a, i) => (
          <div
            role="listitem"
            key={i}
            data-status={a.status}
            style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}
          >
            <SideBySide
              left={articleSide(a.left)}
              middle={<Changed status={a.status} similarity={a.similarity} />}
              right={articleSide(a.right)}
            />
            {a.status === 'changed' &&
              a.items
                ?.filter((it) => it.status !== 'same')
                .map((it, j) => (
                  <SideBySide
                    key={j}
                    item
                    left={itemSide(it.left)}
                    middle={<PolicyStatusTag status={it.status} />}
                    right={itemSide(it.right)}
                  />
                ))}
          </div>
        ))}
      </div>
    </>
  );
}
