// Mutations of the request's fields as a set: a required one left out, an undeclared one
// added, a parameter whose percent-encoding does not decode, one far too long.

import { BAD_PERCENT } from './malformed-values.ts';
import type { Operation } from './openapi-operations.ts';
import type { Prng } from './prng.ts';
import { setQuery, setText, type Draft, type Slot } from './request-draft.ts';
import { textBreaks } from './verdict.ts';
import { judgeBody } from './value-mutations.ts';

export function missingField(d: Draft, op: Operation, rng: Prng): void {
  const body = op.body?.kind === 'json' ? op.body : undefined;
  const required: Slot[] = [
    ...op.params.filter((p) => p.required).map((param) => ({ kind: param.in, param })),
    ...(body?.schema.required ?? []).map((name) => ({
      kind: 'body' as const,
      pointer: [name],
      schema: body?.schema.properties?.[name] ?? {},
    })),
  ];
  if (required.length === 0) {
    if (d.body?.kind === 'json' && typeof d.body.value === 'object' && d.body.value !== null) {
      const keys = Object.keys(d.body.value);
      if (keys.length > 0) {
        const key = rng.pick(keys);
        delete (d.body.value as Record<string, unknown>)[key];
        d.notes.push(`missing-field: optional body ${key} left out`);
        return;
      }
    }
    d.body = undefined;
    d.contentType = undefined;
    d.notes.push('missing-field: no body');
    if (op.body) d.mustRefuse = true;
    return;
  }
  const slot = rng.pick(required);
  d.mustRefuse = true;
  if (slot.kind === 'body') {
    if (d.body?.kind === 'json') delete (d.body.value as Record<string, unknown>)[slot.pointer[0]!];
    d.notes.push(`missing-field: body ${slot.pointer[0]} left out`);
  } else if (slot.kind === 'path') {
    d.path.set(slot.param.name, '');
    d.notes.push(`missing-field: path ${slot.param.name} empty`);
  } else if (slot.kind === 'query') {
    d.query = d.query.filter(([n]) => n !== slot.param.name);
    d.notes.push(`missing-field: query ${slot.param.name} left out`);
  } else {
    delete d.headers[slot.param.name];
    d.notes.push(`missing-field: header ${slot.param.name} left out`);
    d.mustRefuse = false;
  }
}

export function extraField(d: Draft, op: Operation, rng: Prng): void {
  const name = rng.pick(['fuzzExtra', 'isAdmin', 'roles', 'id', 'createdAt', 'state']);
  if (
    d.body?.kind === 'json' &&
    typeof d.body.value === 'object' &&
    d.body.value !== null &&
    !Array.isArray(d.body.value) &&
    !Object.hasOwn(d.body.value, name)
  ) {
    (d.body.value as Record<string, unknown>)[name] = name === 'isAdmin' ? true : 'x';
    d.notes.push(`extra-field: body ${name}`);
    judgeBody(d, op);
    return;
  }
  d.query.push([name, 'x', 'text']);
  d.notes.push(`extra-field: query ${name}`);
}

export function badPercent(d: Draft, op: Operation, rng: Prng): void {
  const bad = rng.pick(BAD_PERCENT);
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const where = rng.int(3);
  if (where === 0 && pathParams.length > 0) {
    const p = rng.pick(pathParams);
    d.pathEncoded.set(p.name, bad);
    d.notes.push(`bad-percent in path ${p.name}: ${bad}`);
    d.mustRefuse = true;
  } else if (where === 1) {
    // A query value that does not decode: taking it as literal text is allowed.
    const name = queryParams.length > 0 ? rng.pick(queryParams).name : 'fuzz';
    setQuery(d, name, bad, 'encoded');
    d.notes.push(`bad-percent in query ${name}: ${bad}`);
  } else {
    d.staticSegment = bad;
    d.notes.push(`bad-percent in a fixed path segment: ${bad}`);
    d.mustRefuse = true;
  }
}

export function longParam(d: Draft, op: Operation, rng: Prng): void {
  const length = rng.pick([101, 256, 2_000, 8_000]);
  const text = rng.pick(['a', '0', 'f']).repeat(length);
  const pathParams = op.params.filter((p) => p.in === 'path');
  if (pathParams.length > 0) {
    const p = rng.pick(pathParams);
    setText(d, 'path', p.name, text);
    d.notes.push(`long-param: path ${p.name} of ${length} characters`);
    if (textBreaks(p.schema, text) === true) d.mustRefuse = true;
  } else {
    d.pathSuffix = text;
    d.notes.push(`long-param: a path segment of ${length} characters after the route`);
    d.mustRefuse = true;
  }
}
