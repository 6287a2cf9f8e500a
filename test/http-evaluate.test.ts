// POST /api/v1/evaluate over real HTTP: the contract's examples, malformed bodies, OpenAPI.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemble, type Application } from '../src/main.ts';
import type { Store } from '../src/store/database.ts';
import { HttpClient } from './support/http-client.ts';
import { storeTargets } from './support/test-databases.ts';

let store: Store;
let app: Application;
let client: HttpClient;
/** The application's clock; a test may set it. */
let clock: Date | null = null;

beforeAll(async () => {
  store = await storeTargets()[0]!.open();
  app = await assemble({ store, now: () => clock ?? new Date() });
  client = new HttpClient(await app.server.listen({ port: 0, host: '127.0.0.1' }));
}, 60_000);
afterAll(async () => {
  await app?.close();
  await store?.close();
});

const examples = (await readFile(join(import.meta.dirname, 'fixtures/spec-examples.jsonl'), 'utf8'))
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map(
    (l) =>
      JSON.parse(l) as { input: unknown; expected: { error?: { code: string; message: string } } },
  );

describe('POST /api/v1/evaluate', () => {
  it.each(examples.map((e, i) => [i, e] as const))(
    'answers example %i as the contract says',
    async (_i, e) => {
      const res = await client.post('/api/v1/evaluate', e.input);
      if (e.expected.error) {
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe(e.expected.error.code);
        expect(res.body.error.message).toContain(e.expected.error.message);
      } else {
        expect(res.status).toBe(200);
        expect(res.body).toEqual(e.expected);
      }
    },
  );

  it('answers malformed bodies with 400 INVALID_INPUT, never a 500', async () => {
    for (const [body, type] of [
      ['{"policy": ', 'application/json'],
      ['', 'application/json'],
      ['not json at all', 'text/plain'],
      ['[1,2,3]', 'application/json'],
      ['"a string"', 'application/json'],
      ['{"policy":"xilingol-emergency-2024","facts":null}', 'application/json'],
    ] as const) {
      const res = await client.request('POST', '/api/v1/evaluate', body, { 'content-type': type });
      expect(res.status, body).toBe(400);
      expect(res.body.error.code, body).toBe('INVALID_INPUT');
    }
  });

  it('answers a "__proto__" fact as the CLI does: UNKNOWN_FACT', async () => {
    const res = await client.request(
      'POST',
      '/api/v1/evaluate',
      '{"policy":"xilingol-emergency-2024","facts":{"__proto__":true}}',
      {
        'content-type': 'application/json',
      },
    );
    expect(res.body.error.code).toBe('UNKNOWN_FACT');
  });

  it('adds the explanation with ?explain=true', async () => {
    const res = await client.post('/api/v1/evaluate?explain=true', {
      policy: 'xilingol-education-2024',
      asOf: '2025-01-01',
      facts: { 'a9.1': true, 'a12.c1': false },
    });
    expect(res.status).toBe(200);
    expect(res.body.explanation.summary).toBe(
      '认定结论：履职尽责，尽职免责，依据第九条第（一）项。',
    );
    expect(res.body.policyVersion).toBe(1);
  });
});

describe('POST /api/v1/evaluate on the application clock', () => {
  it('takes today from the application, not from the machine', async () => {
    clock = new Date('2024-10-05T02:00:00Z');
    try {
      const emergency = await client.post('/api/v1/evaluate', {
        policy: 'xilingol-emergency-2024',
        facts: {},
      });
      expect(emergency.body.asOf).toBe('2024-10-05');
      // The education regime takes effect on 2024-10-14.
      const education = await client.post('/api/v1/evaluate', {
        policy: 'xilingol-education-2024',
        facts: {},
      });
      expect(education.body.error.code).toBe('POLICY_NOT_IN_FORCE');
    } finally {
      clock = null;
    }
  });
});

describe('the API around it', () => {
  it('serves the OpenAPI document, the docs page and health', async () => {
    const doc = await client.get('/api/v1/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.0.3');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/evaluate', '/api/v1/health']),
    );
    expect((await client.get('/api/v1/docs/')).status).toBe(200);
    expect((await client.get('/api/v1/health')).body).toEqual({
      status: 'ok',
      database: 'ok',
      pid: expect.any(Number),
    });
  });

  it('answers unknown routes with 404 NOT_FOUND in the error shape', async () => {
    const res = await client.get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});
