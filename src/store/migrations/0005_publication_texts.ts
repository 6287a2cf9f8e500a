// Publication (issue 9, items 3 and 4; 第十四条 一般应在一定范围内公开): what is published
// is its own stored text, redacted of personal information, with its period (公示期) and
// the circle of its readers: 本单位 (the organ), 本系统 (the system) or 社会公开 (anyone),
// fixed on the day it is published to the organ and the system the case's unit then
// belonged to (src/domain/case/publication-audience.ts).
//
// A migration that has run is never edited: change the schema in a new migration.

import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

const up = (): readonly RawBuilder<unknown>[] => [
  sql`alter table publications add column text text`,
  sql`alter table publications add column circle text`,
  sql`alter table publications add column organ_unit_id uuid references units (id)`,
  sql`alter table publications add column system_unit_id uuid references units (id)`,
  sql`alter table publications add column period_days integer check (period_days > 0)`,
  sql`alter table publications add column period_counting text
    check (period_counting in ('calendar', 'working'))`,
  sql`alter table publications add column period_end date`,
  sql`alter table publications add column period_provisional boolean not null default false`,

  // Publications made before texts were kept: they had none, and the raw case text is
  // never shown in their place.
  sql`update publications set text = '（本公示发布于系统留存公示文本之前，未留存公示文本。）'`,
  sql`update publications set circle = case scope
      when '本系统' then 'system' when '社会公开' then 'public' else 'organ' end`,
  // The organ (nearest unit that is not a section, organOf) and the system (nearest unit
  // that adopted a regime, else the root, systemOf) of each case's unit.
  sql`with recursive lineage (publication_id, id, parent_id, kind, policy_id, depth) as (
      select p.id, u.id, u.parent_id, u.kind, u.policy_id, 0
      from publications p join cases c on c.id = p.case_id join units u on u.id = c.unit_id
      union all
      select l.publication_id, u.id, u.parent_id, u.kind, u.policy_id, l.depth + 1
      from units u join lineage l on u.id = l.parent_id
      where l.depth < 64
    ),
    circles as (
      select publication_id,
        coalesce(
          (array_agg(id order by depth) filter (where kind <> 'section'))[1],
          (array_agg(id order by depth desc))[1]) as organ,
        coalesce(
          (array_agg(id order by depth) filter (where policy_id is not null))[1],
          (array_agg(id order by depth desc))[1]) as system
      from lineage group by publication_id
    )
    update publications p set organ_unit_id = c.organ, system_unit_id = c.system
    from circles c where c.publication_id = p.id`,

  sql`alter table publications alter column text set not null`,
  sql`alter table publications add constraint publications_text_not_blank
    check (btrim(text) <> '')`,
  sql`alter table publications alter column circle set not null`,
  sql`alter table publications add constraint publications_circle
    check (circle in ('organ', 'system', 'public'))`,
  sql`alter table publications alter column organ_unit_id set not null`,
  sql`alter table publications alter column system_unit_id set not null`,
  // The period is recorded together, or (rows from before) not at all.
  sql`alter table publications add constraint publications_period check (
    (period_end is null) = (period_days is null) and (period_end is null) = (period_counting is null)
    and (period_end is null or period_end > published_on))`,
  sql`create index publications_published_at on publications (published_at desc, id)`,
];

const down: readonly RawBuilder<unknown>[] = [
  sql`drop index if exists publications_published_at`,
  sql`alter table publications drop constraint if exists publications_period`,
  sql`alter table publications drop constraint if exists publications_circle`,
  sql`alter table publications drop constraint if exists publications_text_not_blank`,
  sql`alter table publications drop column if exists period_provisional`,
  sql`alter table publications drop column if exists period_end`,
  sql`alter table publications drop column if exists period_counting`,
  sql`alter table publications drop column if exists period_days`,
  sql`alter table publications drop column if exists system_unit_id`,
  sql`alter table publications drop column if exists organ_unit_id`,
  sql`alter table publications drop column if exists circle`,
  sql`alter table publications drop column if exists text`,
];

export const publicationTexts: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up()) await statement.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const statement of down) await statement.execute(db);
  },
};
