// Reads literate policy files from disk, validates them and compiles them. Every
// problem is reported with the file, the article and the field, so the author of a
// policy file can find it without reading code.

import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { articleCitation } from '../domain/policy/citation.ts';
import {
  compilePolicy,
  type CompiledPolicy,
  type PolicyIssue,
} from '../domain/policy/compile-policy.ts';
import type { PolicyDef } from '../domain/policy/policy-model.ts';
import { createRegistry, type PolicyRegistry } from '../domain/policy/policy-registry.ts';
import { policyFileSchema } from './policy-schema.ts';

/** The built-in policies shipped with the product. */
export const BUILTIN_POLICY_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../policies',
);

export interface PolicyFileProblem {
  readonly file: string;
  readonly article?: number;
  readonly field: string;
  readonly message: string;
}

export class PolicyFileError extends Error {
  readonly code = 'INVALID_POLICY_FILE';
  constructor(readonly problems: readonly PolicyFileProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

export function formatProblem(p: PolicyFileProblem): string {
  const where = p.article !== undefined ? ` ${articleCitation(p.article)}` : '';
  return `${p.file}:${where} ${p.field}: ${p.message}`;
}

/** Turns a zod path (chapters.2.articles.1.paragraphs...) into the article and field it names. */
function locate(raw: unknown, path: readonly PropertyKey[]): { article?: number; field: string } {
  const [c, chapter, a, index, ...rest] = path;
  if (
    c === 'chapters' &&
    a === 'articles' &&
    typeof chapter === 'number' &&
    typeof index === 'number'
  ) {
    const number = (raw as { chapters?: { articles?: { number?: unknown }[] }[] })?.chapters?.[
      chapter
    ]?.articles?.[index]?.number;
    if (typeof number === 'number') return { article: number, field: renderPath(rest) || 'number' };
    return { field: renderPath(path) };
  }
  return { field: renderPath(path) || '(file)' };
}

function renderPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`))
    .join('');
}

function zodProblems(file: string, raw: unknown, error: z.ZodError): PolicyFileProblem[] {
  return error.issues.map((issue) => ({
    file,
    ...locate(raw, issue.path),
    message: issue.message,
  }));
}

/** Parses and validates one policy file's text; throws `PolicyFileError` with every problem found. */
export function parsePolicyText(file: string, text: string): PolicyDef {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new PolicyFileError(
      doc.errors.map((e) => ({ file, field: '(yaml)', message: e.message })),
    );
  }
  const raw: unknown = doc.toJS();
  const parsed = policyFileSchema.safeParse(raw);
  if (!parsed.success) throw new PolicyFileError(zodProblems(file, raw, parsed.error));
  return parsed.data;
}

export function compileOrThrow(file: string, def: PolicyDef): CompiledPolicy {
  const result = compilePolicy(def);
  if (!result.ok) {
    throw new PolicyFileError(result.issues.map((i: PolicyIssue) => ({ file, ...i })));
  }
  return result.policy;
}

export async function loadPolicyFile(file: string): Promise<CompiledPolicy> {
  const text = await readFile(file, 'utf8');
  const policy = compileOrThrow(file, parsePolicyText(file, text));
  const folder = basename(dirname(file));
  if (folder !== policy.id || basename(file) !== `v${policy.version}.yaml`) {
    throw new PolicyFileError([
      {
        file,
        field: 'id',
        message: `file must be stored as policies/${policy.id}/v${policy.version}.yaml`,
      },
    ]);
  }
  return policy;
}

/** The policy version files under a directory: <dir>/<id>/v<N>.yaml. */
export async function policyFiles(dir: string = BUILTIN_POLICY_DIR): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (!entry.isDirectory()) continue;
    const files = (await readdir(join(dir, entry.name))).filter((f) => /^v\d+\.yaml$/.test(f));
    files.sort((a, b) => Number(a.slice(1, -5)) - Number(b.slice(1, -5)));
    out.push(...files.map((f) => join(dir, entry.name, f)));
  }
  return out;
}

/** Loads every policy version under a directory into a registry. */
export async function loadRegistry(dir: string = BUILTIN_POLICY_DIR): Promise<PolicyRegistry> {
  const policies = await Promise.all((await policyFiles(dir)).map(loadPolicyFile));
  return createRegistry(policies);
}
