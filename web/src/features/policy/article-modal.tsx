// The text of a cited article in a dialog, from the case's policy version, with the
// cited item marked.

import { Alert, Modal, Typography } from 'antd';
import { chineseNumeral } from '../../../../src/contract/labels.ts';
import { Loaded } from '@shared/loading.tsx';
import { ArticleText, findArticle } from './article-text.tsx';
import { usePolicy, type PolicyRef } from './policy-cache.ts';

export interface Cited {
  /** As written: 第十条第（三）项. */
  citation: string;
  /** 第十条 */
  article: string;
  /** The item's numeral (三), if an item is cited. */
  item: string | null;
}

export function ArticleModal({
  cited,
  policy: ref,
  onClose,
}: {
  cited: Cited;
  policy: PolicyRef;
  onClose: () => void;
}) {
  const { policy, error } = usePolicy(ref);
  const article = policy ? findArticle(policy, (a) => a.citation === cited.article) : undefined;
  return (
    <Modal
      open
      onCancel={onClose}
      footer={null}
      width={720}
      title={
        article ? `${article.citation}${article.topic ? ` ${article.topic}` : ''}` : cited.article
      }
    >
      <Loaded data={policy} error={error} failed="条文加载失败">
        {(policy) =>
          article ? (
            <div data-testid="article-text">
              <Typography.Paragraph type="secondary">
                {policy.title}（第 {policy.version} 版）
              </Typography.Paragraph>
              <ArticleText
                article={article}
                marked={(item) => cited.item !== null && chineseNumeral(item.n) === cited.item}
              />
            </div>
          ) : (
            <Alert type="warning" showIcon title={`${policy.title}中没有${cited.article}`} />
          )
        }
      </Loaded>
    </Modal>
  );
}
