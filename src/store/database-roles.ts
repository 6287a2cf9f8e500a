// The two database roles. The owner owns the schema and runs the migrations; the
// application role, which the running system's pool logs in as, may read and write the
// application's tables but only read and append to the audit trail, and can neither
// alter the schema nor switch triggers off (`session_replication_role` needs a
// superuser). So credentials taken from a running application cannot rewrite the record.
//
// On the embedded cluster Rongcuo makes both roles itself (it holds the superuser); on a
// server the administrator makes them (README, "A PostgreSQL server"), and the start
// refuses an application role that could do more than it should.

import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { StoreError } from './store-error.ts';

/** The embedded cluster's roles; a server's may have any names. */
export const EMBEDDED_OWNER = 'rongcuo_owner';
export const EMBEDDED_APP = 'rongcuo_app';

/**
 * Tables the application may read and append to but never change. A migration that adds
 * another such table (an audit checkpoint, say) names it here; the grants follow at the
 * next start.
 */
export const APPEND_ONLY_TABLES: readonly string[] = ['audit_events'];

/** Arbitrary constant naming the grants' lock among the application's advisory locks. */
const GRANTS_LOCK = 73_201_002;

/** Kysely's bookkeeping: the application reads which migrations ran, and nothing more. */
const MIGRATION_TABLE = 'kysely_migration';
const MIGRATION_LOCK_TABLE = 'kysely_migration_lock';

// ---------------------------------------------------------------------------------------
// The embedded cluster, as its superuser

/** Attributes that give a role nothing beyond its grants; restated at every start. */
const PLAIN_LOGIN = 'login nosuperuser nocreatedb nocreaterole noreplication nobypassrls';

/**
 * Makes the two roles and the application's database owned by the owner, and hands the
 * owner everything in `public` that another role owns: a cluster made before the roles
 * existed had its tables owned by the superuser. Idempotent; run at every start, so a
 * role someone altered by hand is put back.
 */
export async function prepareEmbeddedCluster(
  connection: pg.ClientConfig,
  database: string,
): Promise<void> {
  await withClient({ ...connection, database: 'postgres' }, async (client) => {
    const id = (name: string) => client.escapeIdentifier(name);
    for (const role of [EMBEDDED_OWNER, EMBEDDED_APP]) {
      const found = await client.query('select 1 from pg_roles where rolname = $1', [role]);
      if (found.rowCount === 0) await client.query(`create role ${id(role)} ${PLAIN_LOGIN}`);
      else await client.query(`alter role ${id(role)} ${PLAIN_LOGIN}`);
    }
    // Membership in any role (the owner's above all) could give the application more.
    const memberships = await client.query<{ role: string }>(
      `select r.rolname as role from pg_auth_members m
         join pg_roles r on r.oid = m.roleid join pg_roles u on u.oid = m.member
        where u.rolname = $1`,
      [EMBEDDED_APP],
    );
    for (const { role } of memberships.rows) {
      await client.query(`revoke ${id(role)} from ${id(EMBEDDED_APP)}`);
    }
    const db = await client.query<{ owner: string }>(
      'select pg_get_userbyid(datdba) as owner from pg_database where datname = $1',
      [database],
    );
    if (db.rowCount === 0) {
      await client.query(`create database ${id(database)} owner ${id(EMBEDDED_OWNER)}`);
    } else if (db.rows[0]!.owner !== EMBEDDED_OWNER) {
      await client.query(`alter database ${id(database)} owner to ${id(EMBEDDED_OWNER)}`);
    }
  });
  await withClient({ ...connection, database }, async (client) => {
    const statements = await client.query<{ statement: string }>(OWNERSHIP_FIXES, [EMBEDDED_OWNER]);
    for (const { statement } of statements.rows) await client.query(statement);
    // Tables first: their serial and identity sequences follow them.
    const sequences = await client.query<{ statement: string }>(SEQUENCE_FIXES, [EMBEDDED_OWNER]);
    for (const { statement } of sequences.rows) await client.query(statement);
  });
}

/** ALTER … OWNER for the schema, tables, views, routines and types in `public` owned by others. */
const OWNERSHIP_FIXES = `
  with owner as (select oid from pg_roles where rolname = $1::text)
  select format('alter schema public owner to %I', $1::text) as statement
    from pg_namespace where nspname = 'public'
     and nspowner not in (select oid from owner)
     and nspowner <> 'pg_database_owner'::regrole
  union all
  select format('alter %s %I owner to %I',
           case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
                          when 'f' then 'foreign table' else 'table' end, c.relname, $1)
    from pg_class c
   where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
     and c.relowner not in (select oid from owner)
  union all
  select format('alter routine %s owner to %I', p.oid::regprocedure, $1)
    from pg_proc p
   where p.pronamespace = 'public'::regnamespace and p.proowner not in (select oid from owner)
  union all
  select format('alter type %s owner to %I', t.oid::regtype, $1)
    from pg_type t
   where t.typnamespace = 'public'::regnamespace and t.typowner not in (select oid from owner)
     and (t.typtype in ('e', 'd', 'r')
          or (t.typtype = 'c' and (select relkind from pg_class where oid = t.typrelid) = 'c'))`;

/** Sequences of their own (not a column's), owned by another role. */
const SEQUENCE_FIXES = `
  select format('alter sequence %I owner to %I', c.relname, $1::text) as statement
    from pg_class c
   where c.relnamespace = 'public'::regnamespace and c.relkind = 'S'
     and c.relowner <> (select oid from pg_roles where rolname = $1::text)
     and not exists (select 1 from pg_depend d
                      where d.classid = 'pg_class'::regclass and d.objid = c.oid
                        and d.deptype in ('a', 'i'))`;

async function withClient(config: pg.ClientConfig, work: (client: pg.Client) => Promise<void>) {
  const client = new pg.Client(config);
  // A connection that drops between statements must fail this work, not the process.
  client.on('error', () => {});
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------
// Grants, as the owner, after the migrations

/**
 * Gives the application role exactly its privileges on everything the owner has in
 * `public`: read and write on the tables, read and append on the append-only ones, read
 * on the migration table, the sequences' nextval. Run after every migration run, so a
 * table a new migration adds is covered; revoking first takes back anything granted by
 * hand.
 */
export async function grantApplicationPrivileges(owner: Kysely<Database>, appRole: string) {
  const app = sql.id(appRole);
  await owner.transaction().execute(async (trx) => {
    // Instances starting together would otherwise update the same ACLs at once
    // ("tuple concurrently updated"); one after the other, each sees the same result.
    await sql`select pg_advisory_xact_lock(${GRANTS_LOCK})`.execute(trx);
    await sql`grant usage on schema public to ${app}`.execute(trx);
    const tables = await sql<{ name: string }>`
      select c.relname as name from pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
         and pg_has_role(c.relowner, 'USAGE')`.execute(trx);
    for (const { name } of tables.rows) {
      const table = sql.table(name);
      await sql`revoke all on ${table} from ${app}`.execute(trx);
      if (name === MIGRATION_LOCK_TABLE) continue;
      if (name === MIGRATION_TABLE) {
        await sql`grant select on ${table} to ${app}`.execute(trx);
      } else if (APPEND_ONLY_TABLES.includes(name)) {
        await sql`grant select, insert on ${table} to ${app}`.execute(trx);
        await sql`revoke update, delete, truncate on ${table} from public`.execute(trx);
      } else {
        await sql`grant select, insert, update, delete on ${table} to ${app}`.execute(trx);
      }
    }
    const sequences = await sql<{ name: string }>`
      select c.relname as name from pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relkind = 'S'
         and pg_has_role(c.relowner, 'USAGE')`.execute(trx);
    for (const { name } of sequences.rows) {
      // USAGE is nextval and currval; setval (UPDATE) could rewind a case number.
      await sql`revoke all on sequence ${sql.table(name)} from ${app}`.execute(trx);
      await sql`grant usage on sequence ${sql.table(name)} to ${app}`.execute(trx);
    }
  });
}

// ---------------------------------------------------------------------------------------
// The application role's own check

/**
 * Refuses an application role that could rewrite the record: a superuser (it can set
 * `session_replication_role = replica` and silence the audit trigger), one allowed to set
 * that parameter, one that can create roles, or one that owns (or may act as the owner
 * of) the database, the schema or anything in it, may create in the schema, or may
 * update, delete or truncate an append-only table.
 */
export async function checkApplicationRole(app: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ problem: string }>`
    with me as (select * from pg_roles where rolname = current_user)
    select 'superuser' as problem from me where rolsuper
    union all select 'createrole' from me where rolcreaterole
    union all select 'session_replication_role'
      where has_parameter_privilege(current_user, 'session_replication_role', 'SET')
    union all select 'database owner' from pg_database
      where datname = current_database() and pg_has_role(current_user, datdba, 'MEMBER')
    union all select 'schema owner' from pg_namespace
      where nspname = 'public' and pg_has_role(current_user, nspowner, 'MEMBER')
    union all select 'create on schema' where has_schema_privilege('public', 'CREATE')
    union all select 'owner of ' || relname from pg_class
      where relnamespace = 'public'::regnamespace and pg_has_role(current_user, relowner, 'MEMBER')
    union all select 'owner of ' || proname || '()' from pg_proc
      where pronamespace = 'public'::regnamespace and pg_has_role(current_user, proowner, 'MEMBER')
    union all select p.privilege || ' on ' || t.name
      from unnest(${[...APPEND_ONLY_TABLES]}::text[]) as t(name)
      cross join unnest(array['UPDATE', 'DELETE', 'TRUNCATE']) as p(privilege)
      where to_regclass('public.' || quote_ident(t.name)) is not null
        and has_table_privilege(to_regclass('public.' || quote_ident(t.name)), p.privilege)
  `.execute(app);
  if (rows.length === 0) return;
  const user = await sql<{ name: string }>`select current_user as name`.execute(app);
  const name = user.rows[0]?.name ?? '?';
  const problems = [...new Set(rows.map((r) => r.problem))].slice(0, 8).join(', ');
  throw new StoreError(
    'DATABASE_ROLE_REFUSED',
    `DATABASE_URL 的数据库角色 ${name} 权限过大（${problems}）：应用须以只能读写业务表、只能追加审计日志的角色连接，` +
      `数据库结构的所有者另用 DATABASE_OWNER_URL（见 README“数据库服务器”）。` +
      ` / The role ${name} in DATABASE_URL can do too much (${problems}): the application must connect as a role` +
      ` that can only read and write the tables and append to the audit log; give the schema's owner as` +
      ` DATABASE_OWNER_URL (README, "A PostgreSQL server").`,
  );
}

/** The role a connection logs in as. */
export async function sessionRole(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ name: string }>`select session_user as name`.execute(db);
  return rows[0]!.name;
}
