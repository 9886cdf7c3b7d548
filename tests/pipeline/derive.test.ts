// The cross-checks and the derived growth, on hand-made observations: each test fails if its rule is altered.
import { describe, expect, it } from 'vitest';
import { runChecks, type Rounded } from '../../src/pipeline/checks.ts';
import { deriveGrowth } from '../../src/pipeline/derive.ts';
import { observation } from '../observation.ts';
import type { Observation } from '../../src/model/observation.ts';
import type { Metric } from '../../src/model/metric.ts';

const base = observation({ metric_id: 'spend', unit: '亿元', unit_base: 'CNY' });
/** A value written with `decimals` digits after the point: rounding may have moved it by half its last digit. */
const r = (id: string, value: number, unit_base: Observation['unit_base'], decimals = 0, over: Partial<Observation> = {}): Rounded => ({
  obs: { ...base, observation_id: `r-${id}`, value, value_base: value, unit_base, ...over },
  halfUlp: 0.5 * 10 ** -decimals,
  line: 2,
});
const check = (rows: Record<string, Rounded>, id: string, relation: string) => {
  const problems = runChecks([{ id, check: [relation] }], new Map(Object.entries(rows)), 'figures.csv');
  return { problems, flags: rows[id]!.obs.flags, checks: rows[id]!.obs.checks_en };
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
    check(bad, 'f1', 'sum_of=f2+f3');
    for (const id of ['f1', 'f2', 'f3']) expect(bad[id as 'f1'].obs.flags, id).toEqual(['inconsistent_total']);
  });

  it('does not check approximate or unreadable values, and says so', () => {
    const approx = check({ f1: r('f1', 100, 'CNY', 0, { qualifier: 'approx' }), f2: r('f2', 130, 'CNY'), f3: r('f3', 27.5, '%', 1) }, 'f3', 'change_of=f1..f2');
    expect(approx.flags).toEqual([]);
    expect(approx.checks).toContain('not checked, a value is approximate or a bound');
  });

  it('refuses a relation between unlike units, at its line', () => {
    const { problems } = check({ f1: r('f1', 100, 'CNY'), f2: r('f2', 130, 'person'), f3: r('f3', 30, '%') }, 'f3', 'change_of=f1..f2');
    expect(problems).toEqual([expect.objectContaining({ path: 'figures.csv', line: 2, field: 'check', message: 'change_of relates CNY to person' })]);
  });
});

describe('derived growth', () => {
  const metric: Metric = {
    metric_id: 'spend',
    topic: 'funding',
    name_zh: '支出',
    name_en: 'Spending',
    unit_base: 'CNY',
    higher_is_better: null,
    definition_zh: '',
    definition_en: '',
    measure: 'amount',
    compare: 'yes',
    period_basis: 'year',
    stage: 'all',
    keywords: [],
  };
  const metrics = new Map([[metric.metric_id, metric]]);
  const obs = (id: string, period: string, value: number, over: Partial<Observation> = {}): Observation => ({
    ...base,
    observation_id: `r-${id}`,
    period,
    year: Number(period.slice(0, 4)),
    value,
    value_base: value,
    ...over,
  });

  it('computes growth from a value and its prior-year value of one report, rounded to two decimals', () => {
    const { derived, newMetrics } = deriveGrowth([obs('f1', '2021', 18.8), obs('f2', '2022', 24)], metrics);
    expect(derived).toHaveLength(1);
    expect(derived[0]).toMatchObject({ metric_id: 'spend_growth', kind: 'derived', value: 27.66, unit_base: '%', inputs: ['r-f1', 'r-f2'], period: '2022' });
    expect(newMetrics.map((m) => m.metric_id)).toEqual(['spend_growth']);
  });

  it('computes the change of a rate in percentage points', () => {
    const rate: Metric = { ...metric, metric_id: 'share', unit_base: '%', measure: 'rate' };
    const { derived } = deriveGrowth(
      [obs('f1', '2021', 97.3, { metric_id: 'share', unit_base: '%' }), obs('f2', '2022', 98.5, { metric_id: 'share', unit_base: '%' })],
      new Map([['share', rate]]),
    );
    expect(derived[0]).toMatchObject({ metric_id: 'share_change', value: 1.2, unit_base: 'pp' });
  });

  it('derives nothing from targets, bounds, parts of a region, half-years, or two values of one year', () => {
    const none = (list: Observation[]) => deriveGrowth(list, metrics).derived;
    expect(none([obs('f1', '2021', 10), obs('f2', '2022', 12, { kind: 'target' })])).toEqual([]);
    expect(none([obs('f1', '2021', 10, { qualifier: 'approx' }), obs('f2', '2022', 12)])).toEqual([]);
    expect(none([obs('f1', '2021', 10, { scope: 'group:幼儿园' }), obs('f2', '2022', 12)])).toEqual([]);
    expect(none([obs('f1', '2022H1', 10), obs('f2', '2022H2', 12)])).toEqual([]);
    expect(none([obs('f1', '2021', 10), obs('f2', '2022', 12), obs('f3', '2022', 13)])).toEqual([]);
  });
});
