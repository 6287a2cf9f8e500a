// 类案参考 (同案同判) on a case's page: on a case not yet decided, the typical and decided
// cases whose determination rests on the same ground or that share most facts; on a
// decision that departs from the engine's outcome, the alike cases decided the other way.
// The server chooses which and ranks them; the panel shows what each shares, in words.

import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { SimilarCases } from '../../../../src/contract/typical-case.schemas.ts';
import { chineseDate } from '@shared/format.ts';
import { useFetch } from '@shared/use-fetch.ts';

export function SimilarCasesPanel({ caseId, version }: { caseId: string; version: number }) {
  const similar = useFetch<SimilarCases>(`/api/v1/cases/${caseId}/similar-cases`);
  const { reload } = similar;
  // Each fact recorded changes the likeness: read again after every write on the case.
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reload();
  }, [version, reload]);
  const s = similar.data;
  if (!s || s.mode === 'none') return null;
  const departure = s.mode === 'departure';
  return (
    <Card
      size="small"
      title={departure ? '类案参考：结论与系统认定意见不一致' : '类案参考（同案同判）'}
      data-testid={departure ? 'departure-panel' : 'similar-cases'}
    >
      <Alert
        type={departure ? 'warning' : 'info'}
        showIcon
        title={s.note}
        style={{ marginBottom: 12 }}
      />
      <List
        size="small"
        dataSource={s.items}
        locale={{ emptyText: departure ? '暂无结论与系统认定意见相同的类似案件' : '暂无类似案件' }}
        renderItem={(item) => (
          <List.Item key={`${item.typicalCaseId ?? ''}${item.caseId ?? ''}`}>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap size={4}>
                {item.kind === 'typical' ? <Tag color="gold">典型案例</Tag> : <Tag>已决定案件</Tag>}
                <Link
                  to={
                    item.typicalCaseId
                      ? `/typical-cases/${item.typicalCaseId}`
                      : `/cases/${item.caseId ?? ''}`
                  }
                >
                  {item.title}
                </Link>
                <Tag color="green">{item.conclusionLabel}</Tag>
              </Space>
              <Typography.Text type="secondary">
                {item.caseNumber} · 决定日期 {chineseDate(item.decidedOn)}
              </Typography.Text>
              <Typography.Text>{item.reasonText}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
