// 制度对比: two policies side by side, article by article (with the items that changed)
// and rule by rule.

import { Form, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { PolicyDiff, PolicySummary } from '../../../../src/contract/policy.schemas.ts';
import { HalfItem } from '@shared/half-item.tsx';
import { Loaded } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { DiffArticles } from './diff-articles.tsx';
import { DiffRules } from './diff-rules.tsx';
import { policyKey, policyRef } from './policy-cache.ts';
import { firstOf, policyOptions } from './policy-choices.ts';

export function DiffView({ list }: { list: PolicySummary[] }) {
  const options = policyOptions(list);
  const [left, setLeft] = useState(policyKey(firstOf(list, 'emergency')));
  const [right, setRight] = useState(() =>
    policyKey(
      list.find((p) => policyKey(p) !== left && p.id.includes('education')) ??
        list[list.length - 1]!,
    ),
  );
  const id = (key: string) => encodeURIComponent(policyRef(key).id);
  const { data, error } = useFetch<PolicyDiff>(`/api/v1/policies/${id(left)}/diff/${id(right)}`);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Form layout="vertical">
        <Row gutter={16}>
          <HalfItem label="左侧制度" htmlFor="diff-left">
            <Select id="diff-left" value={left} onChange={setLeft} options={options} />
          </HalfItem>
          <HalfItem label="右侧制度" htmlFor="diff-right">
            <Select id="diff-right" value={right} onChange={setRight} options={options} />
          </HalfItem>
        </Row>
      </Form>
      <Loaded data={data} error={error} failed="对比失败" loadingText="对比中…">
        {(diff) => (
          <>
            <Typography.Title level={4}>逐条对比</Typography.Title>
            <DiffArticles articles={diff.articles} />
            <Typography.Title level={4}>认定规则对比</Typography.Title>
            <DiffRules diff={diff} />
          </>
        )}
      </Loaded>
    </Space>
  );
}
