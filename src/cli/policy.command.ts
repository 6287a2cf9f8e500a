// `rongcuo policy list|show|diff|check|test`: browse, compare and verify policy files.

import { basename, dirname, join, resolve } from 'node:path';
import { articleCitation } from '../domain/policy/citation.ts';
import { runGoldenSuite } from '../domain/determination/golden-cases.ts';
import { todayInChina } from '../domain/calendar-date.ts';
import { diffPolicies } from '../domain/policy/policy-diff.ts';
import { versionOf, type PolicyRegistry } from '../domain/policy/policy-registry.ts';
import type { CompiledPolicy } from '../domain/policy/compile-policy.ts';
import { loadGoldenSuite } from '../policy-files/load-golden-cases.ts';
import { loadPolicyFile, loadRegistry, PolicyFileError } from '../policy-files/load-policies.ts';
import { parseCommandLine, type CliIO } from './cli-io.ts';
import { reevaluate } from './policy-reevaluate.ts';
import { renderPolicyDiff, renderPolicyText } from './policy-render.ts';

const USAGE = `usage:
  rongcuo policy list [--json]
  rongcuo policy show ID [--article N] [--version V] [--json]
  rongcuo policy diff A B [--json]        (A, B: ID or ID@VERSION)
  rongcuo policy check FILE
  rongcuo policy test FILE                (cases.yaml, or a policy file with cases.yaml beside it)
  rongcuo policy reevaluate [--policy ID] [--page N] [--json]
                                          (every open case against the version in force now)
`;

type Sub = (positionals: string[], values: Flags, io: CliIO) => Promise<number>;
interface Flags {
  json?: boolean;
  article?: string;
  version?: string;
  policy?: string;
  page?: string;
}

export async function runPolicy(args: string[], io: CliIO): Promise<number> {
  const options = {
    json: { type: 'boolean' },
    article: { type: 'string' },
    version: { type: 'string' },
    policy: { type: 'string' },
    page: { type: 'string' },
  } as const;
  const parsed = parseCommandLine(io, args, options, USAGE);
  if (!parsed) return 2;
  const [name, ...positionals] = parsed.positionals;
  const sub = name === undefined ? undefined : SUBCOMMANDS[name];
  if (!sub) {
    io.stderr.write(USAGE);
    return 2;
  }
  try {
    return await sub(positionals, parsed.values, io);
  } catch (e) {
    if (e instanceof PolicyFileError) {
      io.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

const SUBCOMMANDS: Record<string, Sub> = {
  reevaluate: reevaluate,
  async list(_positionals, flags, io) {
    const registry = await loadRegistry();
    const rows = [...registry.byId.values()].flat().map((p) => ({
      id: p.id,
      version: p.version,
      title: p.def.title,
      effectiveFrom: p.effectiveFrom,
      facts: p.facts.length,
      grounds: p.grounds.map((g) => g.code),
    }));
    if (flags.json) io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else {
      for (const r of rows) {
        io.stdout.write(
          `${r.id}  版本 ${r.version}  施行 ${r.effectiveFrom ?? '日期未知'}  事实 ${r.facts} 项  ${r.title}\n`,
        );
      }
    }
    return 0;
  },

  async show(positionals, flags, io) {
    const [id] = positionals;
    if (id === undefined || positionals.length > 1) return usage(io);
    const policy = pick(await loadRegistry(), flags.version ? `${id}@${flags.version}` : id, io);
    if (!policy) return 2;
    let article: number | undefined;
    if (flags.article !== undefined) {
      article = Number(flags.article);
      const count = policy.def.chapters.flatMap((c) => c.articles).length;
      if (!Number.isInteger(article) || article < 1 || article > count) {
        io.stderr.write(`${policy.id} has no article ${flags.article} (1..${count})\n`);
        return 2;
      }
    }
    if (flags.json) {
      const articles = policy.def.chapters
        .flatMap((c) => c.articles.map((a) => ({ chapter: c.title, ...a })))
        .filter((a) => article === undefined || a.number === article);
      io.stdout.write(
        `${JSON.stringify({ id: policy.id, version: policy.version, articles }, null, 2)}\n`,
      );
    } else {
      io.stdout.write(renderPolicyText(policy, article));
    }
    return 0;
  },

  async diff(positionals, flags, io) {
    if (positionals.length !== 2) return usage(io);
    const registry = await loadRegistry();
    const left = pick(registry, positionals[0]!, io);
    const right = pick(registry, positionals[1]!, io);
    if (!left || !right) return 2;
    const diff = diffPolicies(left, right);
    io.stdout.write(flags.json ? `${JSON.stringify(diff, null, 2)}\n` : renderPolicyDiff(diff));
    return 0;
  },

  async check(positionals, _flags, io) {
    if (positionals.length !== 1) return usage(io);
    const policy = await loadPolicyFile(resolve(positionals[0]!));
    const articles = policy.def.chapters.flatMap((c) => c.articles).length;
    io.stdout.write(
      `OK ${policy.id} 版本 ${policy.version}: ${articles} 条, ${policy.facts.length} 项事实, ` +
        `${policy.grounds.length} 条认定规则 (${policy.grounds.map((g) => `${g.code}@${articleCitation(g.article)}`).join(', ')})\n`,
    );
    return 0;
  },

  async test(positionals, _flags, io) {
    if (positionals.length !== 1) return usage(io);
    const file = resolve(positionals[0]!);
    const casesFile = basename(file) === 'cases.yaml' ? file : join(dirname(file), 'cases.yaml');
    // A policy's cases run against every version under the same policies folder.
    const registry = await loadRegistry(dirname(dirname(casesFile)));
    const suite = await loadGoldenSuite(casesFile);
    const results = runGoldenSuite(registry, suite, todayInChina(new Date()));
    let failed = 0;
    for (const r of results) {
      if (r.passed) io.stdout.write(`  ✓ ${r.name}\n`);
      else {
        failed++;
        io.stdout.write(`  ✗ ${r.name}\n${r.failures.map((f) => `      ${f}\n`).join('')}`);
      }
    }
    io.stdout.write(`${suite.policy}: ${results.length - failed} passed, ${failed} failed\n`);
    return failed === 0 ? 0 : 1;
  },
};

function usage(io: CliIO): number {
  io.stderr.write(USAGE);
  return 2;
}

/** `ID` (newest version) or `ID@VERSION`. */
function pick(registry: PolicyRegistry, ref: string, io: CliIO): CompiledPolicy | null {
  const [id, version] = ref.split('@') as [string, string | undefined];
  // A version is written as the policy numbers it: `@01` or `@x` names none.
  const number =
    version === undefined ? undefined : /^[1-9]\d*$/.test(version) ? Number(version) : NaN;
  const policy = versionOf(registry, id, number);
  if (!policy) {
    io.stderr.write(`unknown policy: ${ref} (known: ${[...registry.byId.keys()].join(', ')})\n`);
    return null;
  }
  return policy;
}
