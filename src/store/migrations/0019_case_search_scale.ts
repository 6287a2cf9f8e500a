// Issue 13, lists and search at scale: the case list's search and filters kept fast at
// millions of cases, on the embedded database and on a server alike.
//
// Search. The list matches `q` as a substring (ilike) of a case's number, title and
// conduct. A substring search cannot use a b-tree, and pg_trgm cannot help with Chinese
// here: the embedded database is created with --no-locale (lc_ctype C), where pg_trgm
// takes only ASCII letters and digits as word characters and drops every CJK character.
// So the database keeps its own character n-grams, whatever the locale:
//
// - case_search (one row per case): the distinct bigrams of the lowered number, title
//   and conduct, plus each text's last character, as a tsvector of literal lexemes
//   (array_to_tsvector: no parser, no dictionary, no stemming), under a GIN index.
// - case_search_query(q): the bigrams of the lowered q, all required; a single character
//   is a prefix match (`'x':*`), which finds it wherever it stands: before another
//   character it begins a bigram, at a text's end it is that text's last character.
//
// Whenever ilike finds q in a text, lower(q) is a substring of lower(text) (ilike folds
// case with the same lower()), so every gram of the query is a gram of the case: the
// index returns a superset of the matches, and the list's ilike, kept as it was, removes
// the rest. The results are the same as before by construction
// (test/api/case-search.test.ts compares them).
//
// The grams are kept by a statement-level trigger on cases in the writer's transaction
// (whichever code path writes the texts), and filled here for the cases there are.
//
// Indexes for the list's order (newest first, then id) alone and under its filters, and
// for the own-cases read scope (officer or applicant).
//
// A migration that has run is never edited: change the schema in a new migration.

import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

const up: readonly RawBuilder<unknown>[] = [
  sql`create function case_search_grams(variadic texts text[]) returns tsvector
  language sql immutable parallel safe as $fn$
    select array_to_tsvector(coalesce(array(
      select distinct y.g
        from unnest(texts) as t(txt)
        cross join lateral (select lower(t.txt) as l) x
        cross join lateral (
          select substr(x.l, i, 2) as g from generate_series(1, length(x.l) - 1) as i
          union all
          select right(x.l, 1) where length(x.l) > 0
        ) y
       where t.txt is not null
    ), '{}'))
  $fn$`,
  /** A gram as a quoted tsquery lexeme: quotes doubled, backslashes escaped. */
  sql`create function case_search_lexeme(g text) returns text
  language sql immutable parallel safe as $fn$
    select '''' || replace(replace(g, '\\', '\\\\'), '''', '''''') || ''''
  $fn$`,
  sql`create function case_search_query(q text) returns tsquery
  language sql immutable parallel safe as $fn$
    select case when length(q) = 1 then (case_search_lexeme(lower(q)) || ':*')::tsquery
      else (select string_agg(case_search_lexeme(s.g), ' & ')
              from (select distinct substr(lower(q), i, 2) as g
                      from generate_series(1, length(q) - 1) as i) s)::tsquery end
  $fn$`,
  sql`create table case_search (
    case_id uuid primary key references cases (id) on delete cascade,
    grams tsvector not null
  )`,

  sql`create function case_search_inserted() returns trigger
  language plpgsql as $fn$
  begin
    insert into case_search (case_id, grams)
    select n.id, case_search_grams(n.number, n.title, n.conduct) from new_rows n;
    return null;
  end
  $fn$`,
  sql`create trigger case_search_inserted after insert on cases
    referencing new table as new_rows
    for each statement execute function case_search_inserted()`,
  // Only the cases whose texts changed: a state change leaves their grams alone.
  sql`create function case_search_updated() returns trigger
  language plpgsql as $fn$
  begin
    insert into case_search as s (case_id, grams)
    select n.id, case_search_grams(n.number, n.title, n.conduct)
      from new_rows n join old_rows o on o.id = n.id
     where (o.number, o.title, o.conduct) is distinct from (n.number, n.title, n.conduct)
    on conflict (case_id) do update set grams = excluded.grams;
    return null;
  end
  $fn$`,
  sql`create trigger case_search_updated after update on cases
    referencing old table as old_rows new table as new_rows
    for each statement execute function case_search_updated()`,

  sql`insert into case_search (case_id, grams)
      select id, case_search_grams(number, title, conduct) from cases`,
  sql`create index case_search_grams_gin on case_search using gin (grams)`,

  sql`create index cases_created_at_id on cases (created_at desc, id)`,
  sql`create index cases_unit_created_at on cases (unit_id, created_at desc, id)`,
  sql`create index cases_state_created_at on cases (state, created_at desc, id)`,
  sql`create index cases_applicant_id on cases (applicant_id) where applicant_id is not null`,
];

const down: readonly RawBuilder<unknown>[] = [
  sql`drop index if exists cases_applicant_id`,
  sql`drop index if exists cases_state_created_at`,
  sql`drop index if exists cases_unit_created_at`,
  sql`drop index if exists cases_created_at_id`,
  sql`drop trigger if exists case_search_updated on cases`,
  sql`drop trigger if exists case_search_inserted on cases`,
  sql`drop function if exists case_search_updated()`,
  sql`drop function if exists case_search_inserted()`,
  sql`drop table if exists case_search`,
  sql`drop function if exists case_search_query(text)`,
  sql`drop function if exists case_search_lexeme(text)`,
  sql`drop function if exists case_search_grams(text[])`,
];

export const caseSearchScale: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await statement.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const statement of down) await statement.execute(db);
  },
};
