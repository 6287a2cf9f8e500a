// What the audit chain must never keep in clear. An event's data is hashed into the
// tamper-evident log and stays there for good: a row cannot be edited or deleted without
// breaking the chain. So a secret that reached it once (a reporter's name, a password)
// could never be taken out again. The events are written to hold no secret (第十九条:
// audit data of a report holds `{ named: true }` at most); this is the net under that
// rule: appendAudit masks the values of secret fields, anywhere in the data, before the
// event is hashed, so that a coding mistake elsewhere cannot put a secret into the chain.
//
// Fields are known by their name, compared without case, `_` or `-` (reporter_name,
// reporterName and Reporter-Name are one name). The list is exact names rather than
// patterns: `mustChangePassword: true` and `named: true` are facts an auditor needs, and
// a pattern like "*password" would hide them. What is masked:
// - the reporter's identity (第十九条): the `reporter` object the intake request carries
//   ({name, contact, address}) and its flattened or sealed forms, and `identity`;
// - credentials: passwords under the names code gives them (`password`, `newPassword`…),
//   their hashes, session and CSRF tokens, and any `secret` or private key.
// A name alone (`name`, `address`, `contact`) is not masked: units, members of a
// deciding body and persons served are named in the audit data on purpose.

/** What a masked value becomes: the same text every time, so it says nothing of what it was. */
export const AUDIT_MASK = '［已遮蔽］';

/** The secret field names, normalized (lower case, no `_` or `-`). */
export const SECRET_AUDIT_FIELDS: ReadonlySet<string> = new Set([
  // 举报人身份 (第十九条)
  'reporter',
  'reportername',
  'reportercontact',
  'reporteraddress',
  'reporterphone',
  'reporteridentity',
  'reportersealed',
  'identity',
  'sealedidentity',
  // Credentials
  'password',
  'newpassword',
  'currentpassword',
  'oldpassword',
  'passwordhash',
  'secret',
  'privatekey',
  'token',
  'csrftoken',
  'sessiontoken',
  'accesstoken',
  'refreshtoken',
]);

const normalized = (field: string) => field.toLowerCase().replace(/[_-]/g, '');

export function isSecretAuditField(field: string): boolean {
  return SECRET_AUDIT_FIELDS.has(normalized(field));
}

/**
 * The data with every secret field's value replaced by AUDIT_MASK, at any depth, in
 * objects and in arrays; a value that is null or absent stays so (nothing was there to
 * hide, and `reporter: null` says the report is anonymous). The data is first written as
 * JSON would write it (toJSON applied), so what is masked is what would be stored.
 * Returns new objects; the data given is not changed.
 */
export function maskAuditSecrets(data: Record<string, unknown>): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(data) ?? '{}') as Record<string, unknown>;
  return maskObject(plain);
}

function maskValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskValue);
  if (value !== null && typeof value === 'object')
    return maskObject(value as Record<string, unknown>);
  return value;
}

// Object.fromEntries defines own properties: a field named `__proto__` stays a field.
function maskObject(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object).map(([field, value]) => [
      field,
      isSecretAuditField(field) && value !== null ? AUDIT_MASK : maskValue(value),
    ]),
  );
}
