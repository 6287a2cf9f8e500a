// The two database roles (src/store/database-roles.ts): through the application's own
// connection, the audit trail cannot be rewritten and the schema cannot be changed; the
// grants follow the schema; an application role that could do more is refused at start,
// on the server, and put back in its place on the embedded cluster.

import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/database.ts';
import { EMBEDDED_APP, EMBEDDED_OWNER } from '../src/store/database-roles.ts';
import type { Database } from '../src/store/schema.ts';
import { runCli } from './support/run-cli.ts';
import {
  embeddedSuperuserUrl,
  freshServerDatabase,
  pristineDataDir,
  storeTargets,
  superuserDb,
  type TestStore,
} from './support/test-databases.ts';

const ZERO_HASH = '0'.repeat(64);

/** The database's owner, as the superuser reads it. */
async function ownerOf(admin: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ owner: string }>`
    select pg_get_userbyid(datdba) as owner from pg_database
    where datname = current_database()`.execute(admin);
  return rows[0]!.owner;
}

describe.each(storeTargets())('the application role on $name', (target) => {
  let store: TestStore;
  let db: Kysely<Database>;

  beforeAll(async () => {
    store = await target.open();
    await store.migrate();
    db = store.db;
  });
  afterAll(() => store?.close());

  it('is a plain role, neither superuser nor owner', async () => {
    const { rows } = await sql<{ user: string; superuser: boolean }>`
      select current_user as user, rolsuper as superuser from pg_roles
      where rolname = current_user`.execute(db);
    expect(rows[0]!.superuser).toBe(false);
    expect(rows[0]!.user).not.toBe(await ownerOf(store.admin));
    if (target.name === 'embedded') expect(rows[0]!.user).toBe(EMBEDDED_APP);
  });

  it('cannot switch the audit trigger off, nor change or remove an audit row', async () => {
    await db
      .insertInto('audit_events')
      .values({
        action: 'test',
        entity_type: 'test',
        entity_id: '1',
        data: JSON.stringify({ n: 1 }),
        prev_hash: ZERO_HASH,
        hash: 'b'.repeat(64),
      })
      .execute();
    await expect(sql`set session_replication_role = replica`.execute(db)).rejects.toThrow(
      /permission denied to set parameter "session_replication_role"/,
    );
    await expect(sql`alter table audit_events disable trigger user`.execute(db)).rejects.toThrow(
      /must be owner/,
    );
    await expect(sql`update audit_events set action = 'edited'`.execute(db)).rejects.toThrow(
      /permission denied for table audit_events/,
    );
    await expect(sql`delete from audit_events`.execute(db)).rejects.toThrow(
      /permission denied for table audit_events/,
    );
    await expect(sql`truncate audit_events`.execute(db)).rejects.toThrow(
      /permission denied for table audit_events/,
    );
    const owner = await ownerOf(store.admin);
    await expect(sql`set role ${sql.id(owner)}`.execute(db)).rejects.toThrow(/permission denied/);
    const rows = await db.selectFrom('audit_events').select('action').execute();
    expect(rows.map((r) => r.action)).toContain('test');
    expect(rows.some((r) => r.action === 'edited')).toBe(false);
  });

  it('cannot alter, drop or create a table, nor replace a function', async () => {
    await expect(sql`alter table units add column extra integer`.execute(db)).rejects.toThrow(
      /must be owner/,
    );
    await expect(sql`drop table sessions`.execute(db)).rejects.toThrow(/must be owner/);
    await expect(sql`create table mine (id integer)`.execute(db)).rejects.toThrow(
      /permission denied for schema public/,
    );
    await expect(
      sql`create or replace function audit_events_append_only() returns trigger
          language plpgsql as $$ begin return new; end $$`.execute(db),
    ).rejects.toThrow(/permission denied for schema public|must be owner/);
    await expect(sql`alter sequence case_number_seq restart`.execute(db)).rejects.toThrow(
      /must be owner/,
    );
    await expect(sql`select setval('case_number_seq', 1)`.execute(db)).rejects.toThrow(
      /permission denied for sequence case_number_seq/,
    );
  });

  it('still reads, writes and deletes the application tables', async () => {
    const { id } = await db
      .insertInto('units')
      .values({ name: '角色测试局', kind: 'bureau', parent_id: null, policy_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('units').set({ name: '角色测试局（改）' }).where('id', '=', id).execute();
    await db.deleteFrom('units').where('id', '=', id).execute();
    expect(await db.selectFrom('units').select('id').where('id', '=', id).execute()).toEqual([]);
    // A case number draws on its sequence (USAGE), through the schema's own function.
    const { rows } = await sql<{ n: string }>`select next_case_number() as n`.execute(db);
    expect(rows[0]!.n).toMatch(/^RC-\d{4}-\d{6}$/);
  });

  it('is granted a table a later migration adds, at the next migration run', async () => {
    const owner = await ownerOf(store.admin);
    await store.admin.transaction().execute(async (trx) => {
      await sql`set local role ${sql.id(owner)}`.execute(trx);
      await sql`create table later_table (id integer primary key)`.execute(trx);
    });
    await expect(sql`select * from later_table`.execute(db)).rejects.toThrow(/permission denied/);
    expect(await store.migrate()).toEqual([]);
    await sql`insert into later_table (id) values (1)`.execute(db);
    expect((await sql`select id from later_table`.execute(db)).rows).toEqual([{ id: 1 }]);
  });

  it('lets instances that start together migrate and grant at the same time', async () => {
    const runs = await Promise.all([store.migrate(), store.migrate(), store.migrate()]);
    expect(runs).toEqual([[], [], []]);
  });

  it('refuses to start on a database a newer release migrated, naming what it does not know', async () => {
    await sql`insert into kysely_migration (name, timestamp) values ('9999_from_a_newer_release', now())`.execute(
      store.admin,
    );
    try {
      const refused = await store.migrate().then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toMatchObject({ code: 'SCHEMA_NEWER_THAN_RELEASE' });
      expect((refused as Error).message).toContain('9999_from_a_newer_release');
      expect((refused as Error).message).toContain('更新的版本');
    } finally {
      await sql`delete from kysely_migration where name = '9999_from_a_newer_release'`.execute(
        store.admin,
      );
    }
    expect(await store.migrate()).toEqual([]);
  });

  it('loses at the next start any privilege granted beyond its own', async () => {
    const app = (await sql<{ user: string }>`select current_user as user`.execute(db)).rows[0]!
      .user;
    await sql`grant update, delete on audit_events to ${sql.id(app)}`.execute(store.admin);
    await store.migrate();
    await expect(sql`delete from audit_events`.execute(db)).rejects.toThrow(
      /permission denied for table audit_events/,
    );
  });
});

describe('the embedded cluster', () => {
  it('puts its application role back in its place at every start', async () => {
    const { dataDir, remove } = await pristineDataDir();
    try {
      const first = await openDatabase({ dataDir });
      await first.migrate();
      const admin = superuserDb(embeddedSuperuserUrl(first));
      await sql`alter role ${sql.id(EMBEDDED_APP)} superuser`.execute(admin);
      await sql`grant ${sql.id(EMBEDDED_OWNER)} to ${sql.id(EMBEDDED_APP)}`.execute(admin);
      // A cluster made before the roles: its tables owned by the superuser.
      await sql`alter table units owner to postgres`.execute(admin);
      await admin.destroy();
      await first.close();

      const again = await openDatabase({ dataDir });
      try {
        await again.migrate();
        const { rows } = await sql<{ superuser: boolean; member: boolean; unitsOwner: string }>`
          select rolsuper as superuser,
                 pg_has_role(current_user, ${EMBEDDED_OWNER}, 'MEMBER') as member,
                 (select pg_get_userbyid(relowner) from pg_class
                   where oid = 'public.units'::regclass) as "unitsOwner"
          from pg_roles where rolname = current_user`.execute(again.db);
        expect(rows[0]).toEqual({ superuser: false, member: false, unitsOwner: EMBEDDED_OWNER });
        await expect(sql`set session_replication_role = replica`.execute(again.db)).rejects.toThrow(
          /permission denied/,
        );
      } finally {
        await again.close();
      }
    } finally {
      await remove();
    }
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.each(serverUrl ? [serverUrl] : [])('on a PostgreSQL server (%s)', (adminUrl) => {
  it('refuses a superuser, or the owner, as the application role, in Chinese and English', async () => {
    const fresh = await freshServerDatabase(adminUrl, 'rongcuo_test');
    try {
      for (const [url, why] of [
        [fresh.adminUrl, 'superuser'],
        [fresh.ownerUrl, 'database owner'],
      ] as const) {
        const store = await openDatabase({ url, ownerUrl: fresh.ownerUrl });
        try {
          await expect(store.migrate()).rejects.toMatchObject({
            code: 'DATABASE_ROLE_REFUSED',
            message: expect.stringMatching(
              new RegExp(`权限过大.*${why}.* / The role .* can do too much`),
            ),
          });
        } finally {
          await store.close();
        }
      }
    } finally {
      await fresh.drop();
    }
  });

  it('starts without the owner only on a schema `rongcuo migrate` brought up to date', async () => {
    const fresh = await freshServerDatabase(adminUrl, 'rongcuo_test');
    const { DATABASE_URL: _url, DATABASE_OWNER_URL: _owner, ...rest } = process.env;
    try {
      const early = await openDatabase({ url: fresh.url });
      await expect(early.migrate()).rejects.toMatchObject({
        code: 'SCHEMA_OUT_OF_DATE',
        message: expect.stringContaining('rongcuo migrate'),
      });
      await early.close();

      const alone = await runCli(['migrate'], undefined, { ...rest, DATABASE_URL: fresh.url });
      expect(alone.code).toBe(2);
      expect(alone.stderr).toContain('DATABASE_OWNER_URL');
      const migrated = await runCli(['migrate'], undefined, {
        ...rest,
        DATABASE_URL: fresh.url,
        DATABASE_OWNER_URL: fresh.ownerUrl,
      });
      expect(migrated.code, migrated.stderr).toBe(0);
      expect(migrated.stdout).toContain('0001_initial');

      const later = await openDatabase({ url: fresh.url });
      try {
        expect(await later.migrate()).toEqual([]);
        await expect(sql`delete from audit_events`.execute(later.db)).rejects.toThrow(
          /permission denied/,
        );
        // Granted by hand beyond its own, with no owner to take it back: refused.
        const admin = superuserDb(fresh.adminUrl);
        await sql`grant delete on audit_events to ${sql.id(new URL(fresh.url).username)}`.execute(
          admin,
        );
        await admin.destroy();
        await expect(later.migrate()).rejects.toMatchObject({
          code: 'DATABASE_ROLE_REFUSED',
          message: expect.stringContaining('DELETE on audit_events'),
        });
      } finally {
        await later.close();
      }
    } finally {
      await fresh.drop();
    }
  });

  it('`rongcuo serve` refuses a superuser DATABASE_URL with the reason, not a stack', async () => {
    const fresh = await freshServerDatabase(adminUrl, 'rongcuo_test');
    const { DATABASE_OWNER_URL: _owner, ...rest } = process.env;
    try {
      const run = await runCli(['serve', '--port', '0', '--no-demo'], undefined, {
        ...rest,
        DATABASE_URL: fresh.adminUrl,
        DATABASE_OWNER_URL: fresh.ownerUrl,
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/权限过大（superuser/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await fresh.drop();
    }
  });
});
