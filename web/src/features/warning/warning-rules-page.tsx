// 警示规则 (/admin/warning-rules), the system administrator's: the thresholds at which
// recurring errors raise a 警示提醒 (第十八条 “同一类问题频繁出现或者同一领域集中出现”): the
// same error type N times within M months in one unit, the same field in K units within M
// months; for one regime or each. The whole set is saved at once against the version read;
// the server audits every change with the rule before and after.

import { App, Button, Card, Form, InputNumber, Select, Space, Switch, Typography } from 'antd';
import type {
  WarningRuleSet,
  WarningRuleSetInput,
} from '../../../../src/contract/warning.schemas.ts';
import {
  MONTHS_MAX,
  MONTHS_MIN,
  THRESHOLD_MAX,
  THRESHOLD_MIN,
  WARNING_RULE_KIND_LABELS,
} from '../../../../src/contract/warning.schemas.ts';
import { ApiError, put } from '@shared/api-client.ts';
import { FormError } from '@shared/form-error.tsx';
import { required } from '@shared/form-rules.ts';
import { Loaded } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';
import { useSubmit } from '@shared/use-submit.ts';

type RuleValues = WarningRuleSetInput['rules'][number];

const KIND_OPTIONS = Object.entries(WARNING_RULE_KIND_LABELS).map(([value, label]) => ({
  value,
  label,
}));

/** What the threshold counts, by kind. */
const COUNTS: Record<RuleValues['kind'], string> = {
  same_error_type_in_unit: '次（同一单位同一错误类型）',
  same_field_across_units: '个单位（同一执法领域）',
};

function RulesForm({
  set,
  saved,
  reload,
}: {
  set: WarningRuleSet;
  saved: (next: WarningRuleSet) => void;
  reload: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ rules: RuleValues[] }>();
  const policies = [{ value: '', label: '全部制度（各制度分别统计）' }, ...set.policies];
  const { busy, error, submit } = useSubmit(async ({ rules }: { rules: RuleValues[] }) => {
    const body: WarningRuleSetInput = {
      expectedVersion: set.version,
      rules: rules.map((r) => ({
        ...(r.id ? { id: r.id } : {}),
        kind: r.kind,
        policyId: r.policyId || null,
        threshold: r.threshold,
        months: r.months,
        enabled: r.enabled,
      })),
    };
    let next: WarningRuleSet;
    try {
      next = await put<WarningRuleSet>('/api/v1/warning-rules', body);
    } catch (e) {
      // Another administrator saved first: show the rules as they are now.
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        reload();
        throw new ApiError(e.status, e.code, '警示规则已被他人修改，已重新载入，请核对后重试');
      }
      throw e;
    }
    // The set's new version remounts the form with the rules as saved.
    saved(next);
    void message.success('警示规则已保存');
  }, '保存失败，请稍后再试');
  const kinds = Form.useWatch('rules', form) ?? [];
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={busy}
      onFinish={(v) => void submit(v)}
      initialValues={{ rules: initial(set) }}
    >
      <FormError error={error} />
      <Form.List name="rules">
        {(rows, { add, remove }) => (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {rows.map((row, index) => {
              const kind = kinds[index]?.kind ?? 'same_error_type_in_unit';
              const n = index + 1;
              return (
                <Card
                  key={row.key}
                  size="small"
                  title={`规则 ${n}`}
                  data-testid={`warning-rule-${kind}`}
                  extra={
                    <Button type="link" danger onClick={() => remove(row.name)}>
                      删除
                    </Button>
                  }
                >
                  <Form.Item name={[row.name, 'id']} hidden>
                    <input />
                  </Form.Item>
                  <Space wrap align="start" size="large">
                    <Form.Item
                      label="种类"
                      name={[row.name, 'kind']}
                      rules={[required('请选择种类')]}
                    >
                      <Select
                        options={KIND_OPTIONS}
                        style={{ width: 240 }}
                        aria-label={`规则 ${n} 种类`}
                      />
                    </Form.Item>
                    <Form.Item label="适用制度" name={[row.name, 'policyId']}>
                      <Select
                        options={policies}
                        style={{ width: 300 }}
                        aria-label={`规则 ${n} 适用制度`}
                      />
                    </Form.Item>
                    <Form.Item
                      label="统计期间（月）"
                      name={[row.name, 'months']}
                      rules={[required('请填写统计期间')]}
                    >
                      <InputNumber
                        min={MONTHS_MIN}
                        max={MONTHS_MAX}
                        precision={0}
                        aria-label={`规则 ${n} 统计期间（月）`}
                      />
                    </Form.Item>
                    <Form.Item
                      label={`达到（${COUNTS[kind]}）`}
                      name={[row.name, 'threshold']}
                      rules={[required('请填写次数')]}
                    >
                      <InputNumber
                        min={THRESHOLD_MIN}
                        max={THRESHOLD_MAX}
                        precision={0}
                        aria-label={`规则 ${n} 达到`}
                      />
                    </Form.Item>
                    <Form.Item label="启用" name={[row.name, 'enabled']} valuePropName="checked">
                      <Switch aria-label={`规则 ${n} 启用`} />
                    </Form.Item>
                  </Space>
                </Card>
              );
            })}
            <Space>
              <Button
                onClick={() =>
                  add({
                    kind: 'same_error_type_in_unit',
                    policyId: '',
                    threshold: 3,
                    months: 12,
                    enabled: true,
                  })
                }
              >
                添加规则
              </Button>
              <Button type="primary" htmlType="submit" loading={busy}>
                保存警示规则
              </Button>
            </Space>
          </Space>
        )}
      </Form.List>
    </Form>
  );
}

/** The rules as the form holds them: a regime of null as the choice 全部制度 (''). */
function initial(set: WarningRuleSet): RuleValues[] {
  return set.rules.map((r) => ({
    id: r.id,
    kind: r.kind,
    policyId: r.policyId ?? '',
    threshold: r.threshold,
    months: r.months,
    enabled: r.enabled,
  }));
}

export default function WarningRulesPage() {
  const { data, error, update, reload } = useFetch<WarningRuleSet>('/api/v1/warning-rules');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        警示规则
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        对同一类问题频繁出现或者同一领域集中出现的易错情形，按以下规则向有关单位发出警示提醒。统计已作出决定的案件，以决定日期计；每项规则对同一批案件只提醒一次。修改后立即按新规则统计，并记入审计日志。
      </Typography.Paragraph>
      <Loaded data={data} error={error} failed="警示规则加载失败">
        {(set) => (
          <Card>
            <Typography.Paragraph type="secondary">
              当前：
              {set.rules
                .map((r) => `${r.text}（${r.policyTitle}${r.enabled ? '' : '，已停用'}）`)
                .join('；') || '无'}
            </Typography.Paragraph>
            <RulesForm
              key={set.version}
              set={set}
              saved={(next) => update(() => next)}
              reload={reload}
            />
          </Card>
        )}
      </Loaded>
    </Space>
  );
}
