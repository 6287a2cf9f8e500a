// 典型案例库 (/typical-cases): the typical cases the signed-in reader may read (exactly the
// readers of each one's publication), searched by policy, field, error type, article,
// conclusion and words; each opens its page. Paged by the server.

import { Alert, List, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type {
  TypicalCaseFilters as Choices,
  TypicalCaseList,
} from '../../../../src/contract/typical-case.schemas.ts';
import { chineseDate } from '@shared/format.ts';
import { Loaded } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { FILTER_KEYS, TypicalCaseFilters } from './typical-case-filters.tsx';
import { TypicalTags } from './typical-case-view.tsx';

const PAGE_SIZE = 20;

export default function TypicalCasesPage() {
  const [params] = useSearchParams();
  const [page, setPage] = useState(1);
  const filterKey = params.toString();
  // A new search starts at its first page.
  useEffect(() => setPage(1), [filterKey]);
  const choices = useFetch<Choices>('/api/v1/typical-cases/filters');
  const query = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) query.set(k, v);
  }
  query.set('limit', String(PAGE_SIZE));
  query.set('offset', String((page - 1) * PAGE_SIZE));
  const list = useFetch<TypicalCaseList>(`/api/v1/typical-cases?${query}`, { keep: true });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        典型案例
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        作出决定的单位从已公开的案件中选编的典型案例，文本为公示文本（已隐去个人信息），供同类案件认定时参考。
      </Typography.Paragraph>
      <Loaded data={choices.data} error={choices.error} failed="检索条件加载失败">
        {(c) => <TypicalCaseFilters choices={c} />}
      </Loaded>
      {list.error ? (
        <Alert type="error" showIcon title={list.error} />
      ) : (
        <List
          bordered
          loading={list.loading}
          data-testid="typical-case-list"
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: '没有符合条件的典型案例' }}
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
          renderItem={(t) => (
            <List.Item key={t.id}>
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Link to={`/typical-cases/${t.id}`}>{t.heading}</Link>
                <TypicalTags typical={t} />
                <Typography.Text type="secondary">
                  {t.unit.name} · 决定日期 {chineseDate(t.decidedOn)} · {t.groundText}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
