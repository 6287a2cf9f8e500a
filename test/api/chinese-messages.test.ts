// Every refusal a user can meet reads in Chinese with a stable code (issue 9, item 9): the
// evidence upload's wrong type and oversized file, a role that is missing (named by its
// Chinese label, never its code), a fact the policy does not have.

import { describe, expect, it } from 'vitest';
import { storeTargets } from '../support/test-databases.ts';
import type { HttpClient } from '../support/http-client.ts';
import { useHarness } from './api-harness.ts';

const LATIN = /[A-Za-z]/;
/** Units and file types every office writes so (as the browser test's whitelist). */
const UNITS = /\b(?:MiB|MB|KB|PDF|JPEG|PNG|DOCX|OFD|TXT)\b/g;

describe.each(storeTargets())('messages in Chinese ($name)', (target) => {
  const h = useHarness(target);

  async function investigating(lina: HttpClient) {
    const list = await lina.get('/api/v1/cases?state=investigating');
    const { id } = list.body.items[0] as { id: string };
    return (await lina.get(`/api/v1/cases/${id}`)).body as { id: string; version: number };
  }

  function expectChinese(
    res: { status: number; body: { error: { code: string; message: string } } },
    status: number,
    code: string,
  ) {
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(/\p{Script=Han}/u);
    expect(res.body.error.message.replace(UNITS, '')).not.toMatch(LATIN);
  }

  it('refuses an upload of a type no evidence has, or over the limit, in Chinese', async () => {
    const lina = await h.as('lina');
    const c = await investigating(lina);
    const path = `/api/v1/cases/${c.id}/evidence?version=${c.version}&filename=a.pdf`;
    // A browser form's multipart body, and a type the evidence list does not hold.
    for (const type of ['multipart/form-data; boundary=x', 'application/octet-stream', 'image/gif'])
      expectChinese(
        await lina.request('POST', path, new Uint8Array([1, 2, 3]), { 'content-type': type }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    expectChinese(
      await lina.request('POST', path, new Uint8Array(20 * 1024 * 1024 + 1), {
        'content-type': 'application/pdf',
      }),
      413,
      'EVIDENCE_TOO_LARGE',
    );
    expectChinese(
      await lina.request('POST', '/api/v1/cases', JSON.stringify({ title: '长'.repeat(200_000) }), {
        'content-type': 'application/json',
      }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('names a missing role by its Chinese label', async () => {
    const lina = await h.as('lina');
    for (const [path, role] of [
      ['/api/v1/audit', '审计管理员'],
      ['/api/v1/users', '系统管理员或安全管理员'],
    ] as const) {
      const res = await lina.get(path);
      expectChinese(res, 403, 'FORBIDDEN');
      expect(res.body.error.message).toBe(`需要${role}角色`);
    }
  });

  it('names the policy of an unknown fact by its title', async () => {
    const lina = await h.as('lina');
    const c = await investigating(lina);
    const res = await lina.request('PUT', `/api/v1/cases/${c.id}/facts/a99.9`, {
      version: c.version,
      value: true,
    });
    expect(res.body.error.code).toBe('UNKNOWN_FACT');
    expect(res.body.error.message.replace('a99.9', '')).not.toMatch(LATIN);
  });
});
