// One typical case (典型案例) as its readers see it: the conclusion with its ground and
// citation, the classification, the policy version, the facts found in the policy's
// words, and the publication's redacted text.

import { Alert, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import type { TypicalCase } from '../../../../src/contract/typical-case.schemas.ts';
import { chineseDate } from '@shared/format.ts';

/** The classification and the conclusion as tags: 危险化学品 · 检查不到位 · 不予追究…. */
export function TypicalTags({ typical }: { typical: TypicalCase }) {
  return (
    <Space size={4} wrap>
      {typical.field && <Tag color="blue">{typical.field.label}</Tag>}
      {typical.errorType && <Tag color="orange">{typical.errorType.label}</Tag>}
      <Tag color="green">{typical.conclusionLabel}</Tag>
    </Space>
  );
}

export function TypicalCaseView({ typical }: { typical: TypicalCase }) {
  return (
    <Card>
      <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }}>
        {typical.heading}
      </Typography.Title>
      {typical.withdrawn && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`已于${chineseDate(typical.withdrawn.on)}撤销典型案例标记：${typical.withdrawn.reason}`}
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'ground', label: '认定结论及依据', children: typical.groundText, span: 2 },
          {
            key: 'policy',
            label: '适用制度',
            children: `《${typical.policy.title}》（第 ${typical.policy.version} 版）`,
            span: 2,
          },
          { key: 'field', label: '执法领域', children: typical.field?.label ?? '未分类' },
          { key: 'error', label: '错误类型', children: typical.errorType?.label ?? '未分类' },
          { key: 'decided', label: '决定日期', children: chineseDate(typical.decidedOn) },
          { key: 'unit', label: '单位', children: typical.unit.name },
          { key: 'scope', label: '公开范围', children: typical.scope },
          {
            key: 'articles',
            label: '涉及条款',
            children: typical.articles.map((a) => a.label).join('、') || '—',
          },
          ...(typical.departed && typical.engineOutcomeLabel
            ? [
                {
                  key: 'engine',
                  label: '系统认定意见',
                  children: `${typical.engineOutcomeLabel}（研究决定未采纳）`,
                  span: 2,
                },
              ]
            : []),
        ]}
      />
      <Typography.Title level={5}>认定的事实</Typography.Title>
      <List
        size="small"
        bordered
        style={{ marginBottom: 16 }}
        dataSource={typical.findings}
        locale={{ emptyText: '无成立的情形' }}
        renderItem={(f) => (
          <List.Item key={f.factId}>
            <Typography.Text strong style={{ whiteSpace: 'nowrap', marginRight: 8 }}>
              {f.citation}
            </Typography.Text>
            <Typography.Text>{f.text}</Typography.Text>
          </List.Item>
        )}
      />
      <Typography.Title level={5}>公示文本</Typography.Title>
      <Typography.Paragraph
        data-testid="typical-case-text"
        style={{ whiteSpace: 'pre-wrap', fontSize: 15, lineHeight: 1.9, marginBottom: 0 }}
      >
        {typical.text.split('\n').slice(1).join('\n').replace(/^\n+/, '')}
      </Typography.Paragraph>
    </Card>
  );
}
