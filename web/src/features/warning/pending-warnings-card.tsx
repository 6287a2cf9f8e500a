// 警示提醒 on the workbench: the warnings addressed to the reader's units that a unit has
// not yet acknowledged (GET /api/v1/warnings?status=pending), each leading to its page.

import { Card, Empty } from 'antd';
import { Link } from 'react-router';
import type { WarningList } from '../../../../src/contract/warning.schemas.ts';
import { CompactTable } from '@shared/compact-table.tsx';
import { Loaded } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { WARNING_COLUMNS } from './warning-columns.tsx';

export function PendingWarningsCard() {
  const { data, error } = useFetch<WarningList>('/api/v1/warnings?status=pending&limit=20');
  return (
    <Card title="待签收的警示提醒" extra={<Link to="/warnings">全部警示提醒</Link>}>
      <Loaded data={data} error={error} failed="警示提醒加载失败">
        {({ items }) => (
          <CompactTable
            rows={items}
            columns={WARNING_COLUMNS}
            pageSize={10}
            minWidth={900}
            empty={<Empty description="暂无待签收的警示提醒" />}
          />
        )}
      </Loaded>
    </Card>
  );
}
