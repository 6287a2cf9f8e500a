// E-mail addresses.

import { found, matches, type Finder } from './personal-information.ts';

/** wang.qiang@example.com → w***@example.com. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return `${email[0] ?? ''}***${email.slice(at)}`;
}

const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/gu;

export const findEmails: Finder = (text) =>
  [...matches(EMAIL, text)].map((m) => found('email', m.index, m[0], maskEmail(m[0])));
