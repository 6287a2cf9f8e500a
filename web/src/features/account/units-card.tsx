// 单位: the unit tree, and the form that adds a unit under it (系统管理员).

import { App, Button, Card, Empty, Form, Input, Select, Tree } from 'antd';
import type { NewUnitBody, Unit } from '../../../../src/contract/account.schemas.ts';
import { UNIT_KIND_LABELS, type UnitKind } from '../../../../src/contract/labels.ts';
import { post } from '@shared/api-client.ts';
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
        />
      )}
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
