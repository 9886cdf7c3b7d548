// The cross-checks of curated relations, on hand-made values: what each finds, and the note both languages get.
import { describe, expect, it } from 'vitest';
import { parseCheck } from '../../src/model/figure.ts';
import { notesText } from '../../src/pipeline/build-notes.ts';
import { runChecks, type CheckFinding, type Rounded } from '../../src/pipeline/checks.ts';
import type { Observation } from '../../src/model/observation.ts';

/** A value written with `decimals` digits after the point: rounding may have moved it by half its last digit. */
const r = (id: string, value: number, unit_base: Observation['unit_base'], decimals = 0, over: Partial<Observation> = {}): Rounded => ({
  // frozen: a check returns what it found and changes no value
  obs: Object.freeze({ qualifier: '' as const, value_base: value, unit_base, ...over }),
  halfUlp: 0.5 * 10 ** -decimals,
  line: 2,
});
/** The flags the findings give a row. */
const flagsOf = (findings: CheckFinding[], id: string) => [...new Set(findings.filter((f) => f.rows.includes(id) && f.flag).map((f) => f.flag))].sort();
const check = (rows: Record<string, Rounded>, id: string, relation: string) => {
  const { problems, findings } = runChecks([{ id, check: [parseCheck(relation)!] }], new Map(Object.entries(rows)), 'figures.csv');
  const notes = findings.filter((f) => f.rows.includes(id)).map((f) => f.note);
  return { problems, findings, flags: flagsOf(findings, id), checks: notesText(notes, 'en') };
};

describe('cross-checks', () => {
  it('accepts a stated growth that matches its two values within rounding, and flags one that does not', () => {
    const ok = check({ f1: r('f1', 100, 'CNY'), f2: r('f2', 127.5, 'CNY', 1), f3: r('f3', 27.5, '%', 1) }, 'f3', 'change_of=f1..f2');
    expect(ok.flags).toEqual([]);
    expect(ok.checks).toContain('consistent within rounding');
    const bad = check({ f1: r('f1', 100, 'CNY'), f2: r('f2', 127.5, 'CNY', 1), f3: r('f3', 30, '%') }, 'f3', 'change_of=f1..f2');
    expect(bad.flags).toEqual(['inconsistent_change']);
    expect(bad.checks).toContain('(127.5 − 100) ÷ 100 × 100 = 27.5');
  });

  it('reads the change of a rate in percentage points, and a decrease with its sign', () => {
    expect(check({ f1: r('f1', 97.3, '%', 1), f2: r('f2', 98.5, '%', 1), f3: r('f3', 1.2, 'pp', 1) }, 'f3', 'change_of=f1..f2').flags).toEqual([]);
    expect(check({ f1: r('f1', 97.3, '%', 1), f2: r('f2', 98.5, '%', 1), f3: r('f3', 2.2, 'pp', 1) }, 'f3', 'change_of=f1..f2').flags).toEqual([
      'inconsistent_change',
    ]);
    expect(check({ f1: r('f1', 500, 'person'), f2: r('f2', 418, 'person'), f3: r('f3', 82, 'person') }, 'f3', 'decrease_of=f1..f2').flags).toEqual([]);
    expect(check({ f1: r('f1', 500, 'person'), f2: r('f2', 418, 'person'), f3: r('f3', 80, 'person') }, 'f3', 'decrease_of=f1..f2').flags).toEqual([
      'inconsistent_change',
    ]);
  });

  it('checks a rate against its numerator and denominator, allowing for the rounding of the rate', () => {
    // 206 ÷ 430 × 100 = 47.91; counts written whole may be ±0.5, so 47.74–48.08 pass and 45.00 does not
    expect(check({ f1: r('f1', 206, 'person'), f2: r('f2', 430, 'person'), f3: r('f3', 47.91, '%', 2) }, 'f3', 'ratio_of=f1/f2').flags).toEqual([]);
    const bad = check({ f1: r('f1', 206, 'person'), f2: r('f2', 430, 'person'), f3: r('f3', 45, '%', 2) }, 'f3', 'ratio_of=f1/f2');
    expect(bad.flags).toEqual(['inconsistent_rate']);
  });

  it('checks a total against the sum of its parts, and flags every row involved', () => {
    const rows = { f1: r('f1', 12975, 'count'), f2: r('f2', 10275, 'count'), f3: r('f3', 900, 'count'), f4: r('f4', 1800, 'count') };
    expect(check(rows, 'f1', 'sum_of=f2+f3+f4').flags).toEqual([]);
    const bad = { f1: r('f1', 12975, 'count'), f2: r('f2', 10275, 'count'), f3: r('f3', 900, 'count') };
    const { findings } = check(bad, 'f1', 'sum_of=f2+f3');
    for (const id of ['f1', 'f2', 'f3']) expect(flagsOf(findings, id), id).toEqual(['inconsistent_total']);
  });

  it('does not check approximate or unreadable values, and says so', () => {
    const approx = check({ f1: r('f1', 100, 'CNY', 0, { qualifier: 'approx' }), f2: r('f2', 130, 'CNY'), f3: r('f3', 27.5, '%', 1) }, 'f3', 'change_of=f1..f2');
    expect(approx.flags).toEqual([]);
    expect(approx.checks).toContain('not checked, a value is approximate or a bound');
  });

  it('writes one note for every row a checked relation involves, in both languages', () => {
    const { findings } = check({ f1: r('f1', 206, 'person'), f2: r('f2', 430, 'person'), f3: r('f3', 47.88, '%', 2) }, 'f3', 'ratio_of=f1/f2');
    expect(findings.map((f) => f.rows)).toEqual([['f3', 'f1', 'f2']]);
    const notes = findings.map((f) => f.note);
    expect(notesText(notes, 'en')).toBe('ratio_of=f1/f2: 206 ÷ 430 × 100 = 47.91; stated 47.88 (consistent within rounding)');
    expect(notesText(notes, 'zh')).toBe('ratio_of=f1/f2：206 ÷ 430 × 100 = 47.91，报告为 47.88（在舍入误差内一致）');
    const approx = check({ f1: r('f1', 1, 'count'), f2: r('f2', 2, 'count', 0, { qualifier: 'approx' }), f3: r('f3', 3, 'count') }, 'f3', 'sum_of=f1+f2');
    expect(approx.findings.map((f) => f.rows)).toEqual([['f3']]);
    expect(
      notesText(
        approx.findings.map((f) => f.note),
        'zh',
      ),
    ).toBe('sum_of=f1+f2：未核对，有数值是约数或上下限');
  });

  it('leaves ties between rows to the ambiguity rule', () => {
    expect(check({ f1: r('f1', 1, 'count'), f2: r('f2', 1, 'count') }, 'f2', 'restates=f1').findings).toEqual([]);
  });

  it('refuses a relation between unlike units, at its line', () => {
    const { problems } = check({ f1: r('f1', 100, 'CNY'), f2: r('f2', 130, 'person'), f3: r('f3', 30, '%') }, 'f3', 'change_of=f1..f2');
    expect(problems).toEqual([expect.objectContaining({ path: 'figures.csv', line: 2, field: 'check', message: 'change_of relates CNY to person' })]);
  });
});
