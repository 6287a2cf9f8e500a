// 社会公开的公示 (/gongshi, /gongshi/:id): what anyone may read without signing in, in a
// frame of its own (no menu, no session); reachable from the login page.

import { Button, Layout, Space, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import type { Publication } from '../../../../src/contract/publication.schemas.ts';
import { LoadFailed, Loading } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { PublicationListView } from './publication-list.tsx';
import { PublicationView } from './publication-view.tsx';

const API = '/api/v1/public/publications';

function OnePublication({ id }: { id: string }) {
  const navigate = useNavigate();
  const publication = useFetch<Publication>(`${API}/${encodeURIComponent(id)}`);
  if (publication.error) return <LoadFailed message={publication.error} />;
  if (!publication.data) return <Loading />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Button onClick={() => navigate('/gongshi')}>返回公示列表</Button>
      <PublicationView publication={publication.data} />
    </Space>
  );
}

export default function PublicPublicationsPage() {
  const { id } = useParams();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: '#fff',
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          paddingInline: 16,
        }}
      >
        <Typography.Text strong>行政执法容错纠错认定结果公示</Typography.Text>
        <Link to="/login">工作人员登录</Link>
      </Layout.Header>
      <Layout.Content style={{ margin: 16, maxWidth: 960, width: '100%', alignSelf: 'center' }}>
        {id === undefined ? (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              公示
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              依照制度向社会公开的容错纠错认定结果。个人信息已依法隐去。
            </Typography.Paragraph>
            <PublicationListView api={API} base="/gongshi" empty="暂无向社会公开的公示" />
          </Space>
        ) : (
          <OnePublication id={id} />
        )}
      </Layout.Content>
    </Layout>
  );
}
