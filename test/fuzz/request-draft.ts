// A request being put together: its values kept decoded until it is rendered, so that a
// mutation can break one of them and say where; then rendered into what is sent (the
// target percent-encoded, the JSON body written out, raw JSON pieces as they are).

import type { AuthPlan, FuzzRequest, Identity, Mutation } from './fuzz-request.ts';
import type { CaseRef } from './fuzz-world.ts';
import { encodeText } from './malformed-values.ts';
import type { JsonSchema, Operation, Param } from './openapi-operations.ts';
import { isRawJson } from './verdict.ts';

export type JsonBody = { kind: 'json'; value: unknown };
export type FileBody = { kind: 'file'; bytes: Buffer; type: string; ext: string };

export interface Draft {
  method: string;
  path: Map<string, string>;
  /** Path values already percent-encoded, when a mutation writes them as such. */
  pathEncoded: Map<string, string>;
  query: [string, string, 'text' | 'encoded'][];
  headers: Record<string, string>;
  body: JsonBody | FileBody | { kind: 'bytes'; bytes: Buffer } | undefined;
  contentType: string | undefined;
  auth: AuthPlan;
  notes: string[];
  mustRefuse: boolean;
  caseRef: CaseRef | undefined;
  newPassword?: { username: string; password: string };
  raw?: string;
  /** Encoded text added as a segment after the route's path (long-param). */
  pathSuffix?: string;
  /** Encoded text put into a fixed segment of the path, after /api/v1/ (bad-percent). */
  staticSegment?: string;
}

/** One value of a request: a parameter, or a property of the JSON body. */
export type Slot =
  | { readonly kind: 'path' | 'query' | 'header'; readonly param: Param }
  | { readonly kind: 'body'; readonly pointer: readonly string[]; readonly schema: JsonSchema };

/** Sets a parameter's decoded text (a query parameter moves to the end). */
export function setText(d: Draft, kind: 'path' | 'query' | 'header', name: string, text: string) {
  if (kind === 'path') {
    d.path.set(name, text);
    d.pathEncoded.delete(name);
  } else if (kind === 'query') {
    setQuery(d, name, text, 'text');
  } else {
    d.headers[name] = text;
  }
}

/** Replaces a query parameter, at the end of the query. */
export function setQuery(d: Draft, name: string, value: string, how: 'text' | 'encoded') {
  d.query = d.query.filter(([n]) => n !== name);
  d.query.push([name, value, how]);
}

/** Sets a value deep in a JSON body, making the objects on the way. */
export function setAt(body: JsonBody, pointer: readonly string[], value: unknown): void {
  if (pointer.length === 0) {
    body.value = value;
    return;
  }
  if (typeof body.value !== 'object' || body.value === null) body.value = {};
  let node = body.value as Record<string, unknown>;
  for (const key of pointer.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || isRawJson(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[pointer[pointer.length - 1]!] = value;
}

export function renderRequest(
  d: Draft,
  op: Operation,
  identity: Identity,
  mutation: Mutation,
): FuzzRequest {
  const headers: Record<string, string> = { ...d.headers };
  const body = bodyBytes(d);
  if (d.contentType !== undefined) headers['content-type'] = d.contentType;
  return {
    op,
    identity,
    mutation,
    note: d.notes.join('; ') || 'valid-looking',
    method: d.method,
    target: renderTarget(d, op),
    headers,
    ...(body ? { body } : {}),
    auth: d.auth,
    ...(d.raw !== undefined ? { raw: d.raw } : {}),
    mustRefuse: d.mustRefuse,
    ...(d.newPassword ? { newPassword: d.newPassword } : {}),
  };
}

export function bodyBytes(d: Draft): Buffer | undefined {
  if (!d.body) return undefined;
  if (d.body.kind === 'json') return Buffer.from(toJsonText(d.body.value), 'utf8');
  return d.body.bytes;
}

export function renderTarget(d: Draft, op: Operation): string {
  let path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const encoded = d.pathEncoded.get(name);
    if (encoded !== undefined) return encoded;
    return encodeText(d.path.get(name) ?? '');
  });
  if (d.staticSegment !== undefined) path = path.replace('/api/v1/', `/api/v1/${d.staticSegment}`);
  if (d.pathSuffix !== undefined) path += `/${d.pathSuffix}`;
  if (d.query.length === 0) return path;
  const query = d.query
    .map(([n, v, how]) => `${encodeText(n)}=${how === 'encoded' ? v : encodeText(v)}`)
    .join('&');
  return `${path}?${query}`;
}

/** JSON text of a value that may hold raw JSON pieces (a 50,000-deep array, 1e400). */
export function toJsonText(value: unknown): string {
  if (isRawJson(value)) return value.raw;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  return `{${Object.keys(value)
    .map((k) => `${JSON.stringify(k)}:${toJsonText((value as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}
