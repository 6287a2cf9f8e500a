// The steps of a report's handling (信访举报, 第十九条; 教育局 第十八条): their codes and the
// words on their buttons. Who takes them and in which state is report-machine.ts.

/** Each step with the words of its button. */
export const REPORT_STEP_LABELS = {
  attach: '上传举报材料',
  link_case: '关联容错案件',
  record_finding: '记录查处结论',
  give_feedback: '向实名举报人反馈',
  explain: '匿名举报说明情况',
  close: '办结',
  refer: '移送纪检监察',
} as const;

export type ReportAction = keyof typeof REPORT_STEP_LABELS;
export const REPORT_ACTIONS = Object.freeze(Object.keys(REPORT_STEP_LABELS) as ReportAction[]);
