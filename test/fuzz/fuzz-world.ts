// What the fuzzer knows of the application's data, so that most requests look valid
// except for the one field it breaks: the units, accounts, cases (with their current
// version and state), files of evidence and notifications, read from the database after
// every accepted write; the policies with their facts, outcomes and publication scopes;
// and the password of each account, followed as the fuzzer changes them.

import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../../src/app/app-context.ts';
import type { Role } from '../../src/domain/vocabulary.ts';

export interface UnitRef {
  readonly id: string;
  readonly parentId: string | null;
}

export interface UserRef {
  readonly id: string;
  readonly username: string;
  readonly unitId: string;
  readonly roles: readonly Role[];
}

export interface CaseRef {
  readonly id: string;
  readonly unitId: string;
  readonly officerId: string;
  readonly applicantId: string | null;
  readonly state: string;
  readonly version: number;
  readonly policyId: string;
}

export interface PolicyRef {
  readonly id: string;
  readonly versions: readonly number[];
  readonly facts: readonly string[];
  readonly grounds: readonly string[];
  readonly scopes: readonly string[];
}

interface Rows {
  units: UnitRef[];
  users: UserRef[];
  cases: CaseRef[];
  evidence: { id: string; caseId: string }[];
  notifications: { id: string; caseId: string }[];
}

export class FuzzWorld {
  units: readonly UnitRef[] = [];
  users: readonly UserRef[] = [];
  cases: readonly CaseRef[] = [];
  evidence: readonly { id: string; caseId: string }[] = [];
  notifications: readonly { id: string; caseId: string }[] = [];
  readonly policies: readonly PolicyRef[];
  /** The password the fuzzer last set or knows for each account, by username. */
  readonly passwords = new Map<string, string>();

  // `any` database: the fuzzer reads a few columns by name with plain SQL, whatever the
  // store's schema type says, so that it keeps working while the schema grows.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private readonly db: Kysely<any>;

  constructor(ctx: AppContext) {
    this.db = ctx.db;
    this.policies = [...ctx.registry.byId.entries()].map(([id, versions]) => {
      const latest = versions[versions.length - 1]!;
      return {
        id,
        versions: versions.map((v) => v.version),
        facts: latest.facts.map((f) => f.id),
        grounds: latest.grounds.map((g) => g.code),
        scopes: latest.def.procedure.publication.scopes,
      };
    });
  }

  async refresh(): Promise<void> {
    const rows = await this.read();
    this.units = rows.units;
    this.users = rows.users;
    this.cases = rows.cases;
    this.evidence = rows.evidence;
    this.notifications = rows.notifications;
  }

  private async read(): Promise<Rows> {
    const q = <T>(query: ReturnType<typeof sql<T>>) =>
      query.execute(this.db).then((r) => r.rows as T[]);
    const [units, users, cases, evidence, notifications] = await Promise.all([
      q(sql<UnitRef>`select id, parent_id as "parentId" from units`),
      q(sql<UserRef>`select id, username, unit_id as "unitId", roles from users`),
      q(
        sql<CaseRef>`select id, unit_id as "unitId", officer_id as "officerId",
          applicant_id as "applicantId", state, version, policy_id as "policyId" from cases`,
      ),
      q(sql<{ id: string; caseId: string }>`select id, case_id as "caseId" from evidence`),
      q(sql<{ id: string; caseId: string }>`select id, case_id as "caseId" from notifications`),
    ]);
    return {
      units,
      users,
      cases: cases.map((c) => ({ ...c, version: Number(c.version) })),
      evidence,
      notifications,
    };
  }

  user(username: string): UserRef | undefined {
    return this.users.find((u) => u.username === username);
  }

  /** The unit and every unit under it. */
  subtree(unitId: string): Set<string> {
    const out = new Set([unitId]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const u of this.units) {
        if (u.parentId !== null && out.has(u.parentId) && !out.has(u.id)) {
          out.add(u.id);
          grew = true;
        }
      }
    }
    return out;
  }

  policy(id: string): PolicyRef | undefined {
    return this.policies.find((p) => p.id === id);
  }
}
