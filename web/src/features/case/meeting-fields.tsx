// When the deciding body met and who attended: asked by the decision and by the review
// that changes it.

import { DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { required } from '@shared/form-rules.ts';

export interface MeetingValues {
  meetingDate?: Dayjs;
  members?: string[];
}

export function MeetingFields({ placeholder }: { placeholder?: string }) {
  return (
    <>
      <Form.Item label="会议日期" name="meetingDate" rules={[required('请选择会议日期')]}>
        <DatePicker style={{ width: '100%' }} format="YYYY年M月D日" />
      </Form.Item>
      <Form.Item
        label="参会人员"
        name="members"
        extra="输入姓名或职务后按回车"
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
