// A reduced ordered multi-terminal decision diagram (MTBDD) of a policy's outcome.
//
// Why a diagram: the contract asks for `missing` to be *exactly* the unknown facts
// on which the outcome still depends. Restricting a reduced ordered diagram to the
// known facts and re-reducing it gives the canonical diagram of the remaining
// function, whose variables are precisely the facts it depends on. The diagram of
// our policies has a few dozen nodes, so a query is a short walk.

/** Terminal ids come first: 0 = false, 1 = true for Boolean diagrams, 2 + k = outcome k. */
export const FALSE = 0;
export const TRUE = 1;

/** A fact's value during evaluation: false, true, or not (yet) known. */
export const Tri = { False: 0, True: 1, Unknown: 2 } as const;
export type Tri = (typeof Tri)[keyof typeof Tri];

export interface DecisionDiagram {
  readonly terminalCount: number;
  /** Per node: its variable (terminals: `variableCount`), low (false) and high (true) child. */
  readonly variable: Int32Array;
  readonly low: Int32Array;
  readonly high: Int32Array;
  readonly root: number;
  readonly variableCount: number;
}

/** Builds diagrams over variables 0..variableCount-1 (lower index = nearer the root). */
export class DiagramBuilder {
  private readonly vars: number[] = [];
  private readonly lows: number[] = [];
  private readonly highs: number[] = [];
  private readonly unique = new Map<string, number>();
  private readonly iteMemo = new Map<string, number>();

  constructor(
    readonly variableCount: number,
    readonly terminalCount: number,
  ) {
    for (let t = 0; t < terminalCount; t++) {
      this.vars.push(variableCount);
      this.lows.push(t);
      this.highs.push(t);
    }
  }

  terminal(t: number): number {
    if (t < 0 || t >= this.terminalCount) throw new RangeError(`no terminal ${t}`);
    return t;
  }

  variable(v: number): number {
    return this.node(v, FALSE, TRUE);
  }

  not(f: number): number {
    return this.ite(f, FALSE, TRUE);
  }

  and(fs: readonly number[]): number {
    return fs.reduceRight((acc, f) => this.ite(f, acc, FALSE), TRUE);
  }

  or(fs: readonly number[]): number {
    return fs.reduceRight((acc, f) => this.ite(f, TRUE, acc), FALSE);
  }

  /** If-then-else: `f` is Boolean, `g` and `h` may be multi-terminal. */
  ite(f: number, g: number, h: number): number {
    if (f === TRUE) return g;
    if (f === FALSE) return h;
    if (g === h) return g;
    if (g === TRUE && h === FALSE) return f;
    const key = `${f},${g},${h}`;
    const hit = this.iteMemo.get(key);
    if (hit !== undefined) return hit;
    const top = Math.min(this.varOf(f), this.varOf(g), this.varOf(h));
    const r = this.node(
      top,
      this.ite(
        this.cofactor(f, top, false),
        this.cofactor(g, top, false),
        this.cofactor(h, top, false),
      ),
      this.ite(
        this.cofactor(f, top, true),
        this.cofactor(g, top, true),
        this.cofactor(h, top, true),
      ),
    );
    this.iteMemo.set(key, r);
    return r;
  }

  finish(root: number): DecisionDiagram {
    return Object.freeze({
      terminalCount: this.terminalCount,
      variable: Int32Array.from(this.vars),
      low: Int32Array.from(this.lows),
      high: Int32Array.from(this.highs),
      root,
      variableCount: this.variableCount,
    });
  }

  private varOf(n: number): number {
    return this.vars[n] ?? this.variableCount;
  }

  private cofactor(n: number, v: number, value: boolean): number {
    if (this.varOf(n) !== v) return n;
    return (value ? this.highs[n] : this.lows[n]) ?? n;
  }

  private node(v: number, lo: number, hi: number): number {
    if (lo === hi) return lo;
    const key = `${v},${lo},${hi}`;
    const hit = this.unique.get(key);
    if (hit !== undefined) return hit;
    const id = this.vars.length;
    this.vars.push(v);
    this.lows.push(lo);
    this.highs.push(hi);
    this.unique.set(key, id);
    return id;
  }
}

export interface Restriction {
  /** The terminal every completion reaches, or -1 when the answer still depends on unknowns. */
  readonly terminal: number;
  /** The variables the restricted function depends on (unsorted, no duplicates). */
  readonly support: readonly number[];
}

/**
 * Restricts `d` to the known values (indexed by variable) and returns the exact support
 * of what remains. Nodes of the restricted diagram get ids in a scratch space above the
 * original ones and are hash-consed, so the result is reduced and its variables are
 * exactly those the function depends on.
 */
export function restrict(d: DecisionDiagram, values: ArrayLike<number>): Restriction {
  const support: number[] = [];
  const root = restrictWith(d, values, (v) => {
    if (!support.includes(v)) support.push(v);
  });
  return { terminal: root < d.terminalCount ? root : -1, support };
}

/**
 * The walk under `restrict`: returns the restricted diagram's root (a terminal, or an id
 * at or above `d.variable.length`) and calls `onNode` once for each node of it, children
 * before parents, so a caller can fold a value over the restricted diagram as it is made
 * (the interview's expected questions, outcome-probability.ts).
 */
export function restrictWith(
  d: DecisionDiagram,
  values: ArrayLike<number>,
  onNode: (variable: number, low: number, high: number, id: number) => void,
): number {
  const n = d.variable.length;
  const memo = new Int32Array(n).fill(-1);
  const unique = new Map<number, number>();
  // Upper bound on restricted node ids: every original node yields at most one new node.
  const span = 2 * n + 1;
  let next = n;

  const walk = (node: number): number => {
    if (node < d.terminalCount) return node;
    const seen = memo[node]!;
    if (seen !== -1) return seen;
    const v = d.variable[node]!;
    const value = values[v];
    let r: number;
    if (value === Tri.False) r = walk(d.low[node]!);
    else if (value === Tri.True) r = walk(d.high[node]!);
    else {
      const lo = walk(d.low[node]!);
      const hi = walk(d.high[node]!);
      if (lo === hi) r = lo;
      else {
        const key = (v * span + lo) * span + hi;
        const hit = unique.get(key);
        if (hit !== undefined) r = hit;
        else {
          r = next++;
          unique.set(key, r);
          onNode(v, lo, hi, r);
        }
      }
    }
    memo[node] = r;
    return r;
  };

  return walk(d.root);
}

/** Number of inner (non-terminal) nodes, for diagnostics and the benchmark report. */
export function innerNodeCount(d: DecisionDiagram): number {
  return d.variable.length - d.terminalCount;
}
