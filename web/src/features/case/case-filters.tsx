// The case list's filters, kept in the URL's query string so a filtered list can be
// linked and survives back and forward.

import { Button, Card, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { CASE_STATE_LABELS, CASE_STATES, GROUND_LABELS } from '../../../../src/contract/labels.ts';

interface Filters {
  state?: string;
  unitId?: string;
  policyId?: string;
  officerId?: string;
  outcome?: string;
  q?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const TEXT_KEYS = ['state', 'unitId', 'policyId', 'officerId', 'outcome', 'q'] as const;
const FILTER_KEYS = [...TEXT_KEYS, 'from', 'to'] as const;

const STATE_OPTIONS = CASE_STATES.map((s) => ({ value: s, label: CASE_STATE_LABELS[s] }));
const OUTCOME_OPTIONS = Object.entries(GROUND_LABELS).map(([value, label]) => ({ value, label }));

type Options = { value: string; label: string }[];

interface SelectFilter {
  name: (typeof TEXT_KEYS)[number];
  label: string;
  /** What the filter left empty means, shown as its placeholder. */
  all: string;
  options: Options;
  search?: boolean;
}

export function CaseFilters({
  units,
  policies,
  officers,
}: {
  units: Options;
  policies: Options;
  officers: Options;
}) {
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Filters>();

  // The form follows the URL (back/forward, links).
  useEffect(() => {
    const from = params.get('from');
    const to = params.get('to');
    form.setFieldsValue({
      ...Object.fromEntries(TEXT_KEYS.map((k) => [k, params.get(k) ?? undefined])),
      range: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null,
    });
  }, [params, form]);

  /** A new query with the page size kept and the page reset. */
  const search = (values: Record<string, string | undefined | null>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(values)) if (v && v.trim()) next.set(k, v.trim());
    const limit = params.get('limit');
    if (limit) next.set('limit', limit);
    setParams(next);
  };

  const apply = (v: Filters) =>
    search({
      ...Object.fromEntries(TEXT_KEYS.map((k) => [k, v[k]])),
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
    });

  const reset = () => {
    form.resetFields();
    search({});
  };

  // The filters that pick from a list; `search` where the list is long.
  const selects: SelectFilter[] = [
    { name: 'state', label: '状态', all: '全部状态', options: STATE_OPTIONS },
    { name: 'unitId', label: '单位', all: '全部单位（含下级）', options: units, search: true },
    { name: 'policyId', label: '制度', all: '全部制度', options: policies },
    { name: 'outcome', label: '认定结论', all: '全部结论', options: OUTCOME_OPTIONS },
    { name: 'officerId', label: '执法人员', all: '全部人员', options: officers, search: true },
  ];
  return (
    <Card size="small">
      <Form form={form} layout="vertical" onFinish={apply}>
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
            columnGap: 16,
          }}
        >
          {selects.map(({ name, label, all, options, search }) => (
            <Form.Item key={name} label={label} name={name}>
              <Select
                allowClear
                showSearch={search ? { optionFilterProp: 'label' } : undefined}
                placeholder={all}
                options={options}
              />
            </Form.Item>
          ))}
          <Form.Item label="提出日期" name="range">
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              style={{ width: '100%' }}
              placeholder={['开始日期', '结束日期']}
            />
          </Form.Item>
          <Form.Item label="关键词" name="q">
            <Input allowClear placeholder="案号、标题或履职行为" maxLength={100} />
          </Form.Item>
        </div>
        <Space>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
          <Button onClick={reset} disabled={!FILTER_KEYS.some((k) => params.get(k))}>
            重置
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
