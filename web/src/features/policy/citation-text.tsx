// Citations in a text (第十条第（三）项, 第九条) as links. A click opens the article from
// the case's own policy version, fetched on the first click and kept (policy-cache.ts),
// so a page that shows citations does not load the policy up front.

import { Button } from 'antd';
import { Fragment, useState, type ReactNode } from 'react';
import { ArticleModal, type Cited } from './article-modal.tsx';
import type { PolicyRef } from './policy-cache.ts';

const CITATION = /第([零一二三四五六七八九十百]+)条(?:第（([零一二三四五六七八九十百]+)）项)?/gu;

/** The text with each citation it contains as a button that opens the article. */
export function CitationText({ text, policy }: { text: string; policy: PolicyRef }) {
  const [open, setOpen] = useState<Cited | null>(null);
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(CITATION)) {
    const start = m.index;
    if (start > last) parts.push(text.slice(last, start));
    const cited: Cited = { citation: m[0], article: `第${m[1]}条`, item: m[2] ?? null };
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
    last = start + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>{p}</Fragment>
      ))}
      {open && <ArticleModal cited={open} policy={policy} onClose={() => setOpen(null)} />}
    </>
  );
}
