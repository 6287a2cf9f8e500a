// Disabling an account (停用账号): the system administrator stops an account from signing
// in, say when its holder leaves, and may enable it again. Never their own (they would lock
// themselves out), never another administrator's (三员分立: the system administrator
// could otherwise silence the security or the audit administrator).

import type { ManagedAccount, RuleError } from './account-rules.ts';
import { isAdminRole } from './roles.ts';
import { isRole } from '../vocabulary.ts';

export function checkDisable(actorId: string, target: ManagedAccount): RuleError | null {
  if (target.id === actorId) return { code: 'FORBIDDEN', message: '不得停用或启用自己的账号' };
  if (target.roles.some((r) => isRole(r) && isAdminRole(r)))
    return { code: 'FORBIDDEN', message: '不得停用或启用管理员的账号（三员分立）' };
  return null;
}

/** What a disabled account hears at sign-in once its password is right. */
export const ACCOUNT_DISABLED_MESSAGE = '该账号已停用，无法登录；如有疑问，请联系系统管理员';
