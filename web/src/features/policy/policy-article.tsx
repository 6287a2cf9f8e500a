// One article in the policy browser: its paragraphs and items, each fact the interview
// asks marked with its citation (第九条第（一）项) and each 但书 marked, and the rules it
// makes. Fact ids (a9.1) are the API's, never the reader's: they are nowhere on the page.

import { Card, Space, Tag, Typography } from 'antd';
import { chineseNumeral } from '../../../../src/contract/labels.ts';
import type { PolicyArticle, PolicyItem } from '../../../../src/contract/policy.schemas.ts';

/** The item's text with its 但书 (…但…的除外) marked. */
function ItemText({ item }: { item: PolicyItem }) {
  const quote = item.exception?.quote;
  const at = quote ? item.text.indexOf(quote) : -1;
  if (!quote || at < 0) return <>{item.text}</>;
  const butAt = item.text.lastIndexOf('但', at);
  const start = butAt >= 0 && at - butAt <= 4 ? butAt : at;
  const endAt = item.text.indexOf('除外', at + quote.length);
  const end = endAt >= 0 ? endAt + 2 : at + quote.length;
  return (
    <>
      {item.text.slice(0, start)}
      <mark title="但书" style={{ background: '#fff1b8', padding: '0 2px' }}>
        {item.text.slice(start, end)}
      </mark>
      {item.text.slice(end)}
    </>
  );
}

export function PolicyArticleCard({
  article,
  citations,
}: {
  article: PolicyArticle;
  /** Each fact's citation by its id. */
  citations: ReadonlyMap<string, string>;
}) {
  const cite = (fact: string) => citations.get(fact) ?? article.citation;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={`${article.citation}【${article.topic}】`}
    >
      {article.paragraphs.map((p, i) => (
        <div key={i} style={{ marginBottom: 8 }}>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{p.text}</Typography.Paragraph>
          {p.facts && p.facts.length > 0 && (
            <Space wrap style={{ marginBottom: 4 }}>
              {p.facts.map((f) => (
                <span key={f.fact}>
                  <Tag color="geekblue">{cite(f.fact)}</Tag>
                  <Typography.Text type="secondary">{f.quote}</Typography.Text>
                </span>
              ))}
            </Space>
          )}
          {p.items && (
            <ol style={{ listStyle: 'none', paddingLeft: 8, margin: 0 }}>
              {p.items.map((item) => (
                <li key={item.n} style={{ marginBottom: 6 }}>
                  （{chineseNumeral(item.n)}）<ItemText item={item} />{' '}
                  {item.fact && <Tag color="geekblue">{cite(item.fact)}</Tag>}
                  {item.exception && (
                    <Tag color="gold" title={`但书：${item.exception.quote}`}>
                      但书
                    </Tag>
                  )}
                </li>
              ))}
            </ol>
          )}
        </div>
      ))}
      {article.rules.length > 0 && (
        <div
          style={{
            background: '#f6ffed',
            border: '1px solid #b7eb8f',
            borderRadius: 6,
            padding: 12,
          }}
        >
          <Typography.Text strong>认定规则</Typography.Text>
          {article.rules.map((r) => (
            <div key={r.ground} style={{ marginTop: 8 }}>
              <Tag color="green">{r.label}</Tag>
              <Typography.Text>{r.summary}</Typography.Text>
              <br />
              <Typography.Text type="secondary">规则：{r.rule}</Typography.Text>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
