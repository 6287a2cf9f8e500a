// The compiled rule tree: plain kind-tagged nodes over fact indexes, interpreted by
// the functions below. Ground references of the source are inlined at compile time.

import { Tri } from './decision-diagram.ts';

export type Rule =
  | { readonly kind: 'fact'; readonly fact: number }
  /** An item with its 但书: holds when the item holds and the exception does not. */
  | { readonly kind: 'exception'; readonly fact: number; readonly unless: number }
  | { readonly kind: 'all'; readonly of: readonly Rule[] }
  | { readonly kind: 'any'; readonly of: readonly Rule[] }
  | { readonly kind: 'not'; readonly of: Rule };

function triNot(a: Tri): Tri {
  return a === Tri.Unknown ? Tri.Unknown : a === Tri.True ? Tri.False : Tri.True;
}

/**
 * Kleene's AND (`decisive` false) or OR (`decisive` true) of the children: the decisive
 * value as soon as one child has it, unknown if a child is unknown, else the other value.
 */
function combine(of: readonly Rule[], values: ArrayLike<number>, decisive: Tri): Tri {
  let result = triNot(decisive);
  for (const child of of) {
    const v = evaluateRule(child, values);
    if (v === decisive) return decisive;
    if (v === Tri.Unknown) result = Tri.Unknown;
  }
  return result;
}

/**
 * Kleene three-valued value of a rule. Exact ("true whatever the unknowns are") for
 * read-once rules, which `compilePolicy` requires of every ground.
 */
export function evaluateRule(rule: Rule, values: ArrayLike<number>): Tri {
  switch (rule.kind) {
    case 'fact':
      return values[rule.fact] as Tri;
    case 'exception': {
      const item = values[rule.fact] as Tri;
      if (item === Tri.False) return Tri.False;
      const exception = values[rule.unless] as Tri;
      if (exception === Tri.True) return Tri.False;
      return item === Tri.True && exception === Tri.False ? Tri.True : Tri.Unknown;
    }
    case 'all':
      return combine(rule.of, values, Tri.False);
    case 'any':
      return combine(rule.of, values, Tri.True);
    case 'not':
      return triNot(evaluateRule(rule.of, values));
    default:
      return assertNever(rule);
  }
}

/**
 * The true facts that make a rule hold whatever the unknowns are (contract: `basis`).
 * Call only when the rule holds. Exception facts and negated facts never count.
 */
export function collectBasis(rule: Rule, values: ArrayLike<number>, out: number[]): void {
  switch (rule.kind) {
    case 'fact':
    case 'exception':
      out.push(rule.fact);
      return;
    case 'all':
      for (const child of rule.of) collectBasis(child, values, out);
      return;
    case 'any':
      for (const child of rule.of) {
        if (evaluateRule(child, values) === Tri.True) collectBasis(child, values, out);
      }
      return;
    case 'not':
      return;
    default:
      return assertNever(rule);
  }
}

/**
 * Two-valued evaluation for a fully known fact vector that collects the basis on the way:
 * returns whether the rule holds; on false, `out` is left as it was.
 */
export type KnownEvaluator = (values: ArrayLike<number>, out: number[]) => boolean;

/**
 * Compiles a rule into closures for the fully known path, once per policy. The common
 * shapes ("any of these facts", "all of these facts") become flat loops; this is the
 * same rule as `evaluateRule` + `collectBasis`, checked against them by property tests.
 */
export function compileKnown(rule: Rule): KnownEvaluator {
  switch (rule.kind) {
    case 'fact': {
      const f = rule.fact;
      return (values, out) => {
        if (values[f] !== Tri.True) return false;
        out.push(f);
        return true;
      };
    }
    case 'exception': {
      const f = rule.fact;
      const unless = rule.unless;
      return (values, out) => {
        if (values[f] !== Tri.True || values[unless] !== Tri.False) return false;
        out.push(f);
        return true;
      };
    }
    case 'any': {
      if (rule.of.every((c) => c.kind === 'fact')) {
        const facts = Int32Array.from(rule.of, (c) => (c as { fact: number }).fact);
        return (values, out) => {
          let holds = false;
          for (let i = 0; i < facts.length; i++) {
            if (values[facts[i]!] === Tri.True) {
              out.push(facts[i]!);
              holds = true;
            }
          }
          return holds;
        };
      }
      const children = rule.of.map(compileKnown);
      return (values, out) => {
        let holds = false;
        for (let i = 0; i < children.length; i++) if (children[i]!(values, out)) holds = true;
        return holds;
      };
    }
    case 'all': {
      if (rule.of.every((c) => c.kind === 'fact')) {
        const facts = Int32Array.from(rule.of, (c) => (c as { fact: number }).fact);
        return (values, out) => {
          for (let i = 0; i < facts.length; i++) if (values[facts[i]!] !== Tri.True) return false;
          for (let i = 0; i < facts.length; i++) out.push(facts[i]!);
          return true;
        };
      }
      const children = rule.of.map(compileKnown);
      return (values, out) => {
        const mark = out.length;
        for (let i = 0; i < children.length; i++) {
          if (!children[i]!(values, out)) {
            // Setting an array's length is a runtime call: only when something was pushed.
            if (out.length !== mark) out.length = mark;
            return false;
          }
        }
        return true;
      };
    }
    case 'not': {
      const inner = compileKnown(rule.of);
      return (values, out) => {
        const mark = out.length;
        const holds = inner(values, out);
        if (out.length !== mark) out.length = mark;
        return !holds;
      };
    }
    default:
      return assertNever(rule);
  }
}

/** Every fact a rule reads, in reading order, with repeats. */
export function factsOf(rule: Rule, out: number[] = []): number[] {
  switch (rule.kind) {
    case 'fact':
      out.push(rule.fact);
      break;
    case 'exception':
      out.push(rule.fact, rule.unless);
      break;
    case 'all':
    case 'any':
      for (const child of rule.of) factsOf(child, out);
      break;
    case 'not':
      factsOf(rule.of, out);
      break;
    default:
      assertNever(rule);
  }
  return out;
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
