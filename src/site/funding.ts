// What each region reports about its total education funding, as reported: money spent (the outturn, 决算) and the
// budget (预算, a plan) kept apart, each with its growth and year. Totals of regions of different size, of two
// different things and of different years are listed, never ranked. Pure: the home page's funding slot and the
// funding topic page lead with it (FundingLead.astro).
import type { Observation } from '../model/observation.ts';
import type { PublishedMetric } from '../model/metric.ts';
import { isYearPeriod } from '../model/period.ts';
import { isComparable } from './comparable.ts';
import { GROWTH_PANELS, growthRows, type GrowthPanel } from './growth.ts';
import { AGGREGATE_THRESHOLD } from '../charts/distribution.ts';

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
 * Whether a kind's regions are listed one by one where the site leads with funding (home, funding topic): up to
 * AGGREGATE_THRESHOLD, as a chart draws each row. The national edition's 3,200 would be a page of their own; the
 * metric's page has their distribution and the download of every one.
 */
export const listedHere = (group: FundingGroup): boolean => group.entries.length <= AGGREGATE_THRESHOLD;

/**
 * Per kind of total (spending, budget), each region's latest year with a whole-region total or growth, in region-code
 * order (GB/T 2260); a stated growth before a computed one. Kinds no region reports are left out.
 */
export function fundingLead(byMetric: (id: string) => Observation[], metric: (id: string) => PublishedMetric | undefined): FundingGroup[] {
  return GROWTH_PANELS.map((panel) => {
    const m = metric(panel.base);
    const amounts = m ? byMetric(panel.base).filter((o) => isComparable(o, m) && isYearPeriod(o.period)) : [];
    const growths = growthRows(panel, byMetric, metric);
    // each region's rows gathered once: the national edition has 3,200 regions and ten years of both
    const byRegion = new Map<string, { amounts: Observation[]; growths: Observation[] }>();
    const of = (id: string) => byRegion.get(id) ?? byRegion.set(id, { amounts: [], growths: [] }).get(id)!;
    for (const o of amounts) of(o.region_id).amounts.push(o);
    for (const o of growths) of(o.region_id).growths.push(o);
    const entries = [...byRegion.keys()].sort().map((regionId) => {
      const own = byRegion.get(regionId)!;
      const latest = [...own.amounts, ...own.growths].reduce((y, o) => Math.max(y, o.year ?? -Infinity), -Infinity);
      const at = (o: Observation) => (o.year ?? -Infinity) === latest;
      return {
        regionId,
        year: latest === -Infinity ? null : latest,
        amount: own.amounts.find(at) ?? null,
        growth: own.growths.find(at) ?? null,
      };
    });
    return { id: panel.id, metricId: panel.base, entries };
  }).filter((g) => g.entries.length > 0);
}
