// 公示 (/publications): the publications the signed-in reader may read: those of their own
// unit (本单位) and system (本系统), and every public one (社会公开).

import { Space, Typography } from 'antd';
import { PublicationListView } from './publication-list.tsx';

export default function PublicationsPage() {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        公示
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        本单位、本系统范围内公开的认定结果，以及向社会公开的认定结果。
      </Typography.Paragraph>
      <PublicationListView api="/api/v1/publications" base="/publications" empty="暂无公示" />
    </Space>
  );
}
