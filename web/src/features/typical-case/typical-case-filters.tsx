// The library's filters (制度, 执法领域, 错误类型, 条款, 认定结论, 关键词), kept in the URL's
// query string so a search can be linked and survives back and forward. The choices are
// the server's: each policy's taxonomy, articles and outcomes.

import { Button, Card, Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import type { TypicalCaseFilters as Choices } from '../../../../src/contract/typical-case.schemas.ts';

export const FILTER_KEYS = [
  'policy',
  'field',
  'errorType',
  'article',
  'outcome',
  'keyword',
] as const;
type Key = (typeof FILTER_KEYS)[number];
type Values = Partial<Record<Key, string>>;
type Options = { value: string; label: string }[];

/** Each value once; the first label wins. */
function union(lists: Options[]): Options {
  const seen = new Map<string, string>();
  for (const list of lists)
    for (const o of list) if (!seen.has(o.value)) seen.set(o.value, o.label);
  return [...seen].map(([value, label]) => ({ value, label }));
}

export function TypicalCaseFilters({ choices }: { choices: Choices }) {
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const policyId = Form.useWatch('policy', form);

  useEffect(() => {
    form.setFieldsValue(
      Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])) as Values,
    );
  }, [params, form]);

  const chosen = choices.policies.filter((p) => !policyId || p.id === policyId);
  const search = (v: Values) => {
    const next = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const value = v[k]?.trim();
      if (value) next.set(k, value);
    }
    setParams(next);
  };
  const selects: { name: Key; label: string; all: string; options: Options }[] = [
    {
      name: 'policy',
      label: '制度',
      all: '全部制度',
      options: choices.policies.map((p) => ({ value: p.id, label: p.title })),
    },
    {
      name: 'field',
      label: '执法领域',
      all: '全部领域',
      options: union(chosen.map((p) => p.fields)),
    },
    {
      name: 'errorType',
      label: '错误类型',
      all: '全部类型',
      options: union(chosen.map((p) => p.errorTypes)),
    },
    {
      name: 'article',
      label: '条款',
      all: '全部条款',
      options: union(chosen.map((p) => p.articles)),
    },
    {
      name: 'outcome',
      label: '认定结论',
      all: '全部结论',
      options: union(chosen.map((p) => p.outcomes)),
    },
  ];
  return (
    <Card size="small">
      <Form form={form} layout="vertical" onFinish={search}>
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
            columnGap: 16,
          }}
        >
          {selects.map(({ name, label, all, options }) => (
            <Form.Item key={name} label={label} name={name}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={all}
                options={options}
              />
            </Form.Item>
          ))}
          <Form.Item label="关键词" name="keyword">
            <Input allowClear placeholder="公示文本或情形的文字" maxLength={100} />
          </Form.Item>
        </div>
        <Space>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              search({});
            }}
            disabled={!FILTER_KEYS.some((k) => params.get(k))}
          >
            重置
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
