// The fuzz run: reads the application's OpenAPI document, signs in as each identity
// (fuzz-sessions.ts), and sends requests one at a time, each a valid-looking request
// with one thing broken (request-generator.ts), checking every answer:
//
//   - no 5xx, and an answer at all (a server may only hang up on bytes it cannot read);
//   - every 4xx and 5xx in the error shape with a stable code and a Chinese message;
//   - a request the schema or an issue 8 guarantee refuses is refused (4xx);
//   - a refused request changed nothing (a digest of every table before and after it,
//     but what state-digest.ts MAY_CHANGE_ON_REFUSAL lists), and a read changed nothing
//     but that and MAY_CHANGE_ON_READ (a document's 文号, given on first generation);
//   - and, at the end, the audit chain verifies.
//
// One at a time, so that a change in the database is the request's own. The run starts
// with a schedule that sends every route each mutation class and each identity at least
// once, then draws at random; a seed fixes both, and every failure is printed with its
// seed, its index and the request itself (fuzz-report.ts).

import type { AppContext } from '../../src/app/app-context.ts';
import { errorCodeOf, errorShapeProblem } from './fuzz-checks.ts';
import { describeRequest, describeResult, type FuzzReport } from './fuzz-report.ts';
import {
  HEAD_LIMIT,
  type AuthNames,
  type FuzzRequest,
  type Identity,
  type Mutation,
} from './fuzz-request.ts';
import { FuzzSessions } from './fuzz-sessions.ts';
import { FuzzTally, type ViolationKind } from './fuzz-tally.ts';
import { FuzzWorld } from './fuzz-world.ts';
import { operationsOf, type Operation } from './openapi-operations.ts';
import { Prng } from './prng.ts';
import { RequestGenerator } from './request-generator.ts';
import {
  StateDigest,
  StateWatch,
  unexplainedChanges,
  unexplainedReadChanges,
} from './state-digest.ts';
import { Wire } from './wire.ts';

export interface FuzzOptions {
  readonly baseUrl: string;
  readonly ctx: AppContext;
  readonly seed: number;
  /** How many requests; by default the coverage schedule alone. */
  readonly requests?: number;
  readonly identities: readonly Identity[];
  /** The password of every account that exists at the start (the demo's). */
  readonly passwords: ReadonlyMap<string, string>;
  readonly progress?: (done: number, total: number) => void;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const wire = new Wire(options.baseUrl);
  try {
    return await new FuzzRun(options, wire).run();
  } finally {
    wire.close();
  }
}

/** What the run has once it has read the document and signed in. */
interface Started {
  readonly ops: readonly Operation[];
  readonly generator: RequestGenerator;
  readonly sessions: FuzzSessions;
}

class FuzzRun {
  private readonly rng: Prng;
  private readonly world: FuzzWorld;
  private readonly digest: StateDigest;
  private readonly watch: StateWatch;
  private readonly tally = new FuzzTally();

  constructor(
    private readonly options: FuzzOptions,
    private readonly wire: Wire,
  ) {
    this.rng = new Prng(options.seed);
    this.world = new FuzzWorld(options.ctx);
    this.digest = new StateDigest(options.ctx.db);
    this.watch = new StateWatch(this.digest);
    for (const [u, p] of options.passwords) this.world.passwords.set(u, p);
  }

  async run(): Promise<FuzzReport> {
    const run = await this.start();
    const schedule = this.schedule(run);
    const total = this.options.requests ?? schedule.length;
    const started = performance.now();
    for (let i = 0; i < total; i++) {
      const [op, identity, mutation] = schedule[i] ?? this.draw(run);
      await this.one(run, i, op, identity, mutation);
      if (this.options.progress && (i + 1) % 1000 === 0) this.options.progress(i + 1, total);
    }
    const seconds = (performance.now() - started) / 1000;
    const { tally } = this;
    return {
      seed: this.options.seed,
      requests: total,
      seconds,
      byRoute: tally.byRoute,
      byMutation: tally.byMutation,
      byIdentity: tally.byIdentity,
      byCode: tally.byCode,
      stateChecks: tally.stateChecks,
      tablesCompared: this.digest.tables,
      digests: { computed: this.digest.computed, reused: this.digest.reused },
      violations: tally.violations,
      violationCounts: tally.violationCounts,
      uncovered: tally.uncovered(
        run.ops,
        (op) => run.generator.applicable(op),
        this.options.identities,
      ),
      audit: await this.verifyAudit(run.sessions),
      sessionsReplaced: run.sessions.replaced,
    };
  }

  /** Reads the document, signs every identity in, and takes the first digest. */
  private async start(): Promise<Started> {
    const { ops, auth } = await this.readDocument();
    await this.world.refresh();
    const generator = new RequestGenerator({
      world: this.world,
      rng: this.rng,
      auth,
      now: this.options.ctx.now,
      identityNames: this.options.identities
        .map((i) => i.username)
        .filter((u): u is string => u !== null),
      operations: ops,
    });
    const sessions = new FuzzSessions(this.wire, this.options.ctx, this.world, auth, this.watch);
    await sessions.signInAll(this.options.identities);
    await this.watch.reset();
    return { ops, generator, sessions };
  }

  private async readDocument(): Promise<{ ops: Operation[]; auth: AuthNames }> {
    const result = await this.wire.send('GET', '/api/v1/openapi.json', {}, undefined);
    if (!result.ok || result.response.status !== 200)
      throw new Error(`GET /api/v1/openapi.json: ${describeResult(result)}`);
    const doc = JSON.parse(result.response.body.toString('utf8')) as {
      components?: { securitySchemes?: Record<string, { in?: string; name?: string }> };
    };
    let auth: AuthNames = { cookie: 'rongcuo_session', csrfHeader: 'x-csrf-token' };
    for (const scheme of Object.values(doc.components?.securitySchemes ?? {})) {
      if (scheme.in === 'cookie' && scheme.name) auth = { ...auth, cookie: scheme.name };
      if (scheme.in === 'header' && scheme.name) auth = { ...auth, csrfHeader: scheme.name };
    }
    return { ops: operationsOf(doc), auth };
  }

  /** Every route with every mutation class, and with every identity, in a seeded order. */
  private schedule({ ops, generator }: Started): [Operation, Identity, Mutation][] {
    const out: [Operation, Identity, Mutation][] = [];
    const identities = this.options.identities;
    for (const op of ops) {
      const mutations = generator.applicable(op);
      let k = this.rng.int(identities.length);
      for (const m of mutations) out.push([op, identities[k++ % identities.length]!, m]);
      for (let n = mutations.length; n < identities.length; n++) {
        out.push([op, identities[k++ % identities.length]!, this.rng.pick(mutations)]);
      }
    }
    return this.rng.shuffle(out);
  }

  private draw({ ops, generator }: Started): [Operation, Identity, Mutation] {
    const op = this.rng.pick(ops);
    const identity = this.rng.pick(this.options.identities);
    const mutation = this.rng.chance(0.1) ? 'valid' : this.rng.pick(generator.applicable(op));
    return [op, identity, mutation];
  }

  private async one(
    { generator, sessions }: Started,
    index: number,
    op: Operation,
    identity: Identity,
    mutation: Mutation,
  ) {
    const request = generator.generate(op, identity, mutation);
    const { tally } = this;
    tally.sending(op, identity, mutation);
    const session = await sessions.sessionFor(request);
    const writes = request.method !== 'GET';
    const violation = (kind: ViolationKind, route: string, detail: string, response: string) =>
      tally.record({
        kind,
        index,
        route,
        identity: identity.label,
        mutation,
        detail,
        request: describeRequest(request, this.options.seed, index),
        response,
      });
    // The state this request starts from. It differs from the last request's only if the
    // runner's own reads in between (sessions, the world's refresh) changed it.
    const drift = unexplainedReadChanges(await this.watch.changes());
    if (drift.length > 0)
      violation(
        'state-changed',
        "GET (the runner's own read before this request)",
        `changed ${drift.join(', ')} between two requests`,
        '',
      );
    const result = await sessions.send(request, session);
    tally.answered(op, identity, mutation, result);
    const fail = (kind: ViolationKind, detail: string) =>
      violation(kind, op.key, detail, describeResult(result));

    if (!result.ok) {
      // A server may hang up on bytes it cannot read (a 20 KiB header, a bad chunk);
      // any other request must get an answer.
      if (!(request.mustRefuse && (request.raw !== undefined || headTooLong(request))))
        fail('no-answer', result.error);
    } else {
      const { response } = result;
      if (response.status >= 400) {
        tally.errorCode(errorCodeOf(response) ?? `(no code, ${response.status})`);
        const problem = errorShapeProblem(response);
        if (problem) fail('error-shape', problem);
      }
      if (response.status >= 500) fail('server-error', `status ${response.status}`);
      if (response.status < 400 && request.mustRefuse)
        fail('accepted-malformed', `answered ${response.status} to ${request.note}`);
    }

    const refused = !result.ok || result.response.status >= 400;
    const changed = await this.watch.changes();
    if (!writes) {
      // A read changes nothing but what MAY_CHANGE_ON_READ names, answered or refused.
      const unexplained = unexplainedReadChanges(changed);
      if (unexplained.length > 0) fail('state-changed', `a read changed ${unexplained.join(', ')}`);
    } else if (refused) {
      tally.stateChecks++;
      const code = result.ok ? errorCodeOf(result.response) : undefined;
      const unexplained = unexplainedChanges(changed, code);
      if (unexplained.length > 0) fail('state-changed', `changed ${unexplained.join(', ')}`);
    } else {
      if (request.newPassword)
        this.world.passwords.set(request.newPassword.username, request.newPassword.password);
      await this.world.refresh();
    }
    await sessions.keepAlive(index, request, result);
  }

  private async verifyAudit(sessions: FuzzSessions): Promise<{ ok: boolean; detail: string }> {
    const label = this.options.identities.find((i) => i.username === 'auditadmin')?.label;
    const result = label ? await sessions.get(label, '/api/v1/audit/verify') : undefined;
    if (!result) return { ok: false, detail: 'no audit administrator to verify with' };
    if (!result.ok || result.response.status !== 200)
      return { ok: false, detail: describeResult(result) };
    const body = JSON.parse(result.response.body.toString('utf8')) as { ok?: unknown };
    return { ok: body.ok === true, detail: result.response.body.toString('utf8').slice(0, 2000) };
  }
}

/** A request line or header past the server's limit: it may hang up. */
function headTooLong(request: FuzzRequest): boolean {
  const head =
    request.target.length + Object.values(request.headers).reduce((n, v) => n + v.length, 0);
  return head + (request.auth.cookie?.length ?? 0) + request.auth.csrf.length > HEAD_LIMIT;
}
