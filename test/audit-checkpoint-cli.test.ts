// `rongcuo audit checkpoint` and `rongcuo audit verify` through the real binary on an
// embedded database: the end of the chain rewritten (the last row edited and rehashed) or
// cut off (the last rows deleted) verifies as a chain, and is caught against the signed
// checkpoint; a forged checkpoint is reported; the key stays outside the database.

import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { writeAuditCheckpoint } from '../src/app/audit/audit-checkpoints.ts';
import { appendAudit, sm3, verifyAuditLog } from '../src/app/audit/audit-log.ts';
import { auditFileLocations } from '../src/audit-files/audit-file-locations.ts';
import { canonicalAuditEvent } from '../src/domain/audit/audit-chain.ts';
import { openDatabase, type Store } from '../src/store/database.ts';
import type { Database } from '../src/store/schema.ts';
import { inTransaction } from '../src/store/transaction.ts';
import { tamperWithAudit } from './support/audit-tamper.ts';
import { runCli } from './support/run-cli.ts';
import { embeddedSuperuserUrl, pristineDataDir, superuserDb } from './support/test-databases.ts';

/** The embedded store on `dataDir` with a superuser beside it, closed after `work`. */
async function withStore<T>(
  dataDir: string,
  work: (store: Store, admin: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const store = await openDatabase({ dataDir });
  const admin = superuserDb(embeddedSuperuserUrl(store));
  try {
    return await work(store, admin);
  } finally {
    await admin.destroy();
    await store.close();
  }
}

async function appendEvents(store: Store, from: number, to: number) {
  for (let n = from; n <= to; n++) {
    await inTransaction(store.db, (tx) =>
      appendAudit(
        tx,
        {
          actorId: null,
          action: 'case.record_decision',
          entityType: 'case',
          entityId: `case-${n}`,
          data: { n, conclusion: 'tolerated' },
        },
        new Date(),
      ),
    );
  }
}

describe('rongcuo audit checkpoint and verify', () => {
  it('catches a rewritten or cut-off end of the chain, and a forged checkpoint', async () => {
    const { dataDir, remove } = await pristineDataDir();
    const base = path.dirname(dataDir);
    const {
      DATABASE_URL: _url,
      RONGCUO_KEY_DIR: _keys,
      RONGCUO_CHECKPOINT_DIR: _checkpoints,
      ...rest
    } = process.env;
    const env = { ...rest, RONGCUO_DATA_DIR: dataDir };
    const cli = (...args: string[]) => runCli(['audit', ...args], undefined, env);
    try {
      await withStore(dataDir, async (store) => {
        await store.migrate();
        await appendEvents(store, 1, 8);
      });
      const first = await cli('checkpoint');
      expect(first.code, first.stderr).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({
        status: 'written',
        checkpoint: { seq: 8 },
      });
      // The rest in-process, on the same files as the command line (each run of the
      // binary starts the embedded server anew: seconds on a busy machine).
      const locations = auditFileLocations({ dataDir }, env);
      const keyDir = path.join(base, 'keys');
      const checkpointDir = path.join(base, 'audit-checkpoints');
      expect(locations).toEqual({ keyDir, checkpointDir });
      const keyFile = path.join(keyDir, 'audit-signing-key.json');
      const { privateKey } = JSON.parse(await readFile(keyFile, 'utf8')) as {
        privateKey: string;
      };
      const original = await withStore(dataDir, async (store, admin) => {
        await appendEvents(store, 9, 12);
        expect(await writeAuditCheckpoint(store.db, locations, new Date())).toMatchObject({
          status: 'written',
          checkpoint: { seq: 12 },
        });
        expect(await writeAuditCheckpoint(store.db, locations, new Date())).toMatchObject({
          status: 'unchanged',
          checkpoint: { seq: 12 },
        });
        expect(await verifyAuditLog(store.db, locations)).toMatchObject({
          ok: true,
          count: 12,
          breaks: [],
          checkpoint: { seq: 12, matched: true },
        });

        // The last row edited with its text and hash recomputed: every link still holds...
        const row = await store.db
          .selectFrom('audit_events')
          .selectAll()
          .where('seq', '=', 12)
          .executeTakeFirstOrThrow();
        const data = { n: 12, conclusion: 'not_tolerated' };
        const canonical = canonicalAuditEvent(
          {
            seq: 12,
            at: row.at,
            actorId: row.actor_id,
            action: row.action,
            entityType: row.entity_type,
            entityId: row.entity_id,
            data,
          },
          row.prev_hash,
        );
        await tamperWithAudit(
          admin,
          `update audit_events set data = '${JSON.stringify(data)}', canonical = '${canonical}',
             hash = '${sm3(canonical)}' where seq = 12`,
        );
        // ...so the chain alone cannot tell,
        expect(await verifyAuditLog(store.db)).toMatchObject({ ok: true, count: 12 });
        // and no checkpoint is signed over the rewritten chain.
        expect(await writeAuditCheckpoint(store.db, locations, new Date())).toEqual({
          status: 'refused',
          message: expect.stringMatching(/^审计记录 12 与 .* 的签名检查点不符，不写入新的检查点$/),
        });
        // The key is in none of the database's rows.
        const leaked = await admin
          .selectFrom('audit_events')
          .select('seq')
          .where('canonical', 'like', `%${privateKey}%`)
          .execute();
        expect(leaked).toEqual([]);
        return row;
      });

      // The key: beside the data directory, not in it, readable by its owner alone.
      expect(keyFile.startsWith(dataDir + path.sep)).toBe(false);
      expect((await stat(keyDir)).mode & 0o777).toBe(0o700);
      expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
      const files = (await readdir(checkpointDir)).sort();
      expect(files).toHaveLength(2);
      for (const f of files) {
        expect(await readFile(path.join(checkpointDir, f), 'utf8')).not.toContain(privateKey);
      }

      // What the chain alone cannot tell, the signed checkpoint does.
      let verified = await cli('verify');
      expect(verified.code).toBe(1);
      expect(JSON.parse(verified.stdout)).toMatchObject({
        ok: false,
        brokenAt: 12,
        breaks: [{ seq: 12, reason: 'rows_changed' }],
        checkpoint: { seq: 12, matched: false },
      });
      expect(verified.stderr).toContain('审计记录 9–12 中有记录被改写、替换或删除');
      expect(verified.stderr).toContain('第 8 条及以前');

      // The row put back: the chain holds to its checkpoint again. Then the last two rows
      // deleted, and a checkpoint forged: a real one's content moved on, its signature kept.
      await withStore(dataDir, async (store, admin) => {
        await tamperWithAudit(
          admin,
          `update audit_events set data = '${JSON.stringify(original.data)}',
             canonical = '${original.canonical}', hash = '${original.hash}' where seq = 12`,
        );
        expect(await verifyAuditLog(store.db, locations)).toMatchObject({ ok: true });
        await tamperWithAudit(admin, 'delete from audit_events where seq >= 11');
      });
      const real = JSON.parse(
        await readFile(path.join(checkpointDir, files[1]!), 'utf8'),
      ) as Record<string, unknown>;
      await writeFile(
        path.join(checkpointDir, 'checkpoint-000000000010-20990101T000000000Z.json'),
        JSON.stringify({ ...real, seq: 10, at: '2099-01-01T00:00:00.000Z' }),
      );
      verified = await cli('verify');
      expect(verified.code).toBe(1);
      expect(JSON.parse(verified.stdout)).toMatchObject({
        ok: false,
        count: 10,
        breaks: [
          { seq: 11, reason: 'rows_missing' },
          { seq: 10, reason: 'checkpoint_forged' },
        ],
        checkpoint: { seq: 12, matched: false },
      });
      expect(verified.stderr).toContain('审计记录 11–12 已缺失');
      expect(verified.stderr).toContain('现存记录只到第 10 条');
      expect(verified.stderr).toContain('签名无效，可能被伪造');
    } finally {
      await remove();
    }
  }, 180_000);
});
