// 单位: the unit tree with the prefix each unit's cases are numbered under, the form that
// adds a unit under it, and the one that sets a unit's case-number prefix (系统管理员).

import { App, Button, Card, Empty, Form, Input, Select, Space, Tag, Tree, Typography } from 'antd';
import type { NewUnitBody, Unit } from '../../../../src/contract/account.schemas.ts';
import { UNIT_KIND_LABELS, type UnitKind } from '../../../../src/contract/labels.ts';
import { post, put } from '@shared/api-client.ts';
import { FormError } from '@shared/form-error.tsx';
import { required, requiredText } from '@shared/form-rules.ts';
import { useSubmit } from '@shared/use-submit.ts';
import { UnitSelect } from './unit-select.tsx';
import { unitTree } from './unit-tree.ts';

interface UnitForm {
  name: string;
  parentId?: string;
  kind: UnitKind;
}

const KIND_OPTIONS = Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }));

/** A unit in the tree: its name and kind, and the prefix its cases are numbered under. */
function UnitTitle({ unit }: { unit: Unit }) {
  return (
    <Space size={4} wrap>
      <span>{`${unit.name}（${unit.kindLabel}）`}</span>
      {unit.caseNumberPrefix ? (
        <Tag color="blue">案号前缀：{unit.caseNumberPrefix}</Tag>
      ) : unit.caseNumberPrefixIsDefault ? (
        <Tag color="warning">案号前缀未设置（暂用“{unit.caseNumberPrefixInEffect}”）</Tag>
      ) : null}
    </Space>
  );
}

interface PrefixForm {
  unitId: string;
  prefix?: string;
}

/** Sets or clears a unit's case-number prefix; cases already opened keep their numbers. */
function PrefixForm({ units, onSaved }: { units: Unit[]; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PrefixForm>();
  const { busy, error, submit } = useSubmit(async (v: PrefixForm) => {
    const prefix = v.prefix?.trim() ? v.prefix.trim() : null;
    await put<Unit[]>(`/api/v1/units/${v.unitId}/case-number-prefix`, { prefix });
    const name = units.find((u) => u.id === v.unitId)?.name ?? '';
    void message.success(prefix ? `已设置${name}的案号前缀：${prefix}` : `已清除${name}的案号前缀`);
    onSaved();
  });
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      aria-label="设置案号前缀"
      style={{ marginBottom: 16 }}
    >
      <Typography.Title level={5}>案号前缀</Typography.Title>
      <Typography.Paragraph type="secondary">
        案号形如“锡盟应急容〔2026〕5号”，按前缀和年度连续编号。未设置前缀的单位沿用上级单位的前缀；整条上级链都未设置时，暂用本单位名称加“容”。修改前缀只影响此后新建的案件。
      </Typography.Paragraph>
      <FormError error={error} />
      <Form.Item label="单位" name="unitId" rules={[required('请选择单位')]}>
        <UnitSelect
          units={units}
          placeholder="请选择单位"
          onChange={(id: string) =>
            form.setFieldValue(
              'prefix',
              units.find((u) => u.id === id)?.caseNumberPrefix ?? undefined,
            )
          }
        />
      </Form.Item>
      <Form.Item label="前缀" name="prefix" extra="留空则清除，沿用上级单位的前缀">
        <Input maxLength={16} placeholder="如 锡盟应急容" />
      </Form.Item>
      <Button htmlType="submit" loading={busy}>
        保存案号前缀
      </Button>
    </Form>
  );
}

export function UnitsCard({ units, onAdded }: { units: Unit[]; onAdded: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitForm>();
  const tree = unitTree(units);
  const { busy, error, submit } = useSubmit(async (v: UnitForm) => {
    const body: NewUnitBody = { name: v.name.trim(), parentId: v.parentId ?? null, kind: v.kind };
    await post<Unit>('/api/v1/units', body);
    void message.success(`已新建单位：${v.name}`);
    form.resetFields();
    onAdded();
  });

  return (
    <Card title="单位" style={{ marginBottom: 16 }}>
      {tree.length === 0 ? (
        <Empty description="尚无单位" />
      ) : (
        <Tree
          treeData={tree}
          defaultExpandAll
          selectable={false}
          aria-label="单位树"
          style={{ marginBottom: 16 }}
          titleRender={(node) => {
            const unit = units.find((u) => u.id === node.key);
            return unit ? <UnitTitle unit={unit} /> : node.title;
          }}
        />
      )}
      <PrefixForm units={units} onSaved={onAdded} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="新建单位">
        <FormError error={error} />
        <Form.Item label="单位名称" name="name" rules={[requiredText('请输入单位名称')]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="上级单位" name="parentId" extra="不选则为顶级单位">
          <UnitSelect units={units} allowClear placeholder="请选择上级单位" />
        </Form.Item>
        <Form.Item label="单位类型" name="kind" rules={[required('请选择单位类型')]}>
          <Select placeholder="请选择" options={KIND_OPTIONS} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          新建单位
        </Button>
      </Form>
    </Card>
  );
}
