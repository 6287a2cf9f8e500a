// The SQL of the scale generator (src/app/demo/scale-seed.ts, issue 13): officers by the
// ten thousand and cases by the million, generated inside the database (generate_series)
// rather than sent row by row.
//
// A generated case is a copy of a template: a case the real procedure took to the same
// state (src/app/demo/scale-templates.ts). The copy takes the template's row and every row
// the procedure wrote for it (facts, assessments, reviews, recusals, decisions, notices,
// publications, objections, enforcement-error records, corrections), with its own id,
// number, unit, officer and texts, its dates moved by one shift (so the order of the steps
// and every period between them are the template's), and the template's people replaced
// by the copy's: its officer, and the investigator, secretary and reviewer of its bureau.
// So a copy is in a state the state machine reached, with the rows that state has.
//
// Every statement goes through the tables' triggers (the statistics counters of 0011, the
// search grams of 0019): a batch is counted and indexed as one set.

import { sql } from 'kysely';
import type { Conn, Tx } from './transaction.ts';

/** Staff accounts made one by one; their password hash is given (one hash for all). */
export interface ScaleStaff {
  readonly username: string;
  readonly displayName: string;
  readonly unitId: string;
  readonly roles: readonly string[];
}

export async function insertScaleStaff(
  tx: Tx,
  staff: readonly ScaleStaff[],
  passwordHash: string,
): Promise<Map<string, string>> {
  const { rows } = await sql<{ id: string; username: string }>`
    insert into users (username, display_name, password_hash, unit_id, roles, badge_number,
                       must_change_password)
    select s.username, s.display_name, ${passwordHash}, s.unit_id,
           string_to_array(s.roles, ','), null, false
      from unnest(${staff.map((s) => s.username)}::text[], ${staff.map((s) => s.displayName)}::text[],
                  ${staff.map((s) => s.unitId)}::uuid[], ${staff.map((s) => s.roles.join(','))}::text[])
           as s(username, display_name, unit_id, roles)
    returning id, username`.execute(tx);
  return new Map(rows.map((r) => [r.username, r.id]));
}

/**
 * `count` officers (执法人员) spread over the enforcement units, each with a name from
 * the pools, a 执法证号 and the one password hash; usernames scale_o000001….
 */
export async function insertScaleOfficers(
  tx: Tx,
  count: number,
  units: readonly string[],
  names: { readonly surnames: readonly string[]; readonly given: readonly string[] },
  passwordHash: string,
): Promise<void> {
  await sql`
    insert into users (username, display_name, password_hash, unit_id, roles, badge_number,
                       must_change_password)
    select 'scale_o' || lpad(g::text, 6, '0'),
           (${names.surnames}::text[])[1 + g % ${names.surnames.length}]
             || (${names.given}::text[])[1 + (g / ${names.surnames.length}) % ${names.given.length}],
           ${passwordHash},
           (${units}::uuid[])[1 + (g::bigint * 7919) % ${units.length}],
           array['officer'], '1525' || lpad(g::text, 7, '0'), false
      from generate_series(1, ${count}::int) g`.execute(tx);
}

/** The first officer generated in one of the units: the templates' officer. */
export async function firstOfficerIn(db: Conn, unitIds: readonly string[]) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'unit_id'])
    .where('unit_id', 'in', [...unitIds])
    .where('username', 'like', 'scale\\_o%')
    .orderBy('username')
    .limit(1)
    .executeTakeFirstOrThrow();
}

/** Where a generated officer's case goes: its unit's bureau and that bureau's staff. */
export interface ScaleUnitPlace {
  readonly unitId: string;
  readonly bureauId: string;
  readonly leagueId: string;
  readonly policyId: string;
  /** The bureau's case-number prefix (锡盟应急容). */
  readonly prefix: string;
  readonly investigator: string;
  readonly secretary: string;
  readonly reviewer: string;
}

/** The people and units of the templates that each copy replaces by its own. */
export interface TemplatePeople {
  readonly officer: string;
  readonly unit: string;
  readonly bureau: string;
  readonly league: string;
  readonly investigator: string;
  readonly secretary: string;
  readonly reviewer: string;
}

/** One batch's choices, made in TypeScript from the seed: everything else is SQL. */
export interface ScaleBatch {
  /** Global indexes [lo, hi) of the cases of this batch. */
  readonly lo: number;
  readonly hi: number;
  /** Templates per policy and age class: 100 slots each, weighted by state. */
  readonly slots: readonly {
    readonly policyId: string;
    readonly recent: boolean;
    readonly slot: number;
    readonly templateId: string;
  }[];
  readonly places: readonly ScaleUnitPlace[];
  /** Each policy's template people (keyed by policy id). */
  readonly templatePeople: ReadonlyMap<string, TemplatePeople>;
  /** Each policy's taxonomy, for the copies' classification. */
  readonly taxonomy: ReadonlyMap<string, { fields: string[]; errorTypes: string[] }>;
  /** Text pools for titles and conducts. */
  readonly texts: {
    readonly places: readonly string[];
    readonly subjects: readonly string[];
    readonly events: readonly string[];
    readonly details: readonly string[];
  };
  /** The newest a case may be: the seed's now. */
  readonly now: Date;
  /** How far back the cases of each policy go, in days (a regime's cases start after it took effect). */
  readonly spanDays: ReadonlyMap<string, number>;
}

/** The tables the procedure writes for a case, copied with it (in this order). */
export const CASE_CHILD_TABLES = [
  'case_facts',
  'assessments',
  'case_recusals',
  'case_reviews',
  'decisions',
  'notifications',
  'publications',
  'objections',
  'enforcement_error_records',
  'corrections',
] as const;

interface Column {
  readonly table: string;
  readonly column: string;
  readonly type: string;
}

/** The columns of the copied tables, read once per run from the catalogue. */
export async function childColumns(db: Conn): Promise<readonly Column[]> {
  const { rows } = await sql<Column>`
    select table_name as "table", column_name as "column", data_type as type
      from information_schema.columns
     where table_schema = current_schema() and table_name = any(${[...CASE_CHILD_TABLES]}::text[])
       and is_generated = 'NEVER'
     order by table_name, ordinal_position`.execute(db);
  return rows;
}

/** A template's person or unit replaced by the copy's; anything else kept. */
function mapped(column: string, cast: string, people: readonly TemplatePeople[]) {
  const whens = people.flatMap((p) => [
    `when '${p.officer}' then b.officer_id${cast}`,
    `when '${p.unit}' then b.unit_id${cast}`,
    `when '${p.bureau}' then b.bureau_id${cast}`,
    `when '${p.league}' then b.league_id${cast}`,
    `when '${p.investigator}' then b.investigator${cast}`,
    `when '${p.secretary}' then b.secretary${cast}`,
    `when '${p.reviewer}' then b.reviewer${cast}`,
  ]);
  return `case t.${column}${cast} ${whens.join(' ')} else t.${column}${cast} end`;
}

/** The statement copying one table's rows of the batch's templates to their copies. */
export function copyStatement(
  table: string,
  columns: readonly Column[],
  people: readonly TemplatePeople[],
): string {
  const own = columns.filter((c) => c.table === table && c.column !== 'id');
  const expr = (c: Column): string => {
    if (c.column === 'case_id') return 'b.new_id';
    // The copy's 盟市, filled from its case by 0020's trigger: the template's may be another.
    if (c.column === 'tenant_unit_id') return 'null::uuid';
    if (c.type === 'uuid') return mapped(c.column, '::text', people) + '::uuid';
    if (c.column === 'recipient') return mapped(c.column, '::text', people);
    if (c.type === 'timestamp with time zone') return `t.${c.column} + b.shift`;
    if (c.type === 'date') return `t.${c.column} + b.shift_days`;
    return `t.${c.column}`;
  };
  // From the templates' rows set aside for the batch (scale_src_*): joined to the whole
  // table, each batch would read every copy made before it.
  return `insert into ${table} (${own.map((c) => c.column).join(', ')})
    select ${own.map(expr).join(', ')}
      from scale_src_${table} t join scale_batch b on b.template_id = t.case_id`;
}

/**
 * One batch of generated cases, in the caller's transaction: the batch's choices in a
 * temporary table, then the cases, then each child table, then the number counters.
 */
export async function insertScaleBatch(
  tx: Tx,
  batch: ScaleBatch,
  copies: readonly string[],
): Promise<void> {
  const byPolicy = (codes: (t: { fields: string[]; errorTypes: string[] }) => string[]) =>
    JSON.stringify(Object.fromEntries([...batch.taxonomy].map(([p, t]) => [p, codes(t)])));
  const fieldsJson = byPolicy((t) => t.fields);
  const errorsJson = byPolicy((t) => t.errorTypes);
  const t = batch.texts;
  await sql`create temporary table scale_places on commit drop as
    select * from unnest(
      ${batch.places.map((p) => p.unitId)}::uuid[], ${batch.places.map((p) => p.bureauId)}::uuid[],
      ${batch.places.map((p) => p.leagueId)}::uuid[], ${batch.places.map((p) => p.policyId)}::text[],
      ${batch.places.map((p) => p.prefix)}::text[], ${batch.places.map((p) => p.investigator)}::uuid[],
      ${batch.places.map((p) => p.secretary)}::uuid[], ${batch.places.map((p) => p.reviewer)}::uuid[])
      as p(unit_id, bureau_id, league_id, policy_id, prefix, investigator, secretary, reviewer)`.execute(
    tx,
  );
  const spanPolicies = [...batch.spanDays.keys()];
  await sql`create temporary table scale_spans on commit drop as
    select * from unnest(${spanPolicies}::text[],
                         ${spanPolicies.map((p) => batch.spanDays.get(p)!)}::int[]) as s(policy_id, days)`.execute(
    tx,
  );
  await sql`create temporary table scale_slots on commit drop as
    select * from unnest(${batch.slots.map((s) => s.policyId)}::text[],
                         ${batch.slots.map((s) => s.recent)}::boolean[],
                         ${batch.slots.map((s) => s.slot)}::int[],
                         ${batch.slots.map((s) => s.templateId)}::uuid[])
      as s(policy_id, recent, slot, template_id)`.execute(tx);
  const templateIds = [...new Set(batch.slots.map((s) => s.templateId))];
  await sql`create temporary table scale_src_cases on commit drop as
    select * from cases where id = any(${templateIds}::uuid[])`.execute(tx);
  await sql`create temporary table scale_officers on commit drop as
    select u.id as officer_id, (row_number() over (order by u.username))::int - 1 as idx,
           p.unit_id, p.bureau_id, p.league_id, p.policy_id, p.prefix,
           p.investigator, p.secretary, p.reviewer
      from users u join scale_places p on p.unit_id = u.unit_id
     where u.username like 'scale\\_o%'`.execute(tx);
  // Each case: an officer, a day in the span (older ones more often finished), a template
  // of its policy for that age, and a shift that puts the template's first day on it.
  await sql`create temporary table scale_batch on commit drop as
    with picked as (
      select g, gen_random_uuid() as new_id, o.*,
             ${batch.now}::timestamptz
               - ((abs(hashtext(g::text || 'd')) % (sp.days * 24 * 60)) * interval '1 minute')
               as wanted_at,
             abs(hashtext(g::text || 's')) % 100 as slot
        from generate_series(${batch.lo}::int, ${batch.hi - 1}::int) g
        join scale_officers o
          on o.idx = (abs(hashtext(g::text || 'o')) % (select count(*) from scale_officers))::int
        join scale_spans sp on sp.policy_id = o.policy_id
    ),
    templated as (
      select p.*, c.id as template_id, c.created_at as t_created, c.updated_at as t_updated,
             least(p.wanted_at, ${batch.now}::timestamptz - (c.updated_at - c.created_at)) as at
        from picked p
        join scale_slots s on s.policy_id = p.policy_id and s.slot = p.slot
                          and s.recent = (p.wanted_at > ${batch.now}::timestamptz - interval '1 year')
        join scale_src_cases c on c.id = s.template_id
    )
    select t.*, t.at - t.t_created as shift,
           (t.at at time zone 'Asia/Shanghai')::date
             - (t.t_created at time zone 'Asia/Shanghai')::date as shift_days,
           extract(year from t.at at time zone 'Asia/Shanghai')::int as year
      from templated t`.execute(tx);
  await sql`analyze scale_batch`.execute(tx);
  await sql`create temporary table scale_numbered on commit drop as
    select b.new_id, b.prefix, b.year,
           coalesce(n.last_number, 0)
             + row_number() over (partition by b.prefix, b.year order by b.at, b.g) as seq
      from scale_batch b
      left join case_number_counters n on n.prefix = b.prefix and n.year = b.year`.execute(tx);
  await sql`
    insert into cases (id, number, unit_id, officer_id, applicant_id, origin, policy_id,
                       policy_version, state, title, conduct, conduct_date, conduct_end_date,
                       enforcement_action, determination, objection_due,
                       submitted_for_decision_on, field, error_type, version, created_at, updated_at)
    select b.new_id, n.prefix || '〔' || n.year || '〕' || n.seq || '号', b.unit_id, b.officer_id,
           case when c.applicant_id is null then null else b.officer_id end,
           c.origin, c.policy_id, c.policy_version, c.state,
           x.place || x.subject || x.event,
           x.year_text || x.place || x.subject || x.detail || '，' || x.event || '。',
           c.conduct_date + b.shift_days, c.conduct_end_date + b.shift_days,
           c.enforcement_action, c.determination, c.objection_due + b.shift_days,
           c.submitted_for_decision_on + b.shift_days,
           case when c.field is null then null
                else (${fieldsJson}::jsonb -> c.policy_id ->> (abs(hashtext(b.g::text || 'f'))
                      % jsonb_array_length(${fieldsJson}::jsonb -> c.policy_id))) end,
           case when c.error_type is null then null
                else (${errorsJson}::jsonb -> c.policy_id ->> (abs(hashtext(b.g::text || 'e'))
                      % jsonb_array_length(${errorsJson}::jsonb -> c.policy_id))) end,
           c.version, c.created_at + b.shift, c.updated_at + b.shift
      from scale_batch b
      join scale_numbered n on n.new_id = b.new_id
      join scale_src_cases c on c.id = b.template_id
      cross join lateral (
        select (${t.places}::text[])[1 + abs(hashtext(b.g::text || 'p')) % ${t.places.length}] as place,
               (${t.subjects}::text[])[1 + abs(hashtext(b.g::text || 'u')) % ${t.subjects.length}] as subject,
               (${t.events}::text[])[1 + abs(hashtext(b.g::text || 'v')) % ${t.events.length}] as event,
               (${t.details}::text[])[1 + abs(hashtext(b.g::text || 'w')) % ${t.details.length}] as detail,
               extract(year from (c.conduct_date + b.shift_days))::int || '年'
                 || extract(month from (c.conduct_date + b.shift_days))::int || '月，' as year_text
      ) x`.execute(tx);
  for (const table of CASE_CHILD_TABLES)
    await sql`create temporary table ${sql.raw(`scale_src_${table}`)} on commit drop as
      select * from ${sql.table(table)} where case_id = any(${templateIds}::uuid[])`.execute(tx);
  for (const statement of copies) await sql.raw(statement).execute(tx);
  await sql`
    insert into case_number_counters as k (prefix, year, last_number)
    select prefix, year, max(seq) from scale_numbered group by prefix, year
    on conflict (prefix, year) do update set last_number = greatest(k.last_number, excluded.last_number)`.execute(
    tx,
  );
}

/** Sizes for the report: rows per table and the database on disk. */
export async function scaleSizes(db: Conn) {
  const { rows } = await sql<{ name: string; rows: number }>`
    select relname as name, n_live_tup::float8 as rows from pg_stat_user_tables
     where relname = any(${['cases', 'users', 'units', 'case_search', ...CASE_CHILD_TABLES]}::text[])
     order by relname`.execute(db);
  const size = await sql<{ bytes: number }>`
    select pg_database_size(current_database())::float8 as bytes`.execute(db);
  return { tables: rows, bytes: size.rows[0]!.bytes };
}

/** Refreshes the planner's statistics after a load (as the application: its own tables). */
export async function analyzeAfterLoad(db: Conn): Promise<void> {
  await sql`analyze`.execute(db);
}
