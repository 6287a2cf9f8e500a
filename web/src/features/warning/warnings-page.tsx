// 警示提醒 (/warnings): the warnings on recurring errors (第十八条 易错情形) addressed to the
// reader's unit or the units below it, newest first, filtered by state and kind.

import { Card, Empty, Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import {
  WARNING_RULE_KIND_LABELS,
  WARNING_STATUS_LABELS,
  type WarningList,
} from '../../../../src/contract/warning.schemas.ts';
import { CompactTable } from '@shared/compact-table.tsx';
import { Loaded } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { WARNING_COLUMNS } from './warning-columns.tsx';

const options = (labels: Readonly<Record<string, string>>, all: string) => [
  { value: '', label: all },
  ...Object.entries(labels).map(([value, label]) => ({ value, label })),
];

export default function WarningsPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const kind = params.get('kind') ?? '';
  const query = new URLSearchParams({ limit: '100' });
  if (status) query.set('status', status);
  if (kind) query.set('kind', kind);
  const { data, error } = useFetch<WarningList>(`/api/v1/warnings?${query.toString()}`, {
    keep: true,
  });
  const choose = (name: string) => (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        警示提醒
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        同一类问题频繁出现或者同一领域集中出现易错情形时，系统按警示规则向有关单位发出警示提醒；单位签收并填写拟采取的防范措施。
      </Typography.Paragraph>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label="签收情况"
            style={{ width: 160 }}
            value={status}
            onChange={choose('status')}
            options={options(WARNING_STATUS_LABELS, '全部签收情况')}
          />
          <Select
            aria-label="警示种类"
            style={{ width: 240 }}
            value={kind}
            onChange={choose('kind')}
            options={options(WARNING_RULE_KIND_LABELS, '全部种类')}
          />
        </Space>
        <Loaded data={data} error={error} failed="警示提醒加载失败">
          {({ items }) => (
            <CompactTable
              rows={items}
              columns={WARNING_COLUMNS}
              pageSize={20}
              minWidth={900}
              empty={<Empty description="暂无警示提醒" />}
            />
          )}
        </Loaded>
      </Card>
    </Space>
  );
}
