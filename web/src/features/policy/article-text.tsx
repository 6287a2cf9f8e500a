// An article as written, paragraph by paragraph with its numbered items, one item
// marked: the cited one, or the one a question asks about.

import { Typography } from 'antd';
import { chineseNumeral } from '../../../../src/contract/labels.ts';
import type { PolicyArticle, PolicyItem } from '../../../../src/contract/policy.schemas.ts';

export function ArticleText({
  article,
  marked,
}: {
  article: PolicyArticle;
  marked?: (item: PolicyItem) => boolean;
}) {
  return (
    <div>
      {article.paragraphs.map((p, i) => (
        <div key={i} style={{ marginTop: 8 }}>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{p.text}</Typography.Paragraph>
          {p.items?.map((item) => (
            <Typography.Paragraph
              key={item.n}
              style={{
                marginBottom: 4,
                paddingLeft: 16,
                ...(marked?.(item)
                  ? { background: '#fffbe6', borderLeft: '3px solid #faad14' }
                  : {}),
              }}
            >
              （{chineseNumeral(item.n)}）{item.text}
            </Typography.Paragraph>
          ))}
        </div>
      ))}
    </div>
  );
}

export function findArticle(
  policy: { chapters: { articles: PolicyArticle[] }[] },
  match: (article: PolicyArticle) => boolean,
): PolicyArticle | undefined {
  for (const chapter of policy.chapters) {
    const found = chapter.articles.find(match);
    if (found) return found;
  }
  return undefined;
}
