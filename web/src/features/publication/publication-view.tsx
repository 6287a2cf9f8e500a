// One publication as its readers see it: the heading, who published it, in which scope,
// the date and the 公示期, and the text as published. The same on the signed-in page and
// on the public one.

import { Card, Descriptions, Tag, Typography } from 'antd';
import type { Publication } from '../../../../src/contract/publication.schemas.ts';
import { chineseDate } from '@shared/format.ts';

export function PeriodTag({ publication }: { publication: Publication }) {
  if (publication.periodEnd === null) return null;
  return publication.ended ? <Tag>公示期已满</Tag> : <Tag color="green">公示中</Tag>;
}

export function PublicationView({ publication }: { publication: Publication }) {
  return (
    <Card>
      <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }}>
        {publication.heading}
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'unit', label: '单位', children: publication.unit.name },
          { key: 'scope', label: '公开范围', children: publication.scope },
          { key: 'date', label: '发布日期', children: chineseDate(publication.publishedOn) },
          {
            key: 'period',
            label: '公示期',
            children: (
              <span>
                {publication.periodText.replace(/^公示期：/, '')}{' '}
                <PeriodTag publication={publication} />
              </span>
            ),
          },
        ]}
      />
      <Typography.Paragraph
        data-testid="publication-text"
        style={{ whiteSpace: 'pre-wrap', fontSize: 15, lineHeight: 1.9, marginBottom: 0 }}
      >
        {publication.text.split('\n').slice(1).join('\n').replace(/^\n+/, '')}
      </Typography.Paragraph>
    </Card>
  );
}
