// 制度: browse one policy (its source, dates, procedure limits, and articles chapter by
// chapter with each item's citation, 但书 and rules), or compare two side by side.

import { Card, Empty, Tabs } from 'antd';
import type { PolicySummary } from '../../../../src/contract/policy.schemas.ts';
import { Loaded } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { DiffView } from './policy-diff-view.tsx';
import { PolicyView } from './policy-view.tsx';

export default function PoliciesPage() {
  const { data, error } = useFetch<PolicySummary[]>('/api/v1/policies');
  return (
    <Card title="容错纠错制度">
      <Loaded data={data} error={error} failed="制度列表加载失败">
        {(list) =>
          list.length === 0 ? (
            <Empty description="尚未加载任何制度" />
          ) : (
            <Tabs
              items={[
                { key: 'browse', label: '条文', children: <PolicyView list={list} /> },
                { key: 'diff', label: '制度对比', children: <DiffView list={list} /> },
              ]}
            />
          )
        }
      </Loaded>
    </Card>
  );
}
