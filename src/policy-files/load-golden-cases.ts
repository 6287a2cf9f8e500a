// Reads a golden-case file (policies/<id>/cases.yaml) and checks its shape.

import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { GoldenSuite } from '../domain/determination/golden-cases.ts';
import { PolicyFileError } from './load-policies.ts';

const factMap = z.record(z.string(), z.union([z.boolean(), z.null()]));
const expectation = z
  .object({
    error: z.string().optional(),
    status: z.enum(['determined', 'undetermined']).optional(),
    outcome: z.string().nullable().optional(),
    basis: z.array(z.string()).optional(),
    citation: z.string().optional(),
    grounds: z
      .array(
        z.object({ code: z.string(), basis: z.array(z.string()), blocked: z.boolean() }).strict(),
      )
      .optional(),
    missing: z.array(z.string()).optional(),
    warnings: z.array(z.string()).optional(),
  })
  .strict();

const goldenSuiteSchema = z
  .object({
    policy: z.string().min(1),
    asOf: z.string().optional(),
    rest: z.enum(['false', 'unknown']).optional(),
    cases: z
      .array(
        z
          .object({
            name: z.string().min(1),
            asOf: z.string().optional(),
            rest: z.enum(['false', 'unknown']).optional(),
            facts: factMap.optional(),
            input: z.unknown().optional(),
            expect: expectation,
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export async function loadGoldenSuite(file: string): Promise<GoldenSuite> {
  const doc = parseDocument(await readFile(file, 'utf8'));
  if (doc.errors.length > 0) {
    throw new PolicyFileError(
      doc.errors.map((e) => ({ file, field: '(yaml)', message: e.message })),
    );
  }
  const raw: unknown = doc.toJS();
  const parsed = goldenSuiteSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PolicyFileError(
      parsed.error.issues.map((i) => ({
        file,
        field: i.path.map(String).join('.') || '(file)',
        message: i.message,
      })),
    );
  }
  return parsed.data as GoldenSuite;
}
