// Issue 10, 统计分析: the dashboard's figures as aggregates kept in step with the cases by
// the database itself (docs/design/statistics.md).
//
// Statement-level AFTER triggers on cases, decisions and corrections read the rows a
// statement changed (transition tables) and move the counters by the difference, in the
// writer's transaction: no code path can forget them, and a bulk statement is counted as
// one set, not row by row. A case counts in its unit, its policy and the quarter it was
// opened (China time):
//
// - statistics_case_keys: what each case currently counts as (its outcome, field, error
//   type) and since when it has been in its stage; the difference between this row and
//   the case as it now is gives the counters' moves. Never read by the dashboard.
// - statistics_case_counts: cases per unit, policy, quarter and dimension: `conclusion`
//   (the decision in force, a review's over the first), `state` (undecided cases), `field`
//   and `error_type` ('' for unclassified). Every case is in exactly one of conclusion or
//   state, and in one field and one error type row.
// - statistics_stage_days: each stint a case spent in a stage (阶段), counted when the case
//   leaves it: the number of stints and their days (from the application's clock, which
//   every state change writes to cases.updated_at).
// - statistics_correction_counts: corrections by status (awaiting_notice, open, on_time,
//   late, cancelled); statistics_open_correction_dues: the open ones by due date, so that
//   "overdue" is read against today without a job.
//
// Cases opened before this migration are counted by it; their stage is taken to have begun
// at their last change (updated_at): earlier stints are not reconstructed.
//
// A migration that has run is never edited: change the schema in a new migration.

import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

const dims = sql.raw(`unit_id uuid not null, policy_id text not null, quarter date not null`);

const up: readonly RawBuilder<unknown>[] = [
  sql`create table statistics_case_keys (
    case_id uuid primary key,
    ${dims},
    outcome_kind text not null check (outcome_kind in ('conclusion', 'state')),
    outcome text not null,
    field text not null,
    error_type text not null,
    stage text not null,
    stage_since timestamptz not null
  )`,
  sql`create table statistics_case_counts (
    ${dims},
    dimension text not null check (dimension in ('conclusion', 'state', 'field', 'error_type')),
    code text not null,
    cases bigint not null,
    primary key (unit_id, policy_id, quarter, dimension, code)
  )`,
  sql`create table statistics_stage_days (
    ${dims},
    stage text not null,
    stints bigint not null,
    days double precision not null,
    primary key (unit_id, policy_id, quarter, stage)
  )`,
  sql`create table statistics_correction_counts (
    ${dims},
    status text not null
      check (status in ('awaiting_notice', 'open', 'on_time', 'late', 'cancelled')),
    corrections bigint not null,
    primary key (unit_id, policy_id, quarter, status)
  )`,
  sql`create table statistics_open_correction_dues (
    ${dims},
    due date not null,
    corrections bigint not null,
    primary key (unit_id, policy_id, quarter, due)
  )`,

  /** Recounts the given cases: their keys as they are now against the keys last counted. */
  sql`create function statistics_refresh_cases(ids uuid[]) returns void
  language plpgsql as $fn$
  begin
    if coalesce(cardinality(ids), 0) = 0 then return; end if;
    with fresh as (
      select c.id as case_id, c.unit_id, c.policy_id,
             date_trunc('quarter', c.created_at at time zone 'Asia/Shanghai')::date as quarter,
             case when d.conclusion is null then 'state' else 'conclusion' end as outcome_kind,
             coalesce(d.conclusion, c.state) as outcome,
             coalesce(c.field, '') as field, coalesce(c.error_type, '') as error_type,
             c.state, c.created_at, c.updated_at
        from cases c
        left join lateral (
          select conclusion from decisions
           where decisions.case_id = c.id
           order by decided_at desc, on_review desc limit 1
        ) d on true
       where c.id = any(ids)
    ),
    counted as (
      select * from statistics_case_keys where case_id = any(ids)
    ),
    deltas as (
      select k.unit_id, k.policy_id, k.quarter, x.dimension, x.code, -1 as n
        from counted k
        cross join lateral (values (k.outcome_kind, k.outcome), ('field', k.field),
                                   ('error_type', k.error_type)) x(dimension, code)
      union all
      select f.unit_id, f.policy_id, f.quarter, x.dimension, x.code, 1
        from fresh f
        cross join lateral (values (f.outcome_kind, f.outcome), ('field', f.field),
                                   ('error_type', f.error_type)) x(dimension, code)
    ),
    moved as (
      -- In key order, so that two transactions lock shared counters in the same order.
      insert into statistics_case_counts as t (unit_id, policy_id, quarter, dimension, code, cases)
      select unit_id, policy_id, quarter, dimension, code, sum(n)
        from deltas group by 1, 2, 3, 4, 5 having sum(n) <> 0 order by 1, 2, 3, 4, 5
      on conflict (unit_id, policy_id, quarter, dimension, code)
      do update set cases = t.cases + excluded.cases
    ),
    stints as (
      insert into statistics_stage_days as t (unit_id, policy_id, quarter, stage, stints, days)
      select f.unit_id, f.policy_id, f.quarter, k.stage, count(*),
             sum(greatest(0, extract(epoch from f.updated_at - k.stage_since)) / 86400.0)
        from fresh f join counted k using (case_id)
       where f.state <> k.stage
       group by 1, 2, 3, 4 order by 1, 2, 3, 4
      on conflict (unit_id, policy_id, quarter, stage)
      do update set stints = t.stints + excluded.stints, days = t.days + excluded.days
    ),
    kept as (
      insert into statistics_case_keys as t (case_id, unit_id, policy_id, quarter, outcome_kind,
                                             outcome, field, error_type, stage, stage_since)
      select f.case_id, f.unit_id, f.policy_id, f.quarter, f.outcome_kind, f.outcome, f.field,
             f.error_type, f.state,
             case when k.case_id is null then f.created_at
                  when f.state <> k.stage then f.updated_at
                  else k.stage_since end
        from fresh f left join counted k using (case_id)
      on conflict (case_id) do update set
        unit_id = excluded.unit_id, policy_id = excluded.policy_id, quarter = excluded.quarter,
        outcome_kind = excluded.outcome_kind, outcome = excluded.outcome,
        field = excluded.field, error_type = excluded.error_type,
        stage = excluded.stage, stage_since = excluded.stage_since
    )
    delete from statistics_case_keys k
     where k.case_id = any(ids) and not exists (select 1 from fresh f where f.case_id = k.case_id);
  end
  $fn$`,

  sql`create function statistics_cases_changed() returns trigger
  language plpgsql as $fn$
  begin
    if tg_op = 'INSERT' then
      perform statistics_refresh_cases(array(select id from new_rows));
    elsif tg_op = 'UPDATE' then
      perform statistics_refresh_cases(array(
        select n.id from new_rows n join old_rows o on o.id = n.id
         where n.state is distinct from o.state or n.unit_id is distinct from o.unit_id
            or n.policy_id is distinct from o.policy_id or n.field is distinct from o.field
            or n.error_type is distinct from o.error_type
            or n.created_at is distinct from o.created_at));
    else
      perform statistics_refresh_cases(array(select id from old_rows));
    end if;
    return null;
  end
  $fn$`,
  sql`create trigger statistics_cases_inserted after insert on cases
    referencing new table as new_rows
    for each statement execute function statistics_cases_changed()`,
  sql`create trigger statistics_cases_updated after update on cases
    referencing old table as old_rows new table as new_rows
    for each statement execute function statistics_cases_changed()`,
  sql`create trigger statistics_cases_deleted after delete on cases
    referencing old table as old_rows
    for each statement execute function statistics_cases_changed()`,

  sql`create function statistics_decisions_changed() returns trigger
  language plpgsql as $fn$
  begin
    if tg_op = 'INSERT' then
      perform statistics_refresh_cases(array(select distinct case_id from new_rows));
    elsif tg_op = 'UPDATE' then
      perform statistics_refresh_cases(array(
        select case_id from new_rows union select case_id from old_rows));
    else
      perform statistics_refresh_cases(array(select distinct case_id from old_rows));
    end if;
    return null;
  end
  $fn$`,
  sql`create trigger statistics_decisions_inserted after insert on decisions
    referencing new table as new_rows
    for each statement execute function statistics_decisions_changed()`,
  sql`create trigger statistics_decisions_updated after update on decisions
    referencing old table as old_rows new table as new_rows
    for each statement execute function statistics_decisions_changed()`,
  sql`create trigger statistics_decisions_deleted after delete on decisions
    referencing old table as old_rows
    for each statement execute function statistics_decisions_changed()`,

  /** What a correction counts as: late when closed after its (possibly extended) deadline. */
  sql`create function statistics_correction_status(state text, due date, closed_on date)
  returns text language sql immutable as $fn$
    select case state
      when 'opened' then 'awaiting_notice'
      when 'in_progress' then 'open'
      when 'completion_claimed' then 'open'
      when 'completed' then
        case when due is not null and closed_on > due then 'late' else 'on_time' end
      else 'cancelled' end
  $fn$`,
  sql`create type statistics_correction_row as
    (case_id uuid, unit_id uuid, state text, due date, closed_on date, n integer)`,
  /** Moves the correction counters by rows counted in (n = 1) or out (n = -1). */
  sql`create function statistics_count_corrections(changed statistics_correction_row[])
  returns void language plpgsql as $fn$
  begin
    if coalesce(cardinality(changed), 0) = 0 then return; end if;
    with rows as (
      select r.unit_id, k.policy_id, k.quarter,
             statistics_correction_status(r.state, r.due, r.closed_on) as status, r.due, r.n
        from unnest(changed) r join statistics_case_keys k on k.case_id = r.case_id
    ),
    counted as (
      insert into statistics_correction_counts as t (unit_id, policy_id, quarter, status, corrections)
      select unit_id, policy_id, quarter, status, sum(n)
        from rows group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4
      on conflict (unit_id, policy_id, quarter, status)
      do update set corrections = t.corrections + excluded.corrections
    )
    insert into statistics_open_correction_dues as t (unit_id, policy_id, quarter, due, corrections)
    select unit_id, policy_id, quarter, due, sum(n)
      from rows where status = 'open'
     group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4
    on conflict (unit_id, policy_id, quarter, due)
    do update set corrections = t.corrections + excluded.corrections;
  end
  $fn$`,
  sql`create function statistics_corrections_changed() returns trigger
  language plpgsql as $fn$
  begin
    if tg_op = 'INSERT' then
      perform statistics_count_corrections(array(
        select row(case_id, unit_id, state, due, closed_on, 1)::statistics_correction_row
          from new_rows));
    elsif tg_op = 'UPDATE' then
      perform statistics_count_corrections(array(
        select row(x.case_id, x.unit_id, x.state, x.due, x.closed_on, x.n)::statistics_correction_row
          from (select o.case_id, o.unit_id, o.state, o.due, o.closed_on, -1 as n
                  from old_rows o join new_rows r on r.id = o.id
                 where (o.state, o.due, o.closed_on, o.unit_id, o.case_id)
                       is distinct from (r.state, r.due, r.closed_on, r.unit_id, r.case_id)
                union all
                select r.case_id, r.unit_id, r.state, r.due, r.closed_on, 1
                  from old_rows o join new_rows r on r.id = o.id
                 where (o.state, o.due, o.closed_on, o.unit_id, o.case_id)
                       is distinct from (r.state, r.due, r.closed_on, r.unit_id, r.case_id)) x));
    else
      perform statistics_count_corrections(array(
        select row(case_id, unit_id, state, due, closed_on, -1)::statistics_correction_row
          from old_rows));
    end if;
    return null;
  end
  $fn$`,
  sql`create trigger statistics_corrections_inserted after insert on corrections
    referencing new table as new_rows
    for each statement execute function statistics_corrections_changed()`,
  sql`create trigger statistics_corrections_updated after update on corrections
    referencing old table as old_rows new table as new_rows
    for each statement execute function statistics_corrections_changed()`,
  sql`create trigger statistics_corrections_deleted after delete on corrections
    referencing old table as old_rows
    for each statement execute function statistics_corrections_changed()`,

  // The backfill: every case and correction there is, counted once.
  sql`select statistics_refresh_cases(array(select id from cases))`,
  sql`update statistics_case_keys k set stage_since = c.updated_at from cases c where c.id = k.case_id`,
  sql`select statistics_count_corrections(array(
    select row(case_id, unit_id, state, due, closed_on, 1)::statistics_correction_row
      from corrections))`,
];

const down: readonly RawBuilder<unknown>[] = [
  ...['corrections', 'decisions', 'cases'].flatMap((table) =>
    ['inserted', 'updated', 'deleted'].map(
      (event) =>
        sql`drop trigger if exists ${sql.raw(`statistics_${table}_${event}`)} on ${sql.raw(table)}`,
    ),
  ),
  sql`drop function if exists statistics_corrections_changed()`,
  sql`drop function if exists statistics_count_corrections(statistics_correction_row[])`,
  sql`drop type if exists statistics_correction_row`,
  sql`drop function if exists statistics_correction_status(text, date, date)`,
  sql`drop function if exists statistics_decisions_changed()`,
  sql`drop function if exists statistics_cases_changed()`,
  sql`drop function if exists statistics_refresh_cases(uuid[])`,
  sql`drop table if exists statistics_open_correction_dues`,
  sql`drop table if exists statistics_correction_counts`,
  sql`drop table if exists statistics_stage_days`,
  sql`drop table if exists statistics_case_counts`,
  sql`drop table if exists statistics_case_keys`,
];

export const statistics: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await statement.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const statement of down) await statement.execute(db);
  },
};
