import { describe, expect, it } from 'vitest';
import { canonicalJson } from './audit-chain.ts';
import { AUDIT_MASK, isSecretAuditField, maskAuditSecrets } from './audit-secrets.ts';

const NAME = '呼和巴特尔';
const CONTACT = '13904791234';

describe('maskAuditSecrets', () => {
  it('masks a reporter copied from a request body, whole', () => {
    const data = {
      named: true,
      body: { reporter: { name: NAME, contact: CONTACT, address: '额尔敦路' }, channel: 'visit' },
    };
    const masked = maskAuditSecrets(data);
    expect(masked).toEqual({ named: true, body: { reporter: AUDIT_MASK, channel: 'visit' } });
    const text = canonicalJson(masked);
    for (const secret of [NAME, CONTACT, '额尔敦路']) expect(text).not.toContain(secret);
  });

  it('masks secret fields at any depth, in arrays, whatever their case or separators', () => {
    const masked = maskAuditSecrets({
      changes: [
        { reporter_name: NAME, kept: 1 },
        { 'Reporter-Contact': CONTACT },
        { nested: [{ PASSWORD: 'Xilin#Gol2026', csrfToken: 'abc', identity: { name: NAME } }] },
      ],
      newPassword: 'Own#Choice2026',
      secret: 'f'.repeat(64),
      reporterSealed: 'sm4cbc-hmacsm3.v1.x.y.z.w',
    });
    expect(masked).toEqual({
      changes: [
        { reporter_name: AUDIT_MASK, kept: 1 },
        { 'Reporter-Contact': AUDIT_MASK },
        { nested: [{ PASSWORD: AUDIT_MASK, csrfToken: AUDIT_MASK, identity: AUDIT_MASK }] },
      ],
      newPassword: AUDIT_MASK,
      secret: AUDIT_MASK,
      reporterSealed: AUDIT_MASK,
    });
  });

  it('keeps what an auditor needs: flags, names of units and members, null reporters', () => {
    const data = {
      mustChangePassword: true,
      required: false,
      named: true,
      reporter: null,
      name: '锡林郭勒盟应急管理局',
      members: ['张三', '李四'],
      deliveredTo: '王强',
      reportId: '5b0e0a4c-7a47-4c3e-9a61-0d2f4a1b9c11',
      fromKeyIds: ['0123456789abcdef'],
    };
    expect(maskAuditSecrets(data)).toEqual(data);
  });

  it('does not change the data it is given, and masks what JSON would store', () => {
    const reporter = { name: NAME };
    const data = { reporter, at: new Date('2026-11-30T00:00:00.000Z'), gone: undefined };
    const masked = maskAuditSecrets(data);
    expect(data.reporter).toBe(reporter);
    expect(reporter).toEqual({ name: NAME });
    expect(masked).toEqual({ reporter: AUDIT_MASK, at: '2026-11-30T00:00:00.000Z' });
  });

  it('keeps a field named __proto__ a field, and masks inside it', () => {
    const data = JSON.parse('{"__proto__": {"password": "p"}}') as Record<string, unknown>;
    const masked = maskAuditSecrets(data);
    expect(Object.getPrototypeOf(masked)).toBe(Object.prototype);
    expect(canonicalJson(masked)).toBe(`{"__proto__":{"password":"${AUDIT_MASK}"}}`);
  });

  it('knows a secret field by its name only', () => {
    for (const field of ['reporter', 'reporterAddress', 'current_password', 'token', 'Secret'])
      expect(isSecretAuditField(field), field).toBe(true);
    for (const field of ['reportId', 'reporterKeyId', 'mustChangePassword', 'address', 'name'])
      expect(isSecretAuditField(field), field).toBe(false);
  });
});
