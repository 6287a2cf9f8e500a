// An oracle written by hand from the table in docs/spec/determination.md, sharing no
// code with the engine or the policy files: the rules of both policies as plain
// TypeScript, and a brute-force search over completions for the three-valued answers.
// Property tests compare the engine with it; the benchmark uses `handWritten` as the
// "hand-written function of the same rules".

export type Outcome =
  | 'not_tolerated'
  | 'due_diligence'
  | 'no_liability'
  | 'tolerated'
  | 'exemption'
  | 'mandatory_mitigation'
  | 'discretionary_mitigation'
  | 'no_ground';

/** `prefix1` to `prefixN`: the numbered items of an article. */
export const range = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

export const EMERGENCY_FACTS: readonly string[] = [
  ...range('a4.c', 3),
  ...range('a9.', 9),
  ...range('a10.', 11),
  'a10.1.x',
  'a10.4.x',
  'a10.6.x',
  ...range('a11.', 8),
  ...range('a11.c', 3),
  ...range('a12.', 5),
  'a13.c1',
  'a13.c2',
];

export const EDUCATION_FACTS: readonly string[] = [
  ...range('a4.c', 3),
  ...range('a9.', 9),
  ...range('a10.', 8),
  ...range('a10.c', 3),
  ...range('a11.', 3),
  'a12.c1',
  'a12.c2',
];

export type PolicyId = 'xilingol-emergency-2024' | 'xilingol-education-2024';

export const FACTS: Record<PolicyId, readonly string[]> = {
  'xilingol-emergency-2024': EMERGENCY_FACTS,
  'xilingol-education-2024': EDUCATION_FACTS,
};

type Truth = (id: string) => boolean;

interface GroundRule {
  code: Outcome;
  holds: (t: Truth) => boolean;
  /** Basis when the ground holds on a full assignment. */
  basis: (t: Truth) => string[];
}

const anyOf = (ids: string[]) => (t: Truth) => ids.some(t);
const allOf = (ids: string[]) => (t: Truth) => ids.every(t);

/** A ground that holds when all its conditions do; its basis is the conditions. */
const whenAll = (code: Outcome, conditions: string[]): GroundRule => ({
  code,
  holds: allOf(conditions),
  basis: () => [...conditions],
});

/** A ground that holds when any of its items does; its basis is the items that hold. */
const whenAny = (code: Outcome, items: string[]): GroundRule => ({
  code,
  holds: anyOf(items),
  basis: (t) => items.filter(t),
});

/** The spec's table for one policy; only 应急管理 has a 不予追究 article (its 第十条). */
interface Regime {
  /** The conditions of the exclusion (不予容错). */
  exclusion: string[];
  noLiability?: GroundRule;
  /** The items of the 免责 / 从轻减轻 article, and the conditions 免责 adds to them. */
  items: string[];
  conditions: string[];
  /** The items of 酌情从轻减轻. */
  discretionary: string[];
}

/** Both policies list their grounds in the same order, the spec's order of precedence. */
function groundsOf(r: Regime): GroundRule[] {
  return [
    whenAll('not_tolerated', r.exclusion),
    whenAny('due_diligence', range('a9.', 9)),
    ...(r.noLiability === undefined ? [] : [r.noLiability]),
    whenAll('tolerated', range('a4.c', 3)),
    {
      code: 'exemption',
      holds: (t) => anyOf(r.items)(t) && allOf(r.conditions)(t),
      basis: (t) => [...r.items.filter(t), ...r.conditions],
    },
    whenAny('mandatory_mitigation', r.items),
    whenAny('discretionary_mitigation', r.discretionary),
  ];
}

/** 第十条 of 应急管理: items 一、四、六 do not hold where their 但书 does. */
const emergencyNoLiability = (t: Truth) =>
  range('a10.', 11).filter(
    (id) => t(id) && !(['a10.1', 'a10.4', 'a10.6'].includes(id) && t(`${id}.x`)),
  );

function rules(policy: PolicyId): GroundRule[] {
  if (policy === 'xilingol-emergency-2024') {
    return groundsOf({
      exclusion: ['a13.c1', 'a13.c2'],
      noLiability: {
        code: 'no_liability',
        holds: (t) => emergencyNoLiability(t).length > 0,
        basis: emergencyNoLiability,
      },
      items: range('a11.', 8),
      conditions: range('a11.c', 3),
      discretionary: range('a12.', 5),
    });
  }
  return groundsOf({
    exclusion: ['a12.c1', 'a12.c2'],
    items: range('a10.', 8),
    conditions: range('a10.c', 3),
    discretionary: range('a11.', 3),
  });
}

const RULES: Record<PolicyId, GroundRule[]> = {
  'xilingol-emergency-2024': rules('xilingol-emergency-2024'),
  'xilingol-education-2024': rules('xilingol-education-2024'),
};

export function outcomeOf(policy: PolicyId, t: Truth): Outcome {
  return RULES[policy].find((r) => r.holds(t))?.code ?? 'no_ground';
}

const NUMERALS = [
  '',
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
];

/** 第N条第（M）项 for an item, 第N条 for a condition. */
export function citeFact(id: string): string {
  const [, article, rest] = /^a(\d+)\.(.*)$/.exec(id)!;
  const a = `第${NUMERALS[Number(article)]}条`;
  return rest!.startsWith('c') ? a : `${a}第（${NUMERALS[Number(rest)]}）项`;
}

export function citationOf(basis: readonly string[]): string {
  return [...new Set(basis.map(citeFact))].join('、');
}

export interface OracleGround {
  code: Outcome;
  basis: string[];
  blocked: boolean;
}

export interface OracleAnswer {
  status: 'determined' | 'undetermined';
  outcome: Outcome | null;
  basis: string[];
  citation: string;
  grounds: OracleGround[];
  missing: string[];
}

/** The contract's answer for a fully known fact set, written out by hand. */
export function handWritten(
  policy: PolicyId,
  facts: Readonly<Record<string, boolean>>,
): OracleAnswer {
  const t: Truth = (id) => facts[id] === true;
  const grounds: OracleGround[] = [];
  let excluded = false;
  for (const r of RULES[policy]) {
    if (!r.holds(t)) continue;
    if (r.code === 'not_tolerated') excluded = true;
    grounds.push({
      code: r.code,
      basis: r.basis(t),
      blocked: excluded && r.code !== 'not_tolerated' && r.code !== 'discretionary_mitigation',
    });
  }
  const first = grounds[0];
  return {
    status: 'determined',
    outcome: first?.code ?? 'no_ground',
    basis: first?.basis ?? [],
    citation: citationOf(first?.basis ?? []),
    grounds,
    missing: [],
  };
}

/**
 * The contract's answer for a partial fact set by enumerating every completion of the
 * unknown facts. Exponential in their number: keep it to about 14.
 */
export function bruteForce(
  policy: PolicyId,
  partial: Readonly<Record<string, boolean | null>>,
): OracleAnswer {
  const ids = FACTS[policy];
  const unknown = ids.filter((id) => partial[id] !== true && partial[id] !== false);
  const pos = new Map(unknown.map((id, i) => [id, i]));
  const truthOf =
    (mask: number): Truth =>
    (id) => {
      const i = pos.get(id);
      return i === undefined ? partial[id] === true : ((mask >> i) & 1) === 1;
    };
  const n = 1 << unknown.length;
  const outcomes: Outcome[] = [];
  for (let mask = 0; mask < n; mask++) outcomes.push(outcomeOf(policy, truthOf(mask)));

  const settled = outcomes.every((o) => o === outcomes[0]);
  const missing = unknown.filter((_, i) => {
    for (let mask = 0; mask < n; mask++)
      if (outcomes[mask] !== outcomes[mask ^ (1 << i)]) return true;
    return false;
  });

  // Grounds holding in every completion; their basis is what every completion shares.
  const grounds: OracleGround[] = [];
  const rs = RULES[policy];
  const alwaysHolds = (r: GroundRule) => {
    for (let mask = 0; mask < n; mask++) if (!r.holds(truthOf(mask))) return false;
    return true;
  };
  const excluded = alwaysHolds(rs[0]!);
  for (const r of rs) {
    if (!alwaysHolds(r)) continue;
    let basis = r.basis(truthOf(0));
    for (let mask = 1; mask < n; mask++) {
      const b = r.basis(truthOf(mask));
      basis = basis.filter((id) => b.includes(id));
    }
    // Only facts known true count (an unknown fact is never part of the basis).
    basis = basis.filter((id) => partial[id] === true);
    grounds.push({
      code: r.code,
      basis,
      blocked: excluded && r.code !== 'not_tolerated' && r.code !== 'discretionary_mitigation',
    });
  }
  const outcome = settled ? outcomes[0]! : null;
  const basis = grounds.find((g) => g.code === outcome)?.basis ?? [];
  return {
    status: settled ? 'determined' : 'undetermined',
    outcome,
    basis,
    citation: citationOf(basis),
    grounds,
    missing,
  };
}
