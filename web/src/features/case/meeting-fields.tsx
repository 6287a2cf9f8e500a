// When the deciding body met and who attended: asked by the decision and by the review
// that changes it. The meeting is dated between the submission for decision (or, for a
// review, the decision reviewed) and today in China: the picker offers no other day, and
// the server refuses one all the same.

import { DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { required } from '@shared/form-rules.ts';
import { chineseDate } from '@shared/format.ts';

export interface MeetingValues {
  meetingDate?: Dayjs;
  members?: string[];
}

/** Whether a day lies outside [earliest, latest] ('YYYY-MM-DD'; earliest may be unknown). */
export function outsideDays(earliest: string | null, latest: string) {
  return (day: Dayjs) => {
    const d = day.format('YYYY-MM-DD');
    return d > latest || (earliest !== null && d < earliest);
  };
}

export function MeetingFields({
  placeholder,
  earliest,
  latest,
}: {
  placeholder?: string;
  /** The first day the meeting may be dated; null when the case does not know it. */
  earliest: string | null;
  /** Today in China. */
  latest: string;
}) {
  const range =
    earliest === null
      ? `不晚于${chineseDate(latest)}`
      : earliest === latest
        ? `为${chineseDate(latest)}`
        : `在${chineseDate(earliest)}至${chineseDate(latest)}之间`;
  return (
    <>
      <Form.Item
        label="会议日期"
        name="meetingDate"
        rules={[required('请选择会议日期')]}
        extra={`会议日期应${range}`}
      >
        <DatePicker
          style={{ width: '100%' }}
          format="YYYY年M月D日"
          disabledDate={outsideDays(earliest, latest)}
        />
      </Form.Item>
      <Form.Item
        label="参会人员"
        name="members"
        extra="输入姓名或职务后按回车；本案当事人及回避人员不得参会"
        rules={[{ required: true, type: 'array', min: 1, message: '请填写参会人员' }]}
      >
        <Select
          mode="tags"
          open={false}
          tokenSeparators={[',', '，', '、']}
          placeholder={placeholder}
        />
      </Form.Item>
    </>
  );
}

/**
 * The form's start: a meeting today in China (the server's day, not the browser's: a
 * meeting may not be dated later), its members to be written.
 */
export function meetingDefaults(today: string): MeetingValues {
  return { meetingDate: dayjs(today), members: [] };
}

export function meetingPayload(v: MeetingValues) {
  return {
    meetingDate: v.meetingDate?.format('YYYY-MM-DD'),
    members: (v.members ?? []).map((m) => m.trim()).filter(Boolean),
  };
}
