// 登记研究决定: the review opinions the body had before it; the meeting, dated between the
// submission for decision and today, its members and those recused (回避) with the
// reason; the conclusion (the engine's outcome offered first; a different one must say
// why); and the related units to tell, chosen from the case's own system as a tree.

import { Button, Collapse, Form, Input, Select, Space, TreeSelect } from 'antd';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import type { UnitChoice } from '../../../../src/contract/fairness.schemas.ts';
import { required, requiredText } from '@shared/form-rules.ts';
import { useFetch } from '@shared/use-fetch.ts';
import { ActionModal, useActionForm, type ActionFormProps } from './action-modal.tsx';
import type { ActionPayload } from './case-writes.ts';
import {
  MeetingFields,
  meetingDefaults,
  meetingPayload,
  type MeetingValues,
} from './meeting-fields.tsx';
import { ReviewOpinions } from './review-opinions.tsx';

interface DecisionValues extends MeetingValues {
  conclusion: string;
  relatedUnitIds?: string[];
  departureReason?: string;
  recusedMembers?: { name?: string; reason?: string }[];
}

/** The label of an outcome among the policy's options. */
export function outcomeLabel(detail: CaseDetail, outcome: string | null): string {
  if (!outcome) return '—';
  return detail.forms.outcomes.find((o) => o.value === outcome)?.label ?? outcome;
}

interface UnitTreeNode {
  value: string;
  title: string;
  children: UnitTreeNode[];
}

/** The units of the system as the tree of the picker, the system's own unit at its root. */
export function unitTree(units: readonly UnitChoice[]): UnitTreeNode[] {
  const nodes = new Map(
    units.map((u) => [u.id, { value: u.id, title: u.name, children: [] as UnitTreeNode[] }]),
  );
  const roots: UnitTreeNode[] = [];
  for (const u of units) {
    const parent = u.parentId === null ? undefined : nodes.get(u.parentId);
    (parent ? parent.children : roots).push(nodes.get(u.id)!);
  }
  return roots;
}

export function DecisionModal({
  detail,
  ...props
}: ActionFormProps<ActionPayload> & { detail: CaseDetail }) {
  const { outcomes, engineOutcome, fairness, today } = detail.forms;
  const units = useFetch<UnitChoice[]>(
    `/api/v1/cases/${encodeURIComponent(detail.id)}/related-unit-choices`,
  );
  // A conclusion other than the engine's must say why.
  const departs = (conclusion: string | undefined) =>
    conclusion !== undefined && conclusion !== engineOutcome;
  const { form, modal } = useActionForm(props, (v: DecisionValues) =>
    props.onSubmit({
      ...meetingPayload(v),
      conclusion: v.conclusion,
      relatedUnitIds: v.relatedUnitIds ?? [],
      recusedMembers: (v.recusedMembers ?? []).map((m) => ({
        name: (m.name ?? '').trim(),
        reason: (m.reason ?? '').trim(),
      })),
      departureReason: departs(v.conclusion) ? (v.departureReason ?? '').trim() : null,
    }),
  );
  const conclusion = Form.useWatch('conclusion', form);
  return (
    <ActionModal {...modal} title="登记研究决定" okText="登记" width={720}>
      <Collapse
        size="small"
        style={{ marginBottom: 16 }}
        defaultActiveKey={['reviews']}
        items={[
          {
            key: 'reviews',
            label: `审核意见（${detail.reviews.length}）`,
            children: <ReviewOpinions detail={detail} />,
          },
        ]}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          ...meetingDefaults(today),
          conclusion: engineOutcome ?? undefined,
          relatedUnitIds: [],
          recusedMembers: [],
        }}
      >
        <MeetingFields
          placeholder="如：党委书记、局长"
          earliest={fairness.meetingDateFrom}
          latest={today}
        />
        <Form.List name="recusedMembers">
          {(fields, { add, remove }) => (
            <Form.Item label="回避人员" extra="参会人员中依规定回避的，写明姓名及理由">
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map((field, index) => (
                  <Space key={field.key} align="start" wrap>
                    <Form.Item
                      name={[field.name, 'name']}
                      rules={[requiredText('请填写回避人员姓名')]}
                      noStyle
                    >
                      <Input
                        placeholder="姓名"
                        aria-label={`回避人员${index + 1}姓名`}
                        maxLength={50}
                        style={{ width: 160 }}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'reason']}
                      rules={[requiredText('请填写回避理由')]}
                      noStyle
                    >
                      <Input
                        placeholder="回避理由"
                        aria-label={`回避人员${index + 1}理由`}
                        maxLength={1000}
                        style={{ width: 320 }}
                      />
                    </Form.Item>
                    <Button onClick={() => remove(field.name)}>删除</Button>
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ name: '', reason: '' })}>
                  添加回避人员
                </Button>
              </Space>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item
          label="认定结论"
          name="conclusion"
          rules={[required('请选择认定结论')]}
          extra={engineOutcome ? `系统认定意见：${outcomeLabel(detail, engineOutcome)}` : undefined}
        >
          <Select options={outcomes} />
        </Form.Item>
        <Form.Item
          label="相关单位（将一并告知）"
          name="relatedUnitIds"
          extra="只能选择本系统的单位"
        >
          <TreeSelect
            multiple
            treeDefaultExpandAll
            loading={units.data === null && units.error === null}
            treeData={unitTree(units.data ?? [])}
            treeNodeFilterProp="title"
            showSearch
            placeholder="选择需告知的相关单位"
          />
        </Form.Item>
        {departs(conclusion) && (
          <Form.Item
            label="理由（认定结论与系统认定意见不一致）"
            name="departureReason"
            rules={[requiredText('认定结论与系统认定意见不一致，须写明理由')]}
          >
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
        )}
      </Form>
    </ActionModal>
  );
}
