// What each region reports about its total education funding, as reported: money spent (the outturn, 决算) and the
// budget (预算, a plan) kept apart, each with its growth and year. Totals of regions of different size, of two
// different things and of different years are listed, never ranked. Pure: the home page's funding slot and the
// funding topic page lead with it (FundingLead.astro).
import type { Observation } from '../model/observation.ts';
import type { PublishedMetric } from '../model/metric.ts';
import { isYearPeriod } from '../model/period.ts';
import { isComparable } from './comparable.ts';
import { GROWTH_PANELS, growthRows, type GrowthPanel } from './growth.ts';

export type FundingEntry = {
  regionId: string;
  year: number | null;
  /** The total the report states for that year; null where it states only the growth. */
  amount: Observation | null;
  /** Its growth over the year before, as stated or as this site computes it from two years' totals. */
  growth: Observation | null;
};

export type FundingGroup = { id: GrowthPanel['id']; metricId: string; entries: FundingEntry[] };

/**
 * Per kind of total (spending, budget), each region's latest year with a whole-region total or growth, in region-code
 * order (GB/T 2260); a stated growth before a computed one. Kinds no region reports are left out.
 */
export function fundingLead(byMetric: (id: string) => Observation[], metric: (id: string) => PublishedMetric | undefined): FundingGroup[] {
  return GROWTH_PANELS.map((panel) => {
    const m = metric(panel.base);
    const amounts = m ? byMetric(panel.base).filter((o) => isComparable(o, m) && isYearPeriod(o.period)) : [];
    const growths = growthRows(panel, byMetric, metric);
    const regions = [...new Set([...amounts, ...growths].map((o) => o.region_id))].sort();
    const entries = regions.map((regionId) => {
      const years = [...amounts, ...growths].filter((o) => o.region_id === regionId).map((o) => o.year ?? -Infinity);
      const latest = Math.max(...years);
      const at = (o: Observation) => o.region_id === regionId && (o.year ?? -Infinity) === latest;
      return {
        regionId,
        year: latest === -Infinity ? null : latest,
        amount: amounts.find(at) ?? null,
        growth: growths.find(at) ?? null,
      };
    });
    return { id: panel.id, metricId: panel.base, entries };
  }).filter((g) => g.entries.length > 0);
}
