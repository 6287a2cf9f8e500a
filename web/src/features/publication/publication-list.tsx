// A page of publications, newest first: each heading opens its page; the unit, the date
// and whether its 公示期 is running beside it. Paged by the server.

import { Alert, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PublicationList } from '../../../../src/contract/publication.schemas.ts';
import { chineseDate } from '@shared/format.ts';
import { useFetch } from '@shared/use-fetch.ts';
import { PeriodTag } from './publication-view.tsx';

const PAGE_SIZE = 20;

export function PublicationListView({
  api,
  base,
  empty,
}: {
  /** The API path: the signed-in list or the public one. */
  api: string;
  /** Where a publication's page is: `${base}/${id}`. */
  base: string;
  empty: string;
}) {
  const [page, setPage] = useState(1);
  const list = useFetch<PublicationList>(
    `${api}?limit=${PAGE_SIZE}&offset=${(page - 1) * PAGE_SIZE}`,
    { keep: true },
  );
  if (list.error) return <Alert type="error" showIcon title={list.error} />;
  return (
    <List
      bordered
      loading={list.loading}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: empty }}
      pagination={
        (list.data?.total ?? 0) > PAGE_SIZE
          ? {
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
            }
          : false
      }
      renderItem={(p) => (
        <List.Item key={p.id}>
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Link to={`${base}/${p.id}`}>{p.heading}</Link>
            <Typography.Text type="secondary">
              {p.unit.name} · {chineseDate(p.publishedOn)} · {p.scope} · {p.periodText}{' '}
              <PeriodTag publication={p} />
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
