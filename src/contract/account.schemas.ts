// Accounts over HTTP: the session (log in, who am I), units and users (系统管理员),
// roles (安全管理员), and the officers a unit may open a case about.

import { OPENING_TRANSITIONS } from '../domain/case/case-transitions.ts';
import {
  DateTime,
  Nullable,
  StringEnum,
  Text,
  Type,
  Uuid,
  type Static,
  texts,
} from './schema-kit.ts';
import { ROLES, UNIT_KINDS } from '../domain/vocabulary.ts';

export const LoginBody = Type.Object(
  { username: Text(100, 1), password: Text(200, 1) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const PasswordBody = Type.Object(
  { current: Text(200), next: Text(200) },
  { additionalProperties: false },
);
export type PasswordBody = Static<typeof PasswordBody>;

/** A password the system administrator sets for another user, to be changed at first sign-in. */
export const ResetPasswordBody = Type.Object(
  { password: Text(200) },
  { additionalProperties: false },
);
export type ResetPasswordBody = Static<typeof ResetPasswordBody>;

/** 停用 / 启用 an account (系统管理员). */
export const DisabledBody = Type.Object(
  { disabled: Type.Boolean() },
  { additionalProperties: false },
);
export type DisabledBody = Static<typeof DisabledBody>;

export const SessionUser = Type.Object({
  ...texts('id', 'username', 'displayName', 'unitId'),
  roles: Type.Array(StringEnum(ROLES)),
  roleLabels: Type.Array(Type.String()),
  /** How this user may open a case (提出申请, 启动核查), as the domain allows it. */
  newCaseActions: Type.Array(StringEnum(OPENING_TRANSITIONS)),
  /**
   * An administrator set the password: the user must change it (PUT /session/password)
   * before anything else; every other route answers 403 PASSWORD_CHANGE_REQUIRED.
   */
  mustChangePassword: Type.Boolean(),
});
export type SessionUser = Static<typeof SessionUser>;

export const Session = Type.Object({ user: SessionUser, csrfToken: Type.String() });
export type Session = Static<typeof Session>;

export const Unit = Type.Object({
  id: Type.String(),
  parentId: Nullable(Type.String()),
  ...texts('name', 'kind', 'kindLabel'),
  policyId: Nullable(Type.String()),
  /** The unit's own case-number prefix (锡盟应急容); null: its nearest ancestor's (0007). */
  caseNumberPrefix: Nullable(Type.String()),
  /** The prefix its cases are numbered under; a default when none is set in its lineage. */
  caseNumberPrefixInEffect: Type.String(),
  /** True when no unit of its lineage set a prefix and the default applies (to set one). */
  caseNumberPrefixIsDefault: Type.Boolean(),
});
export type Unit = Static<typeof Unit>;

/** A unit's case-number prefix (系统管理员); null clears it (the ancestor's applies). */
export const CaseNumberPrefixBody = Type.Object(
  { prefix: Nullable(Text(16, 1)) },
  { additionalProperties: false },
);
export type CaseNumberPrefixBody = Static<typeof CaseNumberPrefixBody>;

export const NewUnitBody = Type.Object(
  {
    name: Text(100, 1),
    parentId: Nullable(Uuid),
    kind: StringEnum(UNIT_KINDS),
    policyId: Type.Optional(Nullable(Text(100))),
  },
  { additionalProperties: false },
);
export type NewUnitBody = Static<typeof NewUnitBody>;

export const User = Type.Object({
  ...texts('id', 'username', 'displayName', 'unitId'),
  roles: Type.Array(StringEnum(ROLES)),
  badgeNumber: Nullable(Type.String()),
  disabled: Type.Boolean(),
  lockedUntil: Nullable(DateTime),
  /** The password was set by an administrator and not yet changed by the user. */
  mustChangePassword: Type.Boolean(),
});
export type User = Static<typeof User>;

export const NewUserBody = Type.Object(
  {
    username: Type.String({ pattern: '^[a-z0-9._-]{3,40}$' }),
    displayName: Text(50, 1),
    unitId: Uuid,
    password: Text(200),
    badgeNumber: Type.Optional(Nullable(Text(40))),
  },
  { additionalProperties: false },
);
export type NewUserBody = Static<typeof NewUserBody>;

export const RolesBody = Type.Object(
  { roles: Type.Array(StringEnum(ROLES), { maxItems: ROLES.length }) },
  { additionalProperties: false },
);
export type RolesBody = Static<typeof RolesBody>;

/** An officer of the reader's unit subtree, for 单位启动核查. */
export const Officer = Type.Object({
  ...texts('id', 'displayName'),
  badgeNumber: Nullable(Type.String()),
  ...texts('unitId', 'unitName'),
});
export type Officer = Static<typeof Officer>;
