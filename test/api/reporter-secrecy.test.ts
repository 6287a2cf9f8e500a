// The reporter's secrecy (第十九条; issue 11), end to end on the real `rongcuo serve` with
// its request log on: a named report with a distinctive name, contact and address is
// received by the petitions staff, found untrue and malicious, answered with feedback and
// followed by a clearance. Then the identity is looked for, in every form it could take,
// and found nowhere:
// - in any answer of any GET route of the OpenAPI document (ids filled in with the
//   report's, its case's, the reported officer's, the clearance's; text searches asked
//   for part of the name; exports unzipped) to the reported officer, the investigators,
//   secretaries and reviewers of the unit and of another, another unit's petitions staff,
//   the three administrators and no one signed in; nor in the petitions staff's own
//   answers but the one that reads the identity;
// - in the audit log's answers and export and the statistics' exports among them;
// - in any row of any table (a dump through a superuser), and on the embedded database in
//   any file of its cluster, WAL included;
// - in anything the server wrote to standard output or error.
// And the petitions staff's read of the identity is an audit event that names the report only.

import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo-data.ts';
import { todayInChina } from '../../src/domain/calendar-date.ts';
import { openDatabase } from '../../src/store/database.ts';
import { HttpClient } from '../support/http-client.ts';
import { ROOT, runCli } from '../support/run-cli.ts';
import {
  databaseDump,
  filesHolding,
  readAll,
  secretsIn,
  signIn,
  sweepUrls,
  type RawAnswer,
  type SweepIds,
} from '../support/secret-search.ts';
import { startServe, type ServeProcess } from '../support/serve-process.ts';
import {
  embeddedSuperuserUrl,
  freshServerDatabase,
  pristineDataDir,
  superuserDb,
} from '../support/test-databases.ts';

const REPORTER = {
  name: '斯琴高娃·保密核验',
  contact: '13847195273',
  address: '锡林浩特市保密核验巷七十七号',
};
const SECRETS = Object.values(REPORTER);
/** Everyone but the petitions staff of the report's unit: none of them reads the identity. */
const OTHERS = [
  'wangqiang', // the reported officer
  'zhaoli',
  'lina',
  'zhangmin',
  'liuyang',
  'sunhao',
  'zhouyan',
  'wulei',
  'heping', // petitions staff of another bureau
  'sysadmin',
  'secadmin',
  'auditadmin',
];

interface System {
  readonly serve: ServeProcess;
  readonly env: NodeJS.ProcessEnv;
  /** A superuser's connection URL to the system's database, once serve has stopped. */
  superuserUrl(): Promise<{ url: string; dataDir: string | null; close(): Promise<void> }>;
  remove(): Promise<void>;
}

function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const {
    DATABASE_URL: _url,
    DATABASE_OWNER_URL: _owner,
    RONGCUO_DATA_DIR: _data,
    RONGCUO_IDENTITY_KEY: _key,
    RONGCUO_IDENTITY_KEY_PREVIOUS: _previous,
    ...rest
  } = process.env;
  // LOG_LEVEL turns the request log on, as an operator would to look into a problem.
  return { ...rest, LOG_LEVEL: 'info', ...extra };
}

/** `rongcuo serve` on a fresh embedded database, the demo loaded on its first start. */
async function embeddedSystem(files: string): Promise<System> {
  const { dataDir, remove } = await pristineDataDir();
  const env = cleanEnv({ RONGCUO_DATA_DIR: dataDir, ...fileDirs(files) });
  const serve = await startServe(ROOT, env);
  return {
    serve,
    env,
    async superuserUrl() {
      const store = await openDatabase({ dataDir });
      return { url: embeddedSuperuserUrl(store), dataDir, close: () => store.close() };
    },
    remove,
  };
}

/** `rongcuo serve` on a fresh database of the server, the demo loaded by `rongcuo demo`. */
async function serverSystem(adminUrl: string, files: string): Promise<System> {
  const fresh = await freshServerDatabase(adminUrl, 'rongcuo_secrecy');
  const env = cleanEnv({
    DATABASE_URL: fresh.url,
    DATABASE_OWNER_URL: fresh.ownerUrl,
    ...fileDirs(files),
  });
  const demo = await runCli(['demo'], undefined, env);
  if (demo.code !== 0) throw new Error(`rongcuo demo: ${demo.stderr}`);
  const serve = await startServe(ROOT, env, ['--no-demo']);
  return {
    serve,
    env,
    superuserUrl: async () => ({ url: fresh.adminUrl, dataDir: null, close: async () => {} }),
    remove: () => fresh.drop(),
  };
}

/** The keys and checkpoints in a directory of the test's, never under the project's ./data. */
const fileDirs = (base: string) => ({
  RONGCUO_KEY_DIR: path.join(base, 'keys'),
  RONGCUO_CHECKPOINT_DIR: path.join(base, 'audit-checkpoints'),
});

const targets: { name: string; start(files: string): Promise<System> }[] = [
  { name: 'embedded', start: embeddedSystem },
];
if (process.env.TEST_DATABASE_URL) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  targets.push({ name: 'server', start: (files) => serverSystem(adminUrl, files) });
}

describe.each(targets)('the reporter’s identity ($name)', (target) => {
  let system: System;
  let files: string;
  let ids: SweepIds;
  let reportNumber: string;
  const base = () => system.serve.url;

  beforeAll(async () => {
    files = await mkdtemp(path.join(tmpdir(), 'rongcuo-secrecy-'));
    system = await target.start(files);
  }, 240_000);

  afterAll(async () => {
    await system?.serve.stop();
    await system?.remove();
    if (files) await rm(files, { recursive: true, force: true });
  });

  async function client(username: string) {
    const c = new HttpClient(base());
    const res = await c.post('/api/v1/session', { username, password: DEMO_PASSWORD });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    c.csrfToken = res.body.csrfToken;
    return c;
  }

  it('is received, read by the petitions staff and carried through finding and feedback', async () => {
    const today = todayInChina(new Date());
    const sys = await client('sysadmin');
    const users = (await sys.get('/api/v1/users')).body as { id: string; username: string }[];
    const officerId = users.find((u) => u.username === 'wangqiang')!.id;
    const lina = await client('lina');
    // A case about the reported officer, to link: the report then reaches the case's routes.
    const cases = (await lina.get(`/api/v1/cases?officerId=${officerId}&limit=5`)).body.items as {
      id: string;
      unit: { id: string };
    }[];
    expect(cases.length).toBeGreaterThan(0);
    const xuqing = await client('xuqing');
    const created = await xuqing.post('/api/v1/reports', {
      receivedOn: today,
      channel: 'visit',
      named: true,
      reporter: REPORTER,
      summary: '反映执法人员在检查中索要财物（保密核验）',
      officerIds: [officerId],
      caseId: cases[0]!.id,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const report = created.body as { id: string; number: string; version: number };
    reportNumber = report.number;
    expect(JSON.stringify(created.body)).not.toContain(REPORTER.name);
    // A refused intake carrying the identity: its answer and log must not echo it either.
    const refused = await xuqing.post('/api/v1/reports', {
      receivedOn: today,
      channel: 'visit',
      named: false,
      reporter: REPORTER,
      summary: '匿名举报不应附带举报人信息',
      officerIds: [officerId],
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(secretsIn(JSON.stringify(refused.body), SECRETS)).toEqual([]);

    const read = await xuqing.get(`/api/v1/reports/${report.id}/reporter`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body).toMatchObject(REPORTER);

    const found = await xuqing.post(`/api/v1/reports/${report.id}/finding`, {
      expectedVersion: report.version,
      finding: 'untrue',
      reasons: '经调查核实，反映的问题不属实，系恶意中伤',
      foundOn: today,
      malice: 'slander',
    });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    const fed = await xuqing.post(`/api/v1/reports/${report.id}/feedback`, {
      expectedVersion: found.body.version,
      givenOn: today,
      channel: 'written',
      content: '已书面告知举报人调查结果',
    });
    expect(fed.status, JSON.stringify(fed.body)).toBe(200);
    const clearance = await xuqing.post(`/api/v1/reports/${report.id}/clearances`, {
      officerId,
      basis: 'malicious',
      findings: '经查，反映王强同志索要财物的问题不属实，予以澄清正名',
      accusationReach: 'unit',
      scope: 'unit',
      methods: ['written_notice'],
      decidedOn: today,
    });
    expect(clearance.status, JSON.stringify(clearance.body)).toBe(201);

    ids = {
      reportId: report.id,
      caseId: cases[0]!.id,
      officerId,
      unitId: cases[0]!.unit.id,
      policyId: 'xilingol-emergency-2024',
      clearanceId: clearance.body.id as string,
      // Part of the name: a search is logged with its words, which are the searcher's own.
      searchText: REPORTER.name.slice(0, 4),
    };
  });

  it('appears in no API answer of the officer, the unit, other units and administrators', async () => {
    const doc = (await fetch(`${base()}/api/v1/openapi.json`).then((r) => r.json())) as Parameters<
      typeof sweepUrls
    >[0];
    const urls = sweepUrls(doc, ids);
    expect(urls).toContain(`/api/v1/reports/${ids.reportId}`);
    expect(urls).toContain(`/api/v1/reports/${ids.reportId}/reporter`);
    expect(urls).toContain(`/api/v1/officers/${ids.officerId}/record`);
    expect(urls.filter((u) => u.startsWith('/api/v1/statistics/export')).length).toBeGreaterThan(1);
    expect(urls.filter((u) => u.startsWith('/api/v1/audit/export')).length).toBeGreaterThan(0);

    const answers = new Map<string, RawAnswer[]>();
    answers.set('(未登录)', await readAll(base(), '', urls));
    for (const username of OTHERS)
      answers.set(
        username,
        await readAll(base(), await signIn(base(), username, DEMO_PASSWORD), urls),
      );
    const own = urls.filter((u) => !u.endsWith('/reporter'));
    answers.set(
      'xuqing',
      await readAll(base(), await signIn(base(), 'xuqing', DEMO_PASSWORD), own),
    );

    const leaks = [...answers].flatMap(([who, list]) =>
      list.flatMap((a) => secretsIn(a.text, SECRETS).map((s) => `${who} ${a.url}: ${s}`)),
    );
    expect(leaks).toEqual([]);

    // The sweep read what it was meant to: the report by its readers, refused the identity.
    const status = (who: string, url: string) =>
      answers.get(who)!.find((a) => a.url === url)?.status;
    const detail = `/api/v1/reports/${ids.reportId}`;
    expect(status('lina', detail)).toBe(200);
    expect(answers.get('lina')!.find((a) => a.url === detail)!.text).toContain(reportNumber);
    expect(status('xuqing', detail)).toBe(200);
    expect(status('wangqiang', detail)).toBe(403);
    for (const who of OTHERS)
      expect(status(who, `${detail}/reporter`), who).toBeGreaterThanOrEqual(403);
    expect(status('lina', `${detail}/reporter`)).toBe(403);
    expect(answers.get('lina')!.find((a) => a.url === `${detail}/reporter`)!.text).toContain(
      'IDENTITY_FORBIDDEN',
    );
    const record = `/api/v1/officers/${ids.officerId}/record`;
    expect(status('wangqiang', record)).toBe(200);
    const audit = answers.get('auditadmin')!;
    expect(
      audit.filter((a) => a.url.startsWith('/api/v1/audit') && a.status === 200).length,
    ).toBeGreaterThan(1);
    const stats = answers
      .get('liuyang')!
      .filter((a) => a.url.startsWith('/api/v1/statistics/export'));
    expect(stats.some((a) => a.status === 200)).toBe(true);
  }, 300_000);

  it('is read by the petitions staff as an audit event naming the report only', async () => {
    const auditor = await client('auditadmin');
    const listed = await auditor.get('/api/v1/audit?action=report.read_identity&limit=500');
    expect(listed.status).toBe(200);
    const reads = (
      listed.body.items as { entityId: string; actor: { username: string }; data: unknown }[]
    ).filter((e) => e.entityId === ids.reportId);
    expect(reads).toHaveLength(1);
    expect(reads[0]!.actor.username).toBe('xuqing');
    expect(secretsIn(JSON.stringify(reads[0]), SECRETS)).toEqual([]);
    expect((await auditor.get('/api/v1/audit/verify')).body.ok).toBe(true);
  });

  it('appears nowhere in the server’s output, the database or its files', async () => {
    // Stopped first: its output is then complete, and the cluster's files are at rest.
    expect(await system.serve.stop()).toBe(0);
    const log = system.serve.output();
    expect(log).toContain('"url":"/api/v1/reports"');
    expect(log.split('\n').filter((line) => secretsIn(line, SECRETS).length > 0)).toEqual([]);

    const superuser = await system.superuserUrl();
    const admin = superuserDb(superuser.url);
    try {
      const dump = await databaseDump(admin);
      expect(dump.tables).toBeGreaterThan(20);
      expect(dump.text).toContain(reportNumber);
      expect(dump.text).toContain('sm4cbc-hmacsm3.v1.');
      expect(secretsIn(dump.text, SECRETS)).toEqual([]);
    } finally {
      await admin.destroy();
      await superuser.close();
    }
    if (superuser.dataDir === null) {
      // On the server, also the dump an operator takes (pg_dump of the same major version
      // as the server; the embedded PostgreSQL 18 ships none, and its files are read below).
      const { stdout } = await promisify(execFile)('pg_dump', ['--dbname', superuser.url], {
        maxBuffer: 512 * 1024 * 1024,
      });
      expect(stdout).toContain(reportNumber);
      expect(secretsIn(stdout, SECRETS)).toEqual([]);
    } else {
      // The cluster's files, WAL included; the report's number shows the search sees text.
      expect(await filesHolding(superuser.dataDir, [reportNumber])).not.toEqual([]);
      expect(await filesHolding(superuser.dataDir, SECRETS)).toEqual([]);
    }
  }, 120_000);
});
