// 公示详情 (/publications/:id): one publication the signed-in reader may read.

import { Button, Space } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { Publication } from '../../../../src/contract/publication.schemas.ts';
import { LoadFailed, Loading } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { PublicationView } from './publication-view.tsx';

export default function PublicationPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const publication = useFetch<Publication>(`/api/v1/publications/${encodeURIComponent(id)}`);
  if (publication.error) return <LoadFailed message={publication.error} />;
  if (!publication.data) return <Loading />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Button onClick={() => navigate('/publications')}>返回公示列表</Button>
      <PublicationView publication={publication.data} />
    </Space>
  );
}
