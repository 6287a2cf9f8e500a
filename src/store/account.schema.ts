// The account tables (migrations 0001 and 0003): units, users, sessions and what sign-in keeps.

import type { ColumnType, Generated } from 'kysely';

export interface UnitTable {
  id: Generated<string>;
  /** null for a root (盟); the tree is 盟 → 局 → 科室 / 旗县局. */
  parent_id: string | null;
  name: string;
  kind: string;
  /** null: follow the nearest ancestor's policy. */
  policy_id: string | null;
  /** The prefix of its case numbers (锡盟应急容); null: the nearest ancestor's (0007). */
  case_number_prefix: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  unit_id: string;
  roles: ColumnType<string[], string[] | undefined, string[]>;
  /** 执法证号, unique where present. */
  badge_number: string | null;
  failed_logins: Generated<number>;
  /** The last failure counted toward the lockout (migration 0003). */
  last_failed_login_at: Date | null;
  locked_until: Date | null;
  password_changed_at: Date | null;
  /** Set by an administrator's new or reset password: the user changes it first (0003). */
  must_change_password: Generated<boolean>;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
}

/** The login state of a typed name that is no account, by its keyed hash (0003). */
export interface LoginNameStateTable {
  name_hash: string;
  failed_logins: Generated<number>;
  last_failed_at: Date | null;
  locked_until: Date | null;
}

/** Failed sign-ins counted per subject and window, audited in aggregate (0003). */
export interface SignInFailureTable {
  window_start: Date;
  /** `account:<user id>` or `name:<keyed hash of the typed name>`. */
  subject: string;
  failures: Generated<number>;
  refused_locked: Generated<number>;
  lockouts: Generated<number>;
}

/** Keys the application keeps in its database, e.g. the key of typed names' hashes (0003). */
export interface AccountSecretTable {
  name: string;
  value: string;
}

export interface SessionTable {
  /** The SHA-256 (hex) of the session cookie's token, never the token itself. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
}
