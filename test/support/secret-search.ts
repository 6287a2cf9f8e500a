// Looking for a secret everywhere it must not be (第十九条, test/api/reporter-secrecy.test.ts):
// in the forms a text takes in answers, logs and dumps; in every GET route the OpenAPI
// document lists, as a given user reads it; in every row of every table; in the files of
// a database cluster; inside zip containers (XLSX) that would hide it from a plain search.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.ts';

/** The forms a text takes: as is, percent-encoded (a URL), \u-escaped (JSON), UTF-8 hex (bytea). */
export function formsOf(text: string): string[] {
  const escaped = [...text]
    .map((c) => (c.charCodeAt(0) < 128 ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
    .join('');
  return [
    ...new Set([
      text,
      encodeURIComponent(text),
      escaped,
      escaped.replace(/\\u([0-9a-f]{4})/g, (_m, hex: string) => `\\u${hex.toUpperCase()}`),
      Buffer.from(text).toString('hex'),
    ]),
  ];
}

/** The secrets found in `haystack`, in any of their forms. */
export function secretsIn(haystack: string, secrets: readonly string[]): string[] {
  return secrets.filter((s) => formsOf(s).some((form) => haystack.includes(form)));
}

/**
 * The entries of a zip file, inflated (an XLSX is one): read from its central directory,
 * as entries written with data descriptors give no sizes in their local headers.
 */
export function zipEntries(zip: Buffer): Buffer[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return [];
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Buffer[] = [];
  for (let i = 0; i < count; i += 1) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.push(method === 8 ? inflateRawSync(data) : data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An answer's bytes as searchable text: the text itself, and the text of any zip inside. */
export function searchableText(bytes: Buffer): string {
  const zipped = bytes.subarray(0, 2).toString('latin1') === 'PK';
  const inner = zipped ? zipEntries(bytes).map((e) => e.toString('utf8')) : [];
  return [bytes.toString('utf8'), ...inner].join('\n');
}

/** Every row of every table outside the system schemas, as JSON text (a data dump). */
export async function databaseDump(
  admin: Kysely<Database>,
): Promise<{ tables: number; text: string }> {
  const { rows: tables } = await sql<{ schema: string; name: string }>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
    order by 1, 2`.execute(admin);
  const parts: string[] = [];
  for (const t of tables) {
    const { rows } = await sql<{ row: string }>`
      select row_to_json(t)::text as row from ${sql.table(`${t.schema}.${t.name}`)} t`.execute(
      admin,
    );
    parts.push(`# ${t.schema}.${t.name}`, ...rows.map((r) => r.row));
  }
  return { tables: tables.length, text: parts.join('\n') };
}

/** The files under `dir` whose bytes hold any of the secrets as UTF-8. */
export async function filesHolding(dir: string, secrets: readonly string[]): Promise<string[]> {
  const needles = secrets.map((s) => Buffer.from(s, 'utf8'));
  const found: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    // A file the cluster removed between the listing and the read holds nothing; any other
    // failure (a file we may not read) would hide a secret, so it throws.
    const bytes = await readFile(file).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0);
      throw error;
    });
    if (needles.some((n) => bytes.includes(n))) found.push(file);
  }
  return found;
}

interface OpenApiParameter {
  readonly in: string;
  readonly name: string;
  readonly required?: boolean;
  readonly schema?: { readonly enum?: unknown[]; readonly anyOf?: { const?: unknown }[] };
}

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>>;
}

/** The ids a sweep fills into paths and queries. */
export interface SweepIds {
  readonly reportId: string;
  readonly caseId: string;
  readonly officerId: string;
  readonly unitId: string;
  readonly policyId: string;
  readonly clearanceId: string;
  /** What text searches ask for (part of the reporter's name: no search may find it). */
  readonly searchText: string;
}

/** What a path parameter stands for, by its name and the segment before it. */
function pathValue(name: string, segment: string | undefined, ids: SweepIds): string {
  if (name === 'left' || name === 'right' || segment === 'policies') return ids.policyId;
  switch (segment) {
    case 'reports':
      return ids.reportId;
    case 'cases':
      return ids.caseId;
    case 'officers':
    case 'users':
      return ids.officerId;
    case 'clearances':
      return ids.clearanceId;
    case 'units':
      return ids.unitId;
    default:
      // Another object's id (a publication, an attachment…): none of ours, a 404 answer.
      return '00000000-0000-4000-8000-000000000000';
  }
}

function queryValue(name: string, ids: SweepIds): string | undefined {
  if (/^officer(Id)?$/.test(name)) return ids.officerId;
  if (/^case(Id)?$/.test(name)) return ids.caseId;
  if (/^report(Id)?$/.test(name)) return ids.reportId;
  if (/^unit(Id)?$/.test(name)) return ids.unitId;
  if (/^policy(Id)?$/.test(name)) return ids.policyId;
  if (/^(q|query|search|keyword|text)$/.test(name)) return ids.searchText;
  return undefined;
}

const enumOf = (p: OpenApiParameter): string[] =>
  (p.schema?.enum ?? p.schema?.anyOf?.map((s) => s.const) ?? []).map(String);

/**
 * Every request of every GET route of the document, ids filled in: the bare path, the
 * path with every query parameter we have a value for, and one request for each
 * combination of the values of required enumerated parameters (an export's figure and format).
 */
export function sweepUrls(doc: OpenApiDocument, ids: SweepIds): string[] {
  const urls = new Set<string>();
  for (const [template, methods] of Object.entries(doc.paths)) {
    const get = methods.get;
    if (!get) continue;
    const filled = template.replace(/\{(\w+)\}/g, (_match, name: string, offset: number) =>
      pathValue(name, template.slice(0, offset).split('/').filter(Boolean).at(-1), ids),
    );
    const query = (get.parameters ?? []).filter((p) => p.in === 'query');
    const known = query.flatMap((p) => {
      const value = queryValue(p.name, ids);
      return value === undefined ? [] : [[p.name, value] as [string, string]];
    });
    let combos: [string, string][][] = [[]];
    for (const p of query.filter((q) => q.required && enumOf(q).length > 0))
      combos = combos.flatMap((c) => enumOf(p).map((v) => [...c, [p.name, v] as [string, string]]));
    for (const combo of combos) {
      for (const extra of [[], known]) {
        const params = new URLSearchParams([...combo, ...extra]).toString();
        urls.add(params === '' ? filled : `${filled}?${params}`);
      }
    }
  }
  return [...urls].sort();
}

export interface RawAnswer {
  readonly url: string;
  readonly status: number;
  readonly text: string;
}

/** The session cookie of a user signed in with a password; '' for no one. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign in ${username}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Every answer to `urls` as the holder of `cookie` receives it, bytes made searchable. */
export async function readAll(base: string, cookie: string, urls: readonly string[]) {
  const answers: RawAnswer[] = [];
  for (const url of urls) {
    const res = await fetch(`${base}${url}`, { headers: cookie === '' ? {} : { cookie } });
    const bytes = Buffer.from(await res.arrayBuffer());
    const headers = [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
    answers.push({ url, status: res.status, text: `${headers}\n${searchableText(bytes)}` });
  }
  return answers;
}
