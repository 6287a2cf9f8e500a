// Mutations of one value: a parameter or a body property given a malformed value of a
// class (malformed-values.ts), or an id that points elsewhere (cross-reference); each
// judged as the server will read it, to say whether it must be refused.

import { randomUUID } from 'node:crypto';
import { HEAD_LIMIT, type Identity } from './fuzz-request.ts';
import { bodyValue, ONE_MIB, textValue, type ValueClass } from './malformed-values.ts';
import type { JsonSchema, Operation } from './openapi-operations.ts';
import { typesOf } from './openapi-operations.ts';
import type { Prng } from './prng.ts';
import {
  setAt,
  setText,
  toJsonText,
  type Draft,
  type JsonBody,
  type Slot,
} from './request-draft.ts';
import { jsonBreaks, LONE_SURROGATE, textBreaks } from './verdict.ts';
import type { WorldPicks } from './world-picks.ts';

const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** Puts a value of the class at one of the request's slots, and judges whether it must be refused. */
export function breakValue(d: Draft, op: Operation, cls: ValueClass, rng: Prng): void {
  const slots = slotsOf(op, d);
  if (slots.length === 0) {
    // Nothing declared: the value goes in an undeclared query parameter.
    const v = textValue(cls, [], rng);
    d.query.push(['fuzz', v.text, 'text']);
    d.notes.push(`${cls} in undeclared query fuzz: ${v.note}`);
    if (v.text.length > HEAD_LIMIT) d.mustRefuse = true;
    return;
  }
  const slot = rng.pick(slots);
  if (slot.kind === 'body') {
    const v = bodyValue(cls, typesOf(slot.schema), rng);
    setAt(d.body as JsonBody, slot.pointer, v.value);
    d.notes.push(`${cls} in body ${slot.pointer.join('.')}: ${v.note}`);
    judgeBody(d, op);
    return;
  }
  const v = textValue(cls, typesOf(slot.param.schema), rng);
  setText(d, slot.kind, slot.param.name, v.text);
  d.notes.push(`${cls} in ${slot.kind} ${slot.param.name}: ${v.note}`);
  // A lone surrogate cannot travel in a URL or a header but as bytes that are not
  // UTF-8, which a server may decode leniently (U+FFFD); a header's bytes are read as
  // Latin-1. Judged as they arrive.
  const decoded = v.text.replace(LONE_SURROGATES, '\ufffd');
  const arrives =
    slot.kind === 'header' ? Buffer.from(decoded, 'utf8').toString('latin1') : decoded;
  if (textBreaks(slot.param.schema, arrives) === true) d.mustRefuse = true;
  // The request line or a header past the server's limit.
  if (v.text.length > HEAD_LIMIT) d.mustRefuse = true;
}

/** Whether the JSON body as it now is must be refused: by its schema, or past 1 MiB. */
export function judgeBody(d: Draft, op: Operation): void {
  if (op.body?.kind !== 'json' || d.body?.kind !== 'json') return;
  if (jsonBreaks(op.body.schema, d.body.value) === true) d.mustRefuse = true;
  if (toJsonText(d.body.value).length > ONE_MIB) d.mustRefuse = true;
}

/** Every parameter, and every body property the schema declares or the draft holds. */
function slotsOf(op: Operation, d: Draft): Slot[] {
  const out: Slot[] = op.params.map((param) => ({ kind: param.in, param }));
  if (op.body?.kind === 'json' && d.body?.kind === 'json') {
    const walk = (schema: JsonSchema, value: unknown, pointer: string[]) => {
      if (typeof value !== 'object' || value === null) return;
      if (Array.isArray(value)) {
        if (schema.items && value.length > 0) {
          out.push({ kind: 'body', pointer: [...pointer, '0'], schema: schema.items });
        }
        return;
      }
      const props = schema.properties ?? {};
      for (const [name, s] of Object.entries(props)) {
        out.push({ kind: 'body', pointer: [...pointer, name], schema: s });
        walk(s, (value as Record<string, unknown>)[name], [...pointer, name]);
      }
      if (typeof schema.additionalProperties === 'object') {
        for (const key of Object.keys(value)) {
          if (Object.hasOwn(props, key)) continue;
          out.push({
            kind: 'body',
            pointer: [...pointer, key],
            schema: schema.additionalProperties,
          });
        }
      }
    };
    walk(op.body.schema, d.body.value, []);
  }
  return out;
}

/** The parameters and top-level body properties (or their items) that hold a uuid. */
export function uuidSlots(op: Operation): Slot[] {
  const out: Slot[] = op.params
    .filter((p) => p.schema.format === 'uuid')
    .map((param) => ({ kind: param.in, param }));
  if (op.body?.kind === 'json') {
    for (const [name, s] of Object.entries(op.body.schema.properties ?? {})) {
      if (s.format === 'uuid') out.push({ kind: 'body', pointer: [name], schema: s });
      if (s.items?.format === 'uuid')
        out.push({ kind: 'body', pointer: [name, '0'], schema: s.items });
    }
  }
  return out;
}

/** A uuid slot given an id of the wrong kind, of another unit, or of nothing. */
export function crossReference(
  d: Draft,
  op: Operation,
  identity: Identity,
  picks: WorldPicks,
): void {
  const { rng, world } = picks;
  const slots = uuidSlots(op);
  if (slots.length === 0) return breakValue(d, op, 'wrong-type', rng);
  const slot = rng.pick(slots);
  const me = picks.userOf(identity);
  const scope = me ? world.subtree(me.unitId) : new Set<string>();
  const elsewhere = world.cases.filter((c) => !scope.has(c.unitId));
  const choices: [string, () => string][] = [
    ['an id that does not exist', () => randomUUID()],
    ['the nil uuid', () => '00000000-0000-0000-0000-000000000000'],
    ['a unit id', () => picks.unitId()],
    // Not an identity's: a role or password change would end the run's own sessions.
    ['a user id', () => picks.otherUserId()],
    ["another unit's case", () => picks.idOf(elsewhere)],
    ['an upper-case id', () => (d.caseRef?.id ?? picks.unitId()).toUpperCase()],
  ];
  const [what, make] = rng.pick(choices);
  const id = make();
  if (slot.kind === 'body') {
    if (d.body?.kind !== 'json') return;
    setAt(d.body, slot.pointer, id);
    d.notes.push(`cross-reference: body ${slot.pointer.join('.')} = ${what}`);
  } else {
    setText(d, slot.kind, slot.param.name, id);
    d.notes.push(`cross-reference: ${slot.kind} ${slot.param.name} = ${what}`);
  }
}
