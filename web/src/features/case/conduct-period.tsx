// When the conduct happened (行为发生日期): asked by the application and the initiation,
// one day or, ticked 持续一段时间, the first and last day; shown on the case page and in
// the case list as 2024年10月1日 or 2024年10月1日至2024年10月20日. The server judges the
// conduct under the version of the regime in force on its last day and refuses a day
// after today; the pickers offer no later day.

import { Checkbox, DatePicker, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { required } from '@shared/form-rules.ts';
import { chineseDate } from '@shared/format.ts';

/** Shown as 2024年10月1日; typed as that or as 2024-10-01. */
const FORMATS = ['YYYY年M月D日', 'YYYY-MM-DD', 'YYYY-M-D'];

export interface ConductValues {
  conductOverPeriod?: boolean;
  conductDate?: Dayjs;
  conductPeriod?: [Dayjs, Dayjs];
}

/** 2024年10月1日, or 2024年10月1日至2024年10月20日 for a conduct over a period. */
export function conductPeriodText(conductDate: string, conductEndDate: string | null): string {
  return conductEndDate === null || conductEndDate === conductDate
    ? chineseDate(conductDate)
    : `${chineseDate(conductDate)}至${chineseDate(conductEndDate)}`;
}

// en-CA writes YYYY-MM-DD.
const CHINA_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** After today in China, whatever the browser's time zone: a conduct cannot be in the future. */
function isFuture(day: Dayjs): boolean {
  return day.format('YYYY-MM-DD') > CHINA_DAY.format(new Date());
}

export function ConductDateFields() {
  const overPeriod = Form.useWatch<boolean | undefined>('conductOverPeriod');
  return (
    <>
      {overPeriod ? (
        <Form.Item
          label="行为发生期间"
          name="conductPeriod"
          extra="按行为最后一日施行的制度版本认定。"
          rules={[{ required: true, type: 'array', message: '请选择行为的开始和结束日期' }]}
        >
          <DatePicker.RangePicker
            format={FORMATS}
            disabledDate={isFuture}
            placeholder={['开始日期', '结束日期']}
            style={{ width: '100%', maxWidth: 420 }}
          />
        </Form.Item>
      ) : (
        <Form.Item
          label="行为发生日期"
          name="conductDate"
          extra="按行为发生之日施行的制度版本认定。"
          rules={[required('请选择行为发生日期')]}
        >
          <DatePicker
            format={FORMATS}
            disabledDate={isFuture}
            placeholder="选择日期"
            style={{ width: '100%', maxWidth: 240 }}
          />
        </Form.Item>
      )}
      <Form.Item name="conductOverPeriod" valuePropName="checked" style={{ marginTop: -8 }}>
        <Checkbox>持续一段时间</Checkbox>
      </Form.Item>
    </>
  );
}

/** The request's conductDate and conductEndDate from the form's values. */
export function conductPayload(v: ConductValues): {
  conductDate: string;
  conductEndDate: string | null;
} {
  const day = (d: Dayjs) => dayjs(d).format('YYYY-MM-DD');
  if (v.conductOverPeriod && v.conductPeriod) {
    const [start, end] = v.conductPeriod;
    return { conductDate: day(start), conductEndDate: day(end) };
  }
  return { conductDate: v.conductDate ? day(v.conductDate) : '', conductEndDate: null };
}
