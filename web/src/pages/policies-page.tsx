// 制度: browse one policy (its source, dates, procedure limits, and articles chapter by
// chapter with each item's fact id, 但书 and rules), or compare two side by side.

import {
  Alert,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { get } from '../api/client.ts';
import { errorText } from '../components/admin-guard.tsx';
import {
  limitText,
  PolicyStatusTag,
  type PolicyArticle,
  type PolicyDetail,
  type PolicyDiff,
  type PolicyItem,
  type PolicySummary,
} from '../components/policy-types.tsx';
import { chineseDate } from '../format.ts';
import { articleCitation, chineseNumeral } from '../../../src/domain/policy/citation.ts';

const keyOf = (p: PolicySummary) => `${p.id}@${p.version}`;

function policyOptions(list: PolicySummary[]) {
  const multi = new Set(
    list.filter((p) => list.filter((q) => q.id === p.id).length > 1).map((p) => p.id),
  );
  return list.map((p) => ({
    value: keyOf(p),
    label: multi.has(p.id) ? `${p.title}（第 ${p.version} 版）` : p.title,
  }));
}

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

function Article({ article }: { article: PolicyArticle }) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={`${articleCitation(article.number)}【${article.topic}】`}
    >
      {article.paragraphs.map((p, i) => (
        <div key={i} style={{ marginBottom: 8 }}>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{p.text}</Typography.Paragraph>
          {p.facts && p.facts.length > 0 && (
            <Space wrap style={{ marginBottom: 4 }}>
              {p.facts.map((f) => (
                <span key={f.fact}>
                  <Tag color="geekblue">{f.fact}</Tag>
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
                  {item.fact && <Tag color="geekblue">{item.fact}</Tag>}
                  {item.exception && (
                    <Tag color="gold" title={`但书：${item.exception.quote}`}>
                      但书 {item.exception.fact}
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

function PolicyView({ list }: { list: PolicySummary[] }) {
  const [chosen, setChosen] = useState(
    keyOf(list.find((p) => p.id.includes('emergency')) ?? list[0]!),
  );
  const [policy, setPolicy] = useState<PolicyDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const [id, version] = chosen.split('@') as [string, string];
    setPolicy(null);
    setError(null);
    get<PolicyDetail>(`/api/v1/policies/${encodeURIComponent(id)}?version=${version}`)
      .then((p) => live && setPolicy(p))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [chosen]);

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
      {error && <Alert type="error" showIcon title="制度加载失败" description={error} />}
      {!policy && !error && (
        <Spin description="加载中…" style={{ display: 'block', margin: '24px auto' }} />
      )}
      {policy && (
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
                        {policy.effectiveNote}
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
                children: `作出决定后 ${limitText(policy.procedure.notification)}内告知${policy.procedure.notification.recipients.join('、')}（${articleCitation(policy.procedure.notification.article)}）`,
              },
              {
                key: 'objection',
                label: '异议期限',
                children: `${limitText(policy.procedure.objection)}（${articleCitation(policy.procedure.objection.article)}）`,
              },
            ]}
          />
          {policy.chapters.map((c) => (
            <section key={c.title} aria-label={c.title}>
              <Typography.Title level={4}>{c.title}</Typography.Title>
              {c.articles.map((a) => (
                <Article key={a.number} article={a} />
              ))}
            </section>
          ))}
        </>
      )}
    </Space>
  );
}

function ArticleSide({ side }: { side?: { citation: string; topic: string } }) {
  return side ? (
    <Typography.Text strong>
      {side.citation}【{side.topic}】
    </Typography.Text>
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );
}

function DiffView({ list }: { list: PolicySummary[] }) {
  const options = policyOptions(list);
  const [left, setLeft] = useState(keyOf(list.find((p) => p.id.includes('emergency')) ?? list[0]!));
  const [right, setRight] = useState(
    keyOf(
      list.find((p) => keyOf(p) !== left && p.id.includes('education')) ?? list[list.length - 1]!,
    ),
  );
  const [diff, setDiff] = useState<PolicyDiff | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setDiff(null);
    setError(null);
    const id = (k: string) => encodeURIComponent(k.split('@')[0]!);
    get<PolicyDiff>(`/api/v1/policies/${id(left)}/diff/${id(right)}`)
      .then((d) => live && setDiff(d))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [left, right]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Form layout="vertical">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="左侧制度" htmlFor="diff-left">
              <Select id="diff-left" value={left} onChange={setLeft} options={options} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="右侧制度" htmlFor="diff-right">
              <Select id="diff-right" value={right} onChange={setRight} options={options} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {error && <Alert type="error" showIcon title="对比失败" description={error} />}
      {!diff && !error && (
        <Spin description="对比中…" style={{ display: 'block', margin: '24px auto' }} />
      )}
      {diff && (
        <>
          <Typography.Title level={4}>逐条对比</Typography.Title>
          {diff.articles.length === 0 && <Empty description="没有条文可对比" />}
          <div role="list" aria-label="逐条对比">
            {diff.articles.map((a, i) => (
              <div
                role="listitem"
                key={i}
                data-status={a.status}
                style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}
              >
                <Row gutter={[12, 4]} align="middle">
                  <Col xs={10} md={10}>
                    <ArticleSide side={a.left} />
                  </Col>
                  <Col xs={4} md={4} style={{ textAlign: 'center' }}>
                    <PolicyStatusTag status={a.status} />
                    {a.status === 'changed' && (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        相似 {Math.round(a.similarity * 100)}%
                      </Typography.Text>
                    )}
                  </Col>
                  <Col xs={10} md={10}>
                    <ArticleSide side={a.right} />
                  </Col>
                </Row>
                {a.status === 'changed' &&
                  a.items
                    ?.filter((it) => it.status !== 'same')
                    .map((it, j) => (
                      <Row gutter={12} key={j} style={{ marginTop: 6, fontSize: 13 }}>
                        <Col span={10}>
                          {it.left ? (
                            `（${chineseNumeral(it.left.n)}）${it.left.text}`
                          ) : (
                            <Typography.Text type="secondary">—</Typography.Text>
                          )}
                        </Col>
                        <Col span={4} style={{ textAlign: 'center' }}>
                          <PolicyStatusTag status={it.status} />
                        </Col>
                        <Col span={10}>
                          {it.right ? (
                            `（${chineseNumeral(it.right.n)}）${it.right.text}`
                          ) : (
                            <Typography.Text type="secondary">—</Typography.Text>
                          )}
                        </Col>
                      </Row>
                    ))}
              </div>
            ))}
          </div>
          <Typography.Title level={4}>认定规则对比</Typography.Title>
          <Table
            rowKey="ground"
            size="small"
            pagination={false}
            dataSource={diff.rules}
            scroll={{ x: 720 }}
            locale={{ emptyText: <Empty description="没有规则可对比" /> }}
            columns={[
              { title: '认定依据', dataIndex: 'label', width: 140 },
              {
                title: '状态',
                dataIndex: 'status',
                width: 130,
                render: (_: unknown, r) => (
                  <Space wrap size={4}>
                    <PolicyStatusTag status={r.status} />
                    {r.renumbered && <Tag color="magenta">条号不同</Tag>}
                  </Space>
                ),
              },
              {
                title: diff.left.title,
                key: 'left',
                render: (_: unknown, r) =>
                  r.left ? (
                    <>
                      <Typography.Text strong>{r.left.citation}</Typography.Text> {r.left.text}
                    </>
                  ) : (
                    '—'
                  ),
              },
              {
                title: diff.right.title,
                key: 'right',
                render: (_: unknown, r) =>
                  r.right ? (
                    <>
                      <Typography.Text strong>{r.right.citation}</Typography.Text> {r.right.text}
                    </>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}

export default function PoliciesPage() {
  const [list, setList] = useState<PolicySummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    get<PolicySummary[]>('/api/v1/policies')
      .then(setList)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);

  return (
    <Card title="容错纠错制度">
      {error ? (
        <Alert type="error" showIcon title="制度列表加载失败" description={error} />
      ) : list === null ? (
        <Spin description="加载中…" style={{ display: 'block', margin: '24px auto' }} />
      ) : list.length === 0 ? (
        <Empty description="尚未加载任何制度" />
      ) : (
        <Tabs
          items={[
            { key: 'browse', label: '条文', children: <PolicyView list={list} /> },
            { key: 'diff', label: '制度对比', children: <DiffView list={list} /> },
          ]}
        />
      )}
    </Card>
  );
}
