// The site's view of the compiled dataset: collections loaded once per build and indexed for the pages.
import { getCollection } from 'astro:content';
import type { Observation } from '../model/observation.ts';
import type { PublishedMetric } from '../model/metric.ts';
import type { PublishedReport } from '../model/report.ts';
import type { Region } from '../model/region.ts';
import type { ReferenceRow } from '../model/reference.ts';
import { TOPICS } from '../model/metric.ts';
import { compareRegions, groupByProvince, isGrouped, provincePages, type ProvinceGroup } from './listing.ts';

export type SiteReport = PublishedReport & { source: string };
export type SiteReference = Omit<ReferenceRow, 'value'> & { value: number };
export type SiteData = {
  metrics: PublishedMetric[];
  regions: Region[];
  reports: SiteReport[];
  observations: Observation[];
  reference: SiteReference[];
  metric: Map<string, PublishedMetric>;
  region: Map<string, Region>;
  report: Map<string, SiteReport>;
  byMetric: Map<string, Observation[]>;
  byRegion: Map<string, Observation[]>;
  byReport: Map<string, Observation[]>;
  /** National rate by `${metric_id}|${year}`. */
  national: Map<string, SiteReference>;
  /** Metrics of each topic that have at least one observation, most-reported first. */
  topicMetrics: Map<string, PublishedMetric[]>;
};

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

let cached: Promise<SiteData> | null = null;

export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

async function load(): Promise<SiteData> {
  const [metrics, regions, reports, observations, reference] = await Promise.all([
    getCollection('metrics'),
    getCollection('regions'),
    getCollection('reports'),
    getCollection('observations'),
    getCollection('reference'),
  ]).then((all) => all.map((c) => c.map((e) => e.data)));
  const obs = observations as Observation[];
  const byMetric = groupBy(obs, (o) => o.metric_id);
  const regionCount = (m: PublishedMetric) => new Set((byMetric.get(m.metric_id) ?? []).map((o) => o.region_id)).size;
  const topicMetrics = new Map<string, PublishedMetric[]>();
  for (const topic of TOPICS) {
    topicMetrics.set(
      topic,
      (metrics as PublishedMetric[])
        .filter((m) => m.topic === topic && byMetric.has(m.metric_id))
        .sort((a, b) => regionCount(b) - regionCount(a) || (a.metric_id < b.metric_id ? -1 : 1)),
    );
  }
  return {
    metrics: metrics as PublishedMetric[],
    regions: regions as Region[],
    reports: reports as SiteReport[],
    observations: obs,
    reference: reference as SiteReference[],
    metric: new Map((metrics as PublishedMetric[]).map((m) => [m.metric_id, m])),
    region: new Map((regions as Region[]).map((r) => [r.region_id, r])),
    report: new Map((reports as SiteReport[]).map((r) => [r.report_id, r])),
    byMetric,
    byRegion: groupBy(obs, (o) => o.region_id),
    byReport: groupBy(obs, (o) => o.report_id),
    // Only rates are drawn beside regions: a national total of spending is not the same kind of number as a county's.
    national: new Map((reference as SiteReference[]).filter((r) => r.unit === '%').map((r) => [`${r.metric_id}|${r.year}`, r])),
    topicMetrics,
  };
}

/** Number of distinct regions reporting a metric: comparison pages show metrics reported by two or more. */
export function regionsReporting(data: SiteData, metricId: string): number {
  return new Set((data.byMetric.get(metricId) ?? []).map((o) => o.region_id)).size;
}

/** Regions with an actual value for the whole region: what a headline comparison needs (no targets, no one school). */
export function regionsWithActuals(data: SiteData, metricId: string): number {
  return new Set((data.byMetric.get(metricId) ?? []).filter((o) => o.kind === 'actual' && o.scope === 'region' && o.value_base !== null).map((o) => o.region_id)).size;
}

/** Regions and reports grouped by province, in reading order: what the indexes list above LIST_THRESHOLD entries. */
export type Listings = { regions: ProvinceGroup<Region>[]; reports: ProvinceGroup<SiteReport>[] };
const listingCache = new WeakMap<SiteData, Listings>();
export function listings(data: SiteData): Listings {
  let found = listingCache.get(data);
  if (!found) {
    const regions = [...data.regions].sort(compareRegions);
    const order = new Map(regions.map((r, i) => [r.region_id, i]));
    const reports = [...data.reports].sort(
      (a, b) =>
        (order.get(a.region_id) ?? Infinity) - (order.get(b.region_id) ?? Infinity) ||
        (a.year ?? Infinity) - (b.year ?? Infinity) ||
        (a.report_id < b.report_id ? -1 : a.report_id > b.report_id ? 1 : 0),
    );
    found = { regions: groupByProvince(regions, (r) => r), reports: groupByProvince(reports, (r) => data.region.get(r.region_id)) };
    listingCache.set(data, found);
  }
  return found;
}

/** getStaticPaths of the per-province listing pages: none while the list is short enough for one page. */
export async function provincePagePaths(list: 'regions' | 'reports') {
  const data = await siteData();
  if (!isGrouped(data[list].length)) return [];
  return provincePages<unknown>(listings(data)[list]).map((at) => ({ params: { province: at.code, page: at.page > 1 ? String(at.page) : undefined }, props: { at } }));
}
