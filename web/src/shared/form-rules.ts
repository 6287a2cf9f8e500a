// The rules most form fields ask for, each with the message it shows.

import type { FormRule } from 'antd';

/** The field must be filled in or chosen. */
export function required(message: string): FormRule {
  return { required: true, message };
}

/** The text must be written: blanks alone count as empty. */
export function requiredText(message: string): FormRule {
  return { required: true, whitespace: true, message };
}

/** The text may have `max` characters at most: 描述不能超过 10000 字. */
export function maxChars(what: string, max: number): FormRule {
  return { max, message: `${what}不能超过 ${max} 字` };
}
