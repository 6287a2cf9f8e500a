// The determination contract beyond the golden cases: explanation, next question,
// version choice by date, and the China-time default date.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../src/domain/calendar-date.ts';
import {
  determine,
  isDeterminationError,
  type ExplainedDetermination,
} from '../src/domain/determination/determine.ts';
import type { PolicyRegistry } from '../src/domain/policy/policy-registry.ts';
import { BUILTIN_POLICY_DIR, loadRegistry } from '../src/policy-files/load-policies.ts';
import { builtinRegistry } from './support/builtin-registry.ts';
import { FACTS } from './support/spec-oracle.ts';

let registry: PolicyRegistry;
beforeAll(async () => {
  registry = await builtinRegistry();
});

const EM = 'xilingol-emergency-2024';
const allFalse = (policy: string) =>
  Object.fromEntries(FACTS[policy as keyof typeof FACTS].map((id) => [id, false]));

function explained(facts: Record<string, boolean | null>, policy = EM): ExplainedDetermination {
  const out = determine(
    registry,
    { policy, asOf: '2025-06-30', facts },
    { today: '2025-06-30', explain: true },
  );
  if (isDeterminationError(out)) throw new Error(out.error.message);
  return out;
}

describe('explanation', () => {
  it('names the 但书 that defeated an item, and says why the grounds above the outcome fail', () => {
    const out = explained({ ...allFalse(EM), 'a10.6': true, 'a10.6.x': true, 'a12.2': true });
    expect(out.outcome).toBe('discretionary_mitigation');
    const byCode = Object.fromEntries(out.explanation.grounds.map((g) => [g.code, g]));
    expect(byCode.no_liability).toMatchObject({ state: 'fails', rank: 'above' });
    expect(byCode.no_liability!.text).toContain(
      '第十条第（六）项所述情形虽属实，但属于其但书「行政执法人员故意隐瞒或者因重大过失遗漏证据」情形，不予适用',
    );
    expect(byCode.not_tolerated).toMatchObject({ state: 'fails', rank: 'above' });
    expect(byCode.discretionary_mitigation).toMatchObject({ state: 'holds', rank: 'outcome' });
    expect(byCode.discretionary_mitigation!.text).toContain('第十二条第（二）项');
    expect(out.explanation.summary).toBe('认定结论：可以从轻、减轻，依据第十二条第（二）项。');
  });

  it('names the condition still missing while undetermined, and marks blocked grounds', () => {
    const open = explained({
      ...allFalse(EM),
      'a11.3': true,
      'a11.c1': true,
      'a11.c2': true,
      'a11.c3': null,
    });
    expect(open.status).toBe('undetermined');
    expect(open.missing).toEqual(['a11.c3']);
    expect(open.explanation.summary).toContain(
      '第十一条第二款第（三）项「积极主动消除不良影响、挽回损失的」',
    );
    expect(open.explanation.grounds.find((g) => g.code === 'exemption')!.text).toContain(
      '尚未查明',
    );

    const blocked = explained({ ...allFalse(EM), 'a9.1': true, 'a13.c1': true, 'a13.c2': true });
    const dd = blocked.explanation.grounds.find((g) => g.code === 'due_diligence')!;
    expect(dd).toMatchObject({ state: 'holds', blocked: true, rank: 'below' });
    expect(dd.text).toContain('因不予容错情形成立，本项不予适用');
  });
});

describe('next question', () => {
  it('is one of the missing facts, and none when the outcome is settled', () => {
    const out = explained({ 'a13.c1': false });
    expect(out.nextQuestion).not.toBeNull();
    expect(out.missing).toContain(out.nextQuestion!.fact);
    expect(explained(allFalse(EM)).nextQuestion).toBeNull();
  });

  it('asks the question that settles the case when one exists', () => {
    // Open: the 但书 of 第十条第（一）项 and 第十二条第（一）项. "No" to the 但书 settles the case
    // (不予追究); "yes" leaves 第十二条 open. Asking 第十二条 first leaves the 但书 open either way.
    const out = explained({ ...allFalse(EM), 'a10.1': true, 'a10.1.x': null, 'a12.1': null });
    expect(out.missing).toEqual(['a10.1.x', 'a12.1']);
    expect(out.nextQuestion).toEqual({
      fact: 'a10.1.x',
      remainingIfTrue: 1,
      remainingIfFalse: 0,
      label: '第十条第（一）项但书',
      question: '但书：是否存在“故意违法”的情形？（存在时，第十条第（一）项不予适用）',
      // Added by issue 15: why it is asked, and what each answer settles.
      reason: '如不成立，即可认定不予追究行政执法责任',
      settlesIfTrue: null,
      settlesIfFalse: 'no_liability',
      // Where the chances that ordered it come from: no unit here, the policy's default.
      probabilities: {
        source: 'policy_default',
        decidedCases: null,
        note: '各事实成立的概率按政策文件的默认值（20%）估计',
      },
    });
  });
});

describe('reading facts', () => {
  const run = (json: string) => {
    const out = determine(registry, JSON.parse(json), { today: '2025-06-30' });
    return isDeterminationError(out) ? out.error.code : out;
  };

  it('gives the same answer whatever the order of the keys, and takes null as unknown', () => {
    const ids = FACTS[EM];
    const facts = Object.fromEntries(ids.map((id, i) => [id, i % 5 === 0 ? null : i % 7 === 0]));
    const reversed = Object.fromEntries(Object.entries(facts).reverse());
    const a = run(JSON.stringify({ policy: EM, asOf: '2025-06-30', facts }));
    expect(run(JSON.stringify({ policy: EM, asOf: '2025-06-30', facts: reversed }))).toEqual(a);
    const absent = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== null));
    expect(run(JSON.stringify({ policy: EM, asOf: '2025-06-30', facts: absent }))).toEqual(a);
  });

  it('refuses keys that only look like object machinery', () => {
    expect(run('{"policy":"xilingol-emergency-2024","facts":{"__proto__":true}}')).toBe(
      'UNKNOWN_FACT',
    );
    expect(run('{"policy":"xilingol-emergency-2024","facts":{"constructor":true}}')).toBe(
      'UNKNOWN_FACT',
    );
    expect(run('{"policy":"xilingol-emergency-2024","facts":{"a9.1":"true"}}')).toBe(
      'INVALID_FACT_VALUE',
    );
  });

  it('refuses a value nested 5,000 deep with its code, not a stack overflow', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    expect(run(`{"policy":"${EM}","asOf":${deep},"facts":{}}`)).toBe('INVALID_DATE');
    expect(run(`{"policy":"${EM}","facts":{"a9.1":${deep}}}`)).toBe('INVALID_FACT_VALUE');
  });
});

describe('policy versions and dates', () => {
  it('picks the version in force on asOf', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rongcuo-versions-'));
    await cp(BUILTIN_POLICY_DIR, dir, { recursive: true });
    const v1 = await readFile(join(dir, 'xilingol-education-2024/v1.yaml'), 'utf8');
    // Version 2 from 2026-01-01 adds nothing but its date: enough to see which one answers.
    await writeFile(
      join(dir, 'xilingol-education-2024/v2.yaml'),
      v1
        .replace('version: 1', 'version: 2')
        .replace('effectiveFrom: "2024-10-14"', 'effectiveFrom: "2026-01-01"'),
    );
    const reg = await loadRegistry(dir);
    const version = (asOf: string) => {
      const out = determine(
        reg,
        { policy: 'xilingol-education-2024', asOf, facts: {} },
        { today: asOf, explain: true },
      );
      return isDeterminationError(out) ? out.error.code : out.policyVersion;
    };
    expect(version('2024-10-13')).toBe('POLICY_NOT_IN_FORCE');
    expect(version('2025-12-31')).toBe(1);
    expect(version('2026-01-01')).toBe(2);
  });

  it('defaults asOf to the date in China, whatever the host time zone', () => {
    // 2025-03-01 17:30 UTC is already 2025-03-02 in Beijing.
    expect(todayInChina(new Date('2025-03-01T17:30:00Z'))).toBe('2025-03-02');
    expect(todayInChina(new Date('2025-03-01T15:59:59Z'))).toBe('2025-03-01');
    const out = determine(registry, { policy: EM, facts: {} }, { today: '2025-03-02' });
    expect(isDeterminationError(out) ? null : out.asOf).toBe('2025-03-02');
  });

  it('ignores unknown top-level keys and takes null asOf as absent', () => {
    const out = determine(
      registry,
      { policy: EM, asOf: null, facts: { 'a9.1': true }, note: 'x' },
      { today: '2025-01-01' },
    );
    expect(isDeterminationError(out) ? out.error.code : out.asOf).toBe('2025-01-01');
  });
});
