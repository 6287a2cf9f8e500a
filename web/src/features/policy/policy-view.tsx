// 条文: one policy version as published: its source, dates and procedure limits, then
// its articles chapter by chapter.

import { Descriptions, Form, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { articleCitation, limitText } from '../../../../src/contract/labels.ts';
import type { PolicySummary } from '../../../../src/contract/policy.schemas.ts';
import { chineseDate } from '@shared/format.ts';
import { Loaded } from '@shared/loading.tsx';
import { PolicyArticleCard } from './policy-article.tsx';
import { factCitations, withWarningLabels } from './policy-facts.ts';
import { policyKey, policyRef, usePolicy } from './policy-cache.ts';
import { firstOf, policyOptions } from './policy-choices.ts';

export function PolicyView({ list }: { list: PolicySummary[] }) {
  const [chosen, setChosen] = useState(policyKey(firstOf(list, 'emergency')));
  const { policy, error } = usePolicy(policyRef(chosen));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Form layout="vertical">
        <Form.Item label="制度" htmlFor="policy-pick" style={{ marginBottom: 0, maxWidth: 560 }}>
          <Select
            id="policy-pick"
            value={chosen}
            onChange={setChosen}
            options={policyOptions(list)}
          />
        </Form.Item>
      </Form>
      <Loaded data={policy} error={error} failed="制度加载失败">
        {(policy) => (
          <>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 1, lg: 2 }}
              title={policy.title}
              items={[
                { key: 'issuer', label: '发文机构', children: policy.source.issuer },
                ...(policy.source.documentNumber
                  ? [{ key: 'doc', label: '文号', children: policy.source.documentNumber }]
                  : []),
                {
                  key: 'from',
                  label: '施行日期',
                  children: (
                    <>
                      {policy.effectiveFrom ? chineseDate(policy.effectiveFrom) : '未知'}
                      {policy.effectiveNote && (
                        <Typography.Text type="secondary" style={{ display: 'block' }}>
                          {withWarningLabels(policy.effectiveNote)}
                        </Typography.Text>
                      )}
                    </>
                  ),
                },
                {
                  key: 'body',
                  label: '研究决定机构',
                  children: `${policy.procedure.decidingBody.name}（${articleCitation(policy.procedure.decidingBody.article)}）`,
                },
                {
                  key: 'notify',
                  label: '告知期限',
                  children: `作出决定后 ${limitText(policy.procedure.notification.days, policy.procedure.notification.counting)}内告知${policy.procedure.notification.recipients.join('、')}（${articleCitation(policy.procedure.notification.article)}）`,
                },
                {
                  key: 'objection',
                  label: '异议期限',
                  children: `${limitText(policy.procedure.objection.days, policy.procedure.objection.counting)}（${articleCitation(policy.procedure.objection.article)}）`,
                },
              ]}
            />
            {policy.chapters.map((c) => (
              <section key={c.title} aria-label={c.title}>
                <Typography.Title level={4}>{c.title}</Typography.Title>
                {c.articles.map((a) => (
                  <PolicyArticleCard key={a.number} article={a} citations={factCitations(policy)} />
                ))}
              </section>
            ))}
          </>
        )}
      </Loaded>
    </Space>
  );
}
