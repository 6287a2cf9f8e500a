// 执法领域 and 错误类型 on the new-case form: the choices of the taxonomy of the unit's
// regime, as the server gives them (GET /api/v1/classification-choices); both required,
// since the case goes to the deciding body only once classified (第十八条's warnings count
// decided cases by them).

import { Form, Select } from 'antd';
import type { ClassificationChoices } from '../../../../src/contract/classification.schemas.ts';
import { FormError } from '@shared/form-error.tsx';
import { required } from '@shared/form-rules.ts';
import { useFetch } from '@shared/use-fetch.ts';

/** The two selects, for the unit the case will belong to (none chosen yet: disabled). */
export function ClassificationFields({ unitId }: { unitId: string | null }) {
  const choices = useFetch<ClassificationChoices>(
    unitId === null ? null : `/api/v1/classification-choices?unitId=${encodeURIComponent(unitId)}`,
  );
  const options = choices.data;
  return (
    <>
      <FormError error={choices.error} />
      <Form.Item
        label="执法领域"
        name="field"
        rules={[required('请选择执法领域')]}
        extra={unitId === null ? '请先选择被核查的执法人员' : undefined}
      >
        <Select
          placeholder="选择执法领域"
          options={options?.fields ?? []}
          loading={choices.loading}
          disabled={unitId === null}
        />
      </Form.Item>
      <Form.Item label="错误类型" name="errorType" rules={[required('请选择错误类型')]}>
        <Select
          placeholder="选择错误类型"
          options={options?.errorTypes ?? []}
          loading={choices.loading}
          disabled={unitId === null}
        />
      </Form.Item>
    </>
  );
}
