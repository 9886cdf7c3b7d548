// What the regions that report a metric look like together, computed once per metric and kind of period over the
// rows its comparison may draw (comparable.ts), so that a page can set one region's figure against all the others
// without reading or drawing them: how many regions, the range, the median, each region's place within its
// province and the country, and the national value. At national scale a region page reads its own rows and these
// summaries, never the 3,200 other regions' files. Pure: observations in, plain data out.
import { quantileSorted } from 'd3';
import type { Observation } from '../model/observation.ts';
import type { PeriodBasis, PublishedMetric } from '../model/metric.ts';
import { partition } from './comparable.ts';

/** One region's value in a summary: its latest comparable value (see `latestPerRegion`). */
export type PeerValue = {
  regionId: string;
  observationId: string;
  reportId: string;
  value: number;
  period: string;
  year: number | null;
  /** GB/T 2260 province code of the region (listing.ts provinceCode), or `unidentified`. */
  province: string;
};

/** Where a value stands among `of` values: 1 is the highest; tied values share the better place. */
export type Place = { place: number; of: number };

export type PeerSummary = {
  metricId: string;
  periodBasis: PeriodBasis;
  /** Regions with a comparable value. */
  regions: number;
  /** Every region's latest comparable value, lowest first (ties by observation id). */
  values: PeerValue[];
  min: number | null;
  max: number | null;
  median: number | null;
  /** Years of the summarised values, ascending (values of unknown year are left out of this list). */
  years: number[];
  /** The national value of each of `years` that has one. */
  national: Map<number, number>;
  /** Each province's values, lowest first: metrics defined per province (exam lines) compare within one only. */
  provinces: Map<string, PeerValue[]>;
  /** Each region's value and place within the country and within its province. */
  places: Map<string, { value: PeerValue; country: Place; province: Place }>;
};

/** The range of the regions other than one, in the country or in its province: what a region's page shows. */
export type Others = { regions: number; min: number; max: number; median: number } | null;

export type PeerContext = {
  /** The province code of a region (listing.ts provinceCode). */
  province: (regionId: string) => string;
  /** The national value of a metric for a year, where one exists. */
  national: (metricId: string, year: number) => number | null;
  /** The year of a report: a region's value of the year of its own report counts before a later restatement. */
  reportYear?: (reportId: string) => number | null;
};

export const peerKey = (metricId: string, basis: PeriodBasis) => `${metricId}|${basis}`;

const byValue = (a: PeerValue, b: PeerValue) => a.value - b.value || (a.observationId < b.observationId ? -1 : a.observationId > b.observationId ? 1 : 0);

/**
 * The value that stands for each region: its latest period (an unknown year counts as the oldest); within one
 * period, the value of that period's own report, else the latest report's, else the first by id. A region counts
 * once, as in a distribution chart (charts/distribution.ts).
 */
export function latestPerRegion(rows: readonly Observation[], ctx: Pick<PeerContext, 'reportYear'> = {}): Observation[] {
  const reportRank = (o: Observation) => {
    const y = ctx.reportYear?.(o.report_id) ?? null;
    return y !== null && y === o.year ? Infinity : (y ?? -Infinity);
  };
  const later = (a: Observation, b: Observation) => {
    if ((a.year ?? -Infinity) !== (b.year ?? -Infinity)) return (a.year ?? -Infinity) > (b.year ?? -Infinity);
    if (a.period !== b.period) return a.period > b.period;
    if (reportRank(a) !== reportRank(b)) return reportRank(a) > reportRank(b);
    return a.observation_id < b.observation_id;
  };
  const chosen = new Map<string, Observation>();
  for (const o of rows) {
    const held = chosen.get(o.region_id);
    if (!held || later(o, held)) chosen.set(o.region_id, o);
  }
  return [...chosen.values()];
}

/** 1 + the number of values strictly above `value` in a list sorted lowest first. */
function placeIn(sorted: readonly PeerValue[], value: number): Place {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.value <= value) lo = mid + 1;
    else hi = mid;
  }
  return { place: sorted.length - lo + 1, of: sorted.length };
}

/**
 * The summary of one metric's comparable rows: exactly those its comparison chart may draw (comparable.ts
 * partition), so a caller passes a metric's whole file; a metric listed, never compared (`compare: no`), has none.
 */
export function peerSummary(
  metric: Pick<PublishedMetric, 'metric_id' | 'derived_from' | 'period_basis' | 'compare'>,
  observations: readonly Observation[],
  ctx: PeerContext,
): PeerSummary {
  const values = latestPerRegion(partition(metric, observations).compared, ctx)
    .map((o): PeerValue => ({
      regionId: o.region_id,
      observationId: o.observation_id,
      reportId: o.report_id,
      value: o.value_base!,
      period: o.period,
      year: o.year,
      province: ctx.province(o.region_id),
    }))
    .sort(byValue);
  const numbers = values.map((v) => v.value);
  const years = [...new Set(values.flatMap((v) => (v.year === null ? [] : [v.year])))].sort((a, b) => a - b);
  const national = new Map(years.flatMap((y) => [[y, ctx.national(metric.metric_id, y)] as const]).filter((e): e is [number, number] => e[1] !== null));
  const provinces = new Map<string, PeerValue[]>();
  for (const v of values) {
    const list = provinces.get(v.province);
    if (list) list.push(v);
    else provinces.set(v.province, [v]);
  }
  const places = new Map(
    values.map((v) => [v.regionId, { value: v, country: placeIn(values, v.value), province: placeIn(provinces.get(v.province)!, v.value) }] as const),
  );
  return {
    metricId: metric.metric_id,
    periodBasis: metric.period_basis,
    regions: values.length,
    values,
    min: numbers.length ? numbers[0]! : null,
    max: numbers.length ? numbers.at(-1)! : null,
    median: quantileSorted(numbers, 0.5) ?? null,
    years,
    national,
    provinces,
    places,
  };
}

/**
 * The others' range: every summarised region but `regionId`, in the whole country or, given its province code, in
 * that province. Constant work whatever the number of regions: the lists are sorted once, and leaving one value out
 * shifts indexes by one.
 */
export function othersOf(summary: PeerSummary, regionId: string, province?: string): Others {
  const list = province === undefined ? summary.values : (summary.provinces.get(province) ?? []);
  const own = summary.places.get(regionId)?.value;
  // values are ordered by value and id, so a binary search finds the region's own entry
  const found = own ? lowerIndex(list, own) : -1;
  const skip = found >= 0 && list[found] === own ? found : -1;
  const n = list.length - (skip >= 0 ? 1 : 0);
  if (n < 1) return null;
  const at = (k: number) => list[skip >= 0 && k >= skip ? k + 1 : k]!.value;
  // the median as d3.quantileSorted computes it: between the two middle values of an even count
  const mid = (n - 1) / 2;
  return { regions: n, min: at(0), max: at(n - 1), median: (at(Math.floor(mid)) + at(Math.ceil(mid))) / 2 };
}

/** The index of the first entry not before `v` in the summary's order. */
function lowerIndex(list: readonly PeerValue[], v: PeerValue): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byValue(list[mid]!, v) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Summaries of every metric, built while something else walks the metric files once (store.ts summarise): add
 * each metric's observations as they are read, then look summaries up by metric and kind of period.
 */
export class PeerIndex {
  readonly summaries = new Map<string, PeerSummary>();
  readonly ctx: PeerContext;
  constructor(ctx: PeerContext) {
    this.ctx = ctx;
  }
  add(metric: Pick<PublishedMetric, 'metric_id' | 'derived_from' | 'period_basis' | 'compare'>, observations: readonly Observation[]): void {
    const summary = peerSummary(metric, observations, this.ctx);
    if (summary.regions) this.summaries.set(peerKey(metric.metric_id, metric.period_basis), summary);
  }
  get(metricId: string, basis: PeriodBasis): PeerSummary | undefined {
    return this.summaries.get(peerKey(metricId, basis));
  }
}
