// The derived growth, on hand-made observations: each test fails if its rule is altered.
import { describe, expect, it } from 'vitest';
import { deriveGrowth } from '../../src/pipeline/derive.ts';
import { observation } from '../observation.ts';
import type { Observation } from '../../src/model/observation.ts';
import type { Metric } from '../../src/model/metric.ts';

const base = observation({ metric_id: 'spend', unit: '亿元', unit_base: 'CNY' });

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

  it('derives nothing for a pair a curated change relates, as the checks found it, and reads no prose for it', () => {
    const pair = [obs('f1', '2021', 10), obs('f2', '2022', 12)];
    expect(deriveGrowth(pair, metrics, [['r-f1', 'r-f2']]).derived).toEqual([]);
    // the sentence the checks publish is output only
    const described = [pair[0]!, { ...pair[1]!, checks_en: 'change_of=f1..f2: 12 − 10 = 2; stated 2 (consistent within rounding)' }];
    expect(deriveGrowth(described, metrics).derived).toHaveLength(1);
  });

  it('writes its formula in both languages from one note', () => {
    const [growth] = deriveGrowth([obs('f1', '2021', 18.8), obs('f2', '2022', 24)], metrics).derived;
    expect(growth).toMatchObject({
      observation_id: 'r-d-spend-2022',
      checks_en: 'derived: (24 − 18.8) ÷ 18.8 × 100 = 27.66%, rounded to 2 decimals',
      checks_zh: '推算：(24 − 18.8) ÷ 18.8 × 100 = 27.66%，保留两位小数',
    });
  });
});
