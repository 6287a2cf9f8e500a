// The valid-looking request for an operation and an identity: real ids from the database,
// the case's current version, a step its state allows, the password the account has. A
// mutation then breaks one part of it (request-generator.ts).

import { randomUUID } from 'node:crypto';
import { TRANSITIONS } from '../../src/domain/case/case-transitions.ts';
import { CASE_STATES, DELIVERY_METHODS, ROLES } from '../../src/domain/vocabulary.ts';
import type { Identity } from './fuzz-request.ts';
import type { UserRef } from './fuzz-world.ts';
import type { BodySpec, JsonSchema, Operation, Param } from './openapi-operations.ts';
import { typesOf } from './openapi-operations.ts';
import type { Draft, FileBody, JsonBody } from './request-draft.ts';
import type { WorldPicks } from './world-picks.ts';

/** Small valid files of the accepted evidence types. */
export const SAMPLE_FILES: readonly { type: string; ext: string; bytes: Buffer }[] = [
  {
    type: 'application/pdf',
    ext: 'pdf',
    bytes: Buffer.from(
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    ),
  },
  {
    type: 'image/png',
    ext: 'png',
    bytes: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    ),
  },
  { type: 'text/plain', ext: 'txt', bytes: Buffer.from('调查笔录：当事人对检查结果无异议。\n') },
];

export class ValidRequestBuilder {
  constructor(private readonly picks: WorldPicks) {}

  private get rng() {
    return this.picks.rng;
  }

  private get world() {
    return this.picks.world;
  }

  draft(op: Operation, identity: Identity): Draft {
    const me = this.picks.userOf(identity);
    const caseRef = op.path.startsWith('/api/v1/cases/{id}')
      ? this.picks.caseFor(op, me)
      : undefined;
    const d: Draft = {
      method: op.method,
      path: new Map(),
      pathEncoded: new Map(),
      query: [],
      headers: {},
      body: undefined,
      contentType: undefined,
      auth: {
        session: identity.username === null ? 'none' : endsSession(op) ? 'fresh' : 'main',
        csrf: 'valid',
      },
      notes: [],
      mustRefuse: false,
      caseRef,
    };
    if (op.body) d.body = this.bodyFor(op, op.body, me, d);
    if (d.body?.kind === 'json') d.contentType = 'application/json';
    if (d.body?.kind === 'file') d.contentType = d.body.type;
    for (const p of op.params) {
      if (p.in !== 'path' && !p.required && !this.rng.chance(0.35)) continue;
      const text = this.textFor(op, p, me, d);
      if (p.in === 'path') d.path.set(p.name, text);
      else if (p.in === 'query') d.query.push([p.name, text, 'text']);
      else d.headers[p.name] = text;
    }
    return d;
  }

  /** A valid value for a path, query or header parameter, by its name and route. */
  private textFor(op: Operation, p: Param, me: UserRef | undefined, d: Draft): string {
    const c = d.caseRef;
    switch (p.name) {
      case 'id': {
        if (op.path.startsWith('/api/v1/cases/')) return c?.id ?? randomUUID();
        if (op.path.startsWith('/api/v1/officers/')) return this.picks.officerId(me);
        if (op.path.startsWith('/api/v1/users/')) return this.picks.otherUserId();
        if (op.path.startsWith('/api/v1/units/')) return this.picks.unitId();
        if (op.path.startsWith('/api/v1/policies/')) return this.picks.policyId();
        break;
      }
      case 'left':
      case 'right':
        return this.picks.policyId();
      case 'evidenceId': {
        const files = this.world.evidence.filter((e) => e.caseId === c?.id);
        return this.picks.idOf(files.length > 0 ? files : this.world.evidence);
      }
      case 'factId':
        return this.rng.pick(this.picks.policyOf(c).facts);
      case 'action': {
        // Mostly a step the case's state allows, and one the identity's role takes.
        const allowed = Object.entries(TRANSITIONS)
          .filter(([, t]) => c !== undefined && (t.from as readonly string[]).includes(c.state))
          .filter(
            ([, t]) => !me || t.roles.some((r) => me.roles.includes(r)) || this.rng.chance(0.2),
          )
          .map(([name]) => name);
        if (allowed.length > 0 && this.rng.chance(0.8)) return this.rng.pick(allowed);
        break;
      }
      case 'version':
        if (op.path.startsWith('/api/v1/policies/'))
          return String(this.rng.pick(this.picks.policyOf(c).versions));
        return String(c?.version ?? 1);
      case 'filename':
        return d.body?.kind === 'file'
          ? `${this.rng.pick(['证据', 'scan', '现场照片'])}-${this.rng.int(1000)}.${d.body.ext}`
          : 'scan.pdf';
      case 'unitId':
        return this.picks.unitId();
      case 'officerId':
        return this.picks.officerId(me);
      case 'policyId':
        return this.picks.policyId();
      case 'state':
        return this.rng.pick(CASE_STATES);
      case 'outcome':
        return this.rng.pick(this.picks.policyOf(c).grounds);
      case 'q':
        return this.picks.chinese(1, 4);
      case 'from':
        return this.picks.pastDay();
      case 'to':
        return this.picks.today();
      case 'offset':
      case 'after':
        return String(this.rng.int(20));
      case 'idempotency-key':
        return this.rng.text(16, 'abcdefghijklmnopqrstuvwxyz0123456789');
    }
    return String(this.fromSchema(p.schema));
  }

  /** A valid value from the schema alone, when the name says nothing more. */
  private fromSchema(schema: JsonSchema): unknown {
    if (schema.enum && schema.enum.length > 0) return this.rng.pick(schema.enum);
    const types = typesOf(schema).filter((t) => t !== 'null');
    const type = types[0];
    if (schema.format === 'uuid') return randomUUID();
    if (schema.format === 'date') return this.picks.today();
    switch (type) {
      case 'integer':
      case 'number': {
        const min = schema.minimum ?? 1;
        const max = Math.min(schema.maximum ?? min + 20, min + 20);
        return this.rng.between(min, max);
      }
      case 'boolean':
        return this.rng.chance(0.5);
      case 'array':
        return schema.items ? [this.fromSchema(schema.items)] : [];
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [name, s] of Object.entries(schema.properties ?? {})) {
          if ((schema.required ?? []).includes(name) || this.rng.chance(0.5))
            out[name] = this.fromSchema(s);
        }
        return out;
      }
      default: {
        const min = schema.minLength ?? 1;
        const max = Math.max(min, Math.min(schema.maxLength ?? 12, 12));
        return this.rng.text(this.rng.between(min, max), 'abcdefghijkmnopqrstuvwxyz');
      }
    }
  }

  private bodyFor(
    op: Operation,
    spec: BodySpec,
    me: UserRef | undefined,
    d: Draft,
  ): JsonBody | FileBody {
    if (spec.kind === 'file') {
      const choices = SAMPLE_FILES.filter((f) => spec.mediaTypes.includes(f.type));
      const file = this.rng.pick(choices.length > 0 ? choices : SAMPLE_FILES);
      return { kind: 'file', bytes: file.bytes, type: file.type, ext: file.ext };
    }
    if (op.key === 'POST /api/v1/evaluate') {
      const policy = this.rng.pick(this.world.policies);
      const facts: Record<string, boolean | null> = {};
      for (let i = 0; i < 3; i++)
        facts[this.rng.pick(policy.facts)] = this.rng.pick([true, false, null]);
      const input: Record<string, unknown> = { policy: policy.id, facts };
      if (this.rng.chance(0.5)) input.asOf = this.picks.pastDay();
      return { kind: 'json', value: input };
    }
    const value: Record<string, unknown> = {};
    const schema = spec.schema;
    // An initiation names the officer concerned; an application is the officer's own.
    const wanted = (name: string) =>
      op.key === 'POST /api/v1/cases' && name === 'officerId'
        ? value.origin === 'initiation'
        : this.rng.chance(0.5);
    for (const [name, s] of Object.entries(schema.properties ?? {})) {
      if (!(schema.required ?? []).includes(name) && !wanted(name)) continue;
      value[name] = this.jsonFor(op, name, s, me, d, value);
    }
    return { kind: 'json', value };
  }

  /** A valid value for a body property, by its name and route. */
  private jsonFor(
    op: Operation,
    name: string,
    schema: JsonSchema,
    me: UserRef | undefined,
    d: Draft,
    /** The body's properties set so far (the password goes with the username). */
    partial: Readonly<Record<string, unknown>>,
  ): unknown {
    const c = d.caseRef;
    const nullable = typesOf(schema).includes('null');
    const signIn = op.key === 'POST /api/v1/session';
    switch (name) {
      case 'version':
        return c?.version ?? 1;
      case 'unitId':
        return me && this.rng.chance(0.9) ? me.unitId : this.picks.unitId();
      case 'parentId':
        return this.picks.unitId();
      case 'officerId':
        return this.picks.officerId(me);
      case 'origin':
        return me?.roles.includes('officer') ? 'application' : 'initiation';
      case 'policyId':
        return nullable && this.rng.chance(0.5) ? null : this.picks.policyId();
      case 'username': {
        if (!signIn) return `fz${this.rng.text(8, 'abcdefghijkmnopqrstuvwxyz0123456789')}`;
        const known = [...this.world.passwords.keys()];
        return this.rng.chance(0.8) && known.length > 0
          ? this.rng.pick(known)
          : `nobody${this.rng.int(1000)}`;
      }
      case 'password': {
        const known = signIn && this.world.passwords.get(String(partial.username ?? ''));
        return known && this.rng.chance(0.7) ? known : this.picks.strongPassword();
      }
      case 'current':
        return (me && this.world.passwords.get(me.username)) ?? this.picks.strongPassword();
      case 'next': {
        const next = this.picks.strongPassword();
        if (me) d.newPassword = { username: me.username, password: next };
        return next;
      }
      case 'displayName':
      case 'name':
      case 'title':
        return this.picks.chinese(2, 12);
      case 'conduct':
      case 'reason':
      case 'departureReason':
      case 'finding':
      case 'note':
        return nullable && this.rng.chance(0.2) ? null : this.picks.chinese(4, 40);
      case 'members':
        return ['党委书记', '纪检组长'];
      case 'meetingDate':
        return this.picks.today();
      // A conduct that has happened: a day in the past, or a period up to today.
      case 'conductDate':
        return this.picks.pastDay();
      case 'conductEndDate':
        return nullable && this.rng.chance(0.5) ? null : this.picks.today();
      case 'conclusion':
        return this.rng.pick(this.picks.policyOf(c).grounds);
      case 'scope':
        return this.rng.pick(this.picks.policyOf(c).scopes);
      case 'relatedUnitIds':
        return [this.picks.unitId()];
      case 'notificationId':
        return this.picks.idOf(this.world.notifications.filter((n) => n.caseId === c?.id));
      // 送达 (issue 9): a method of the list, today, a person, a reason in case it is late.
      case 'deliveryMethod':
        return this.rng.pick(DELIVERY_METHODS);
      case 'deliveredOn':
      case 'reviewedOn':
        return this.picks.today();
      case 'deliveredTo':
        return this.picks.chinese(2, 4);
      case 'lateReason':
      case 'opinion':
        return this.picks.chinese(4, 40);
      case 'agrees':
        return this.rng.chance(0.8);
      case 'recusedMembers':
        return [];
      // 回避: a person of the world; most are not of the case's unit, and are refused.
      case 'userId':
        return this.picks.idOf(this.world.users);
      case 'badgeNumber':
        return nullable && this.rng.chance(0.3) ? null : this.rng.text(11, '0123456789');
      case 'roles':
        return [this.rng.pick(ROLES.filter((r) => !r.endsWith('admin')))];
      case 'value':
        return this.rng.pick([true, false, null]);
      // 停用账号: a disabled account refuses even the sessions the fuzzer mints for it,
      // so the valid request enables (a no-op); disabling is covered by its API test.
      case 'disabled':
        return false;
    }
    return this.fromSchema(schema);
  }
}

/** Logging out ends the session it is sent with: it gets a session of its own. */
function endsSession(op: Operation): boolean {
  return op.method === 'DELETE' && op.path === '/api/v1/session';
}
