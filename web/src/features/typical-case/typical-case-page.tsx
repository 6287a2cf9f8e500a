// 典型案例详情 (/typical-cases/:id): one typical case the signed-in reader may read.

import { Button, Space } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { TypicalCase } from '../../../../src/contract/typical-case.schemas.ts';
import { Loaded } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { TypicalCaseView } from './typical-case-view.tsx';

export default function TypicalCasePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const typical = useFetch<TypicalCase>(`/api/v1/typical-cases/${encodeURIComponent(id)}`);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Button onClick={() => navigate('/typical-cases')}>返回典型案例库</Button>
      <Loaded data={typical.data} error={typical.error} failed="典型案例加载失败">
        {(t) => <TypicalCaseView typical={t} />}
      </Loaded>
    </Space>
  );
}
