import { describe, expect, it } from 'vitest';
import { DiagramBuilder, restrict, Tri } from './decision-diagram.ts';

const U = Tri.Unknown;

describe('decision diagram', () => {
  it('is reduced: a test whose branches agree disappears', () => {
    const b = new DiagramBuilder(2, 2);
    const x = b.variable(0);
    const y = b.variable(1);
    expect(b.ite(x, y, y)).toBe(y);
    expect(b.or([x, b.not(x)])).toBe(1);
    expect(b.and([x, b.not(x)])).toBe(0);
  });

  it('gives exactly the variables the restricted function still depends on', () => {
    // f = (x0 ∧ x1) ∨ (¬x0 ∧ x2): with x1 = x2 = true, f no longer depends on x0.
    const b = new DiagramBuilder(3, 2);
    const [x0, x1, x2] = [0, 1, 2].map((v) => b.variable(v)) as [number, number, number];
    const d = b.finish(b.or([b.and([x0, x1]), b.and([b.not(x0), x2])]));
    expect(restrict(d, [U, Tri.True, Tri.True])).toEqual({ terminal: 1, support: [] });
    const r = restrict(d, [U, Tri.True, U]);
    expect(r.terminal).toBe(-1);
    expect([...r.support].sort()).toEqual([0, 2]);
    expect(restrict(d, [Tri.False, U, U]).support).toEqual([2]);
  });

  it('keeps several terminals apart (multi-terminal outcome)', () => {
    const b = new DiagramBuilder(2, 5);
    const x = b.variable(0);
    const y = b.variable(1);
    // outcome 2 if x, else 3 if y, else 4
    const d = b.finish(b.ite(x, b.terminal(2), b.ite(y, b.terminal(3), b.terminal(4))));
    expect(restrict(d, [Tri.True, U]).terminal).toBe(2);
    expect(restrict(d, [Tri.False, U]).support).toEqual([1]);
    expect(restrict(d, [U, U]).support.length).toBe(2);
  });
});
