// Citations (第十条第（三）项, 第九条) as links: each opens the article's text from the
// case's policy version, with the cited item marked.

import { Button, Modal, Typography } from 'antd';
import { Fragment, useState, type ReactNode } from 'react';
import { articleCitation, chineseNumeral } from '../../../src/domain/policy/citation.ts';
import type { PolicyArticle, PolicyDetail } from './case-data.tsx';

const CITATION = /第([零一二三四五六七八九十百]+)条(?:第（([零一二三四五六七八九十百]+)）项)?/gu;

interface Cited {
  article: PolicyArticle;
  item: number | null;
}

function findArticle(policy: PolicyDetail, articleText: string): PolicyArticle | undefined {
  for (const chapter of policy.chapters) {
    const found = chapter.articles.find((a) => articleCitation(a.number) === articleText);
    if (found) return found;
  }
  return undefined;
}

function itemNumber(article: PolicyArticle, numeral: string | undefined): number | null {
  if (!numeral) return null;
  for (const p of article.paragraphs) {
    const item = p.items?.find((i) => chineseNumeral(i.n) === numeral);
    if (item) return item.n;
  }
  return null;
}

/** The text with each citation it contains as a button that opens the article. */
export function CitationText({ text, policy }: { text: string; policy: PolicyDetail | null }) {
  const [open, setOpen] = useState<Cited | null>(null);
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(CITATION)) {
    const start = m.index;
    if (start > last) parts.push(text.slice(last, start));
    const article = policy ? findArticle(policy, `第${m[1]}条`) : undefined;
    if (article) {
      const cited: Cited = { article, item: itemNumber(article, m[2]) };
      parts.push(
        <Button
          key={start}
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal' }}
          onClick={() => setOpen(cited)}
          title={`查看${m[0]}条文`}
        >
          {m[0]}
        </Button>,
      );
    } else parts.push(m[0]);
    last = start + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>{p}</Fragment>
      ))}
      <ArticleModal cited={open} policy={policy} onClose={() => setOpen(null)} />
    </>
  );
}

function ArticleModal({
  cited,
  policy,
  onClose,
}: {
  cited: Cited | null;
  policy: PolicyDetail | null;
  onClose: () => void;
}) {
  return (
    <Modal
      open={cited !== null}
      onCancel={onClose}
      footer={null}
      width={720}
      title={
        cited
          ? `${articleCitation(cited.article.number)}${cited.article.topic ? ` ${cited.article.topic}` : ''}`
          : ''
      }
    >
      {cited && policy && (
        <div data-testid="article-text">
          <Typography.Paragraph type="secondary">
            {policy.title}（第 {policy.version} 版）
          </Typography.Paragraph>
          {cited.article.paragraphs.map((p, i) => (
            <div key={i}>
              <Typography.Paragraph>{p.text}</Typography.Paragraph>
              {p.items?.map((item) => (
                <Typography.Paragraph key={item.n} style={{ paddingLeft: 24 }}>
                  {cited.item === item.n ? (
                    <Typography.Text mark>
                      （{chineseNumeral(item.n)}）{item.text}
                    </Typography.Text>
                  ) : (
                    <>
                      （{chineseNumeral(item.n)}）{item.text}
                    </>
                  )}
                </Typography.Paragraph>
              ))}
            </div>
          ))}
        </div>
      )}
    </Modal>
  );
}
