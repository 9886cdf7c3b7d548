// "Which region spends most on education?" The site answers with what each region reports — money spent (决算) and
// budgets (预算) apart, each with its growth and year — and never as one ranking; school construction is not funding.
import { describe, expect, it } from 'vitest';
import { fundingLead, listedHere } from '../../src/site/funding.ts';
import { AGGREGATE_THRESHOLD } from '../../src/charts/distribution.ts';
import { observation } from '../observation.ts';
import metrics from '../../public/data/metrics.json' with { type: 'json' };
import type { PublishedMetric } from '../../src/model/metric.ts';
import type { Observation } from '../../src/model/observation.ts';

const metric = (id: string) => (metrics as PublishedMetric[]).find((m) => m.metric_id === id);
const yuan = (over: Partial<Observation>) => observation({ unit: '亿元', unit_base: 'CNY', ...over });
const rows: Observation[] = [
  yuan({ observation_id: 'lq-spend', region_id: '341221', metric_id: 'education_expenditure', value: 24, value_base: 24e8 }),
  observation({ observation_id: 'lq-growth', region_id: '341221', metric_id: 'education_expenditure_growth_rate', value: 27.5, value_base: 27.5 }),
  yuan({ observation_id: 'yj-budget', region_id: '441700', metric_id: 'education_budget', value: 60, value_base: 60e8 }),
  observation({ observation_id: 'yj-growth', region_id: '441700', metric_id: 'education_budget_growth_rate', value: 22.12, value_base: 22.12 }),
  yuan({ observation_id: 'yj-old', region_id: '441700', metric_id: 'education_budget', period: '2020', year: 2020, value: 40, value_base: 40e8 }),
  // a part of a region, and school construction, are not the region's education funding
  yuan({ observation_id: 'part', region_id: '340826', metric_id: 'education_expenditure', scope: 'group:农村学校', scope_en: 'rural schools' }),
  yuan({ observation_id: 'build', region_id: '340826', metric_id: 'school_construction_investment', value: 13.7, value_base: 13.7e8 }),
];
const byMetric = (id: string) => rows.filter((o) => o.metric_id === id);

describe('fundingLead', () => {
  it('keeps spending and budgets apart, each region’s latest total with its growth of the same year', () => {
    const lead = fundingLead(byMetric, metric);
    expect(lead.map((g) => g.id)).toEqual(['spending', 'budget']);
    const [spending, budget] = lead;
    expect(spending!.entries.map((e) => [e.regionId, e.year, e.amount?.observation_id, e.growth?.observation_id])).toEqual([
      ['341221', 2022, 'lq-spend', 'lq-growth'],
    ]);
    expect(budget!.entries.map((e) => [e.regionId, e.year, e.amount?.observation_id, e.growth?.observation_id])).toEqual([
      ['441700', 2022, 'yj-budget', 'yj-growth'],
    ]);
  });

  it('lists a region that states only a growth rate, and leaves out a kind no region reports', () => {
    const onlyGrowth = rows.filter((o) => o.observation_id === 'lq-growth');
    const lead = fundingLead((id) => onlyGrowth.filter((o) => o.metric_id === id), metric);
    expect(lead).toHaveLength(1);
    expect(lead[0]!.entries).toEqual([{ regionId: '341221', year: 2022, amount: null, growth: onlyGrowth[0] }]);
  });

  it('orders regions by their code, not by the size of what they report', () => {
    const more = [
      yuan({ observation_id: 'big', region_id: '440304', metric_id: 'education_expenditure', value: 90, value_base: 90e8 }),
      yuan({ observation_id: 'small', region_id: '350206', metric_id: 'education_expenditure', value: 5, value_base: 5e8 }),
      ...rows,
    ];
    const [spending] = fundingLead((id) => more.filter((o) => o.metric_id === id), metric);
    expect(spending!.entries.map((e) => e.regionId)).toEqual(['341221', '350206', '440304']);
  });

  it('lists each region where a chart would draw each, and only counts them beyond: the national edition has 3,200', () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        yuan({ observation_id: `r${i}`, region_id: String(110101 + i), metric_id: 'education_expenditure', value: 1 + i, value_base: (1 + i) * 1e8 }),
      );
    for (const [n, listed] of [
      [AGGREGATE_THRESHOLD, true],
      [AGGREGATE_THRESHOLD + 1, false],
      [3200, false],
    ] as const) {
      const rowsOf = many(n);
      const [spending] = fundingLead((id) => rowsOf.filter((o) => o.metric_id === id), metric);
      expect(spending!.entries).toHaveLength(n);
      expect(listedHere(spending!)).toBe(listed);
    }
  });
});
