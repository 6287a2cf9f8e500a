// Fairness of the procedure (issue 9, items 5 to 8): recusal (回避) per case and of the
// decision's members, the legal and discipline review opinions recorded before the
// decision, the day a case went to the deciding body (the earliest a meeting may be
// dated), and delivery (送达): method, delivery date, recipient, the reason of a late
// one, and how the notice's due date was extended over a rest day.
//
// A migration that has run is never edited: change the schema in a new migration.

import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

const up = (): readonly RawBuilder<unknown>[] => [
  // The day of submit_for_decision; for cases already past it, read off the audit log.
  sql`alter table cases add column submitted_for_decision_on date`,
  sql`update cases c set submitted_for_decision_on = (
      select (max(a.at) at time zone 'Asia/Shanghai')::date from audit_events a
      where a.entity_type = 'case' and a.entity_id = c.id::text
        and a.action = 'case.submit_for_decision')
    where c.state not in ('submitted', 'investigating', 'assessing', 'refused')`,

  // Members of the deciding body recorded as recused, [{ "name", "reason" }].
  sql`alter table decisions add column recused_members jsonb not null default '[]'::jsonb
    check (jsonb_typeof(recused_members) = 'array')`,

  // 送达: how, to whom (受送达人), and why late; sent_on is the delivery date. Notices
  // served before this migration keep null: nothing was asked then.
  sql`alter table notifications add column delivery_method text
    check (delivery_method in ('in_person', 'by_post', 'electronic', 'left_at_address'))`,
  sql`alter table notifications add column delivered_to text
    check (delivered_to is null or btrim(delivered_to) <> '')`,
  sql`alter table notifications add column late_reason text`,
  // The nominal last day when it fell on a rest day and the due date moved past it, and
  // whether that day was a public holiday or a weekend (null: not known, rows from before).
  sql`alter table notifications add column extended_from date`,
  sql`alter table notifications add column extension_rest text
    check (extension_rest in ('holiday', 'weekend'))`,
  sql`update notifications set extended_from = from_date + days
    where counting = 'calendar' and due > from_date + days`,

  // 回避: who stands aside from a case, how (申请回避 by the officer, 自行回避, 决定回避)
  // and why. One row per person and case.
  sql`create table case_recusals (
    id uuid primary key default gen_random_uuid(),
    case_id uuid not null references cases (id),
    user_id uuid not null references users (id),
    kind text not null check (kind in ('requested', 'self', 'decided')),
    reason text not null check (btrim(reason) <> ''),
    recorded_by uuid not null references users (id),
    recorded_at timestamptz not null default now(),
    unique (case_id, user_id)
  )`,

  // 法制审核意见 and 纪检监察意见: one of each kind per case, a later one replaces it.
  sql`create table case_reviews (
    case_id uuid not null references cases (id),
    kind text not null check (kind in ('legal', 'discipline')),
    opinion text not null check (btrim(opinion) <> ''),
    agrees boolean not null,
    reviewed_on date not null,
    reviewed_by uuid not null references users (id),
    reviewed_at timestamptz not null default now(),
    primary key (case_id, kind)
  )`,
];

const down: readonly RawBuilder<unknown>[] = [
  sql`drop table if exists case_reviews, case_recusals`,
  sql`alter table notifications drop column if exists extension_rest`,
  sql`alter table notifications drop column if exists extended_from`,
  sql`alter table notifications drop column if exists late_reason`,
  sql`alter table notifications drop column if exists delivered_to`,
  sql`alter table notifications drop column if exists delivery_method`,
  sql`alter table decisions drop column if exists recused_members`,
  sql`alter table cases drop column if exists submitted_for_decision_on`,
];

export const reviewRecusalDelivery: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up()) await statement.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const statement of down) await statement.execute(db);
  },
};
