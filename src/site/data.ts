// The site's view of the compiled dataset. The dictionary tables come from the content collections; observations
// are read per metric or per region when a page needs them (store.ts), and what the indexes count is summed in
// one pass over the per-metric files, so no page and no build step holds every observation at once.
import { readerName } from './chart-rows.ts';
import { getCollection } from 'astro:content';
import type { Observation } from '../model/observation.ts';
import type { PublishedMetric } from '../model/metric.ts';
import type { PublishedReport } from '../model/report.ts';
import type { Region } from '../model/region.ts';
import type { ReferenceRow } from '../model/reference.ts';
import type { PublishedReview } from '../model/review.ts';
import { TOPICS } from '../vocab/topics.ts';
import { compareRegions, compareReports, groupByProvince, isGrouped, provinceCode, provincePages, type ProvinceGroup } from './listing.ts';
import { PeerIndex } from './peers.ts';
import { dataDir, ShardStore, summarise, type MetricStats, type Totals } from './store.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Versioning } from '../pipeline/release/versioning.ts';
import { repositoryUrl } from './issue.ts';
import { lineFinder } from './cite.ts';
import { reportTitle } from './report-title.ts';

/** A report with the site's title for it in both languages (report-title.ts); its own title stays `title`. */
export type SiteReport = PublishedReport & { heading_zh: string; heading_en: string };
export type SiteReference = Omit<ReferenceRow, 'value'> & { value: number };
export type SiteData = {
  metrics: PublishedMetric[];
  regions: Region[];
  reports: SiteReport[];
  reference: SiteReference[];
  /** Second readings of compared rows, by observation id. */
  review: Map<string, PublishedReview>;
  metric: Map<string, PublishedMetric>;
  region: Map<string, Region>;
  report: Map<string, SiteReport>;
  /** Metrics with at least one observation, with their counts. */
  metricStats: Map<string, MetricStats>;
  /** Observations per region. */
  regionCounts: Map<string, number>;
  totals: Totals;
  /** National rate by `${metric_id}|${year}`. */
  national: Map<string, SiteReference>;
  /** Metrics of each topic that have at least one observation, most-reported first. */
  topicMetrics: Map<string, PublishedMetric[]>;
  store: ShardStore;
  /** Each metric's peer summary (peers.ts), computed once per build: what region, home, topic and metric pages compare against. */
  peers: PeerIndex;
  /** Reports of each region, in published order: a region page looks up its own, never scans them all. */
  reportsByRegion: Map<string, SiteReport[]>;
  /** The dataset's version, release date and changelog (release.json of npm run data). */
  release: Versioning;
  /** Where "report a wrong figure" opens an issue; null when no repository is configured. */
  repo: string | null;
};

let cached: Promise<SiteData> | null = null;

export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

async function load(): Promise<SiteData> {
  let [metrics, regions, reports, reference, reviews] = (await Promise.all([
    getCollection('metrics'),
    getCollection('regions'),
    getCollection('reports'),
    getCollection('reference'),
    getCollection('reviews'),
  ]).then((all) => all.map((c) => c.map((e) => e.data)))) as [PublishedMetric[], Region[], SiteReport[], SiteReference[], PublishedReview[]];
  regions = regions.map((r) => ({ ...r, name_zh: readerName(r.name_zh), name_en: readerName(r.name_en) }));
  const regionById = new Map(regions.map((r) => [r.region_id, r]));
  reports = reports.map((r) => ({
    ...r,
    heading_zh: reportTitle(r, regionById.get(r.region_id), 'zh-cn'),
    heading_en: reportTitle(r, regionById.get(r.region_id), 'en'),
  }));
  const store = new ShardStore(dataDir());
  const byId = new Map(metrics.map((m) => [m.metric_id, m]));
  const reportById = new Map(reports.map((r) => [r.report_id, r]));
  // Only rates are drawn beside regions: a national total of spending is not the same kind of number as a county's.
  const national = new Map(reference.filter((r) => r.unit === '%').map((r) => [`${r.metric_id}|${r.year}`, r]));
  const peers = new PeerIndex({
    province: (id) => provinceCode(regionById.get(id)),
    national: (metricId, year) => national.get(`${metricId}|${year}`)?.value ?? null,
    reportYear: (id) => reportById.get(id)?.year ?? null,
  });
  const { metricStats, regionCounts, totals } = summarise(
    store,
    (id) => byId.get(id),
    (m, observations) => peers.add(m, observations),
  );
  const reportsByRegion = new Map<string, SiteReport[]>();
  for (const r of reports) {
    const list = reportsByRegion.get(r.region_id);
    if (list) list.push(r);
    else reportsByRegion.set(r.region_id, [r]);
  }
  // Topics list first the metrics that compare the most regions, then those reported by the most.
  const regionCount = (m: PublishedMetric) => (metricStats.get(m.metric_id)?.comparable ?? 0) * 1e6 + (metricStats.get(m.metric_id)?.regions ?? 0);
  const topicMetrics = new Map<string, PublishedMetric[]>();
  for (const topic of TOPICS) {
    topicMetrics.set(
      topic,
      metrics
        .filter((m) => m.topic === topic && metricStats.has(m.metric_id))
        .sort((a, b) => regionCount(b) - regionCount(a) || (a.metric_id < b.metric_id ? -1 : 1)),
    );
  }
  return {
    metrics,
    regions,
    reports,
    reference,
    review: new Map(reviews.map((r) => [r.observation_id, r])),
    metric: new Map(metrics.map((m) => [m.metric_id, m])),
    region: regionById,
    report: reportById,
    metricStats,
    regionCounts,
    totals,
    national,
    topicMetrics,
    store,
    peers,
    reportsByRegion,
    release: readRelease(),
    repo: repositoryUrl(),
  };
}

/** One metric's observations, in published order. */
export const metricObservations = (data: SiteData, metricId: string): Observation[] => data.store.get('metric', metricId);

/** One region's observations, in published order. */
export const regionObservations = (data: SiteData, regionId: string): Observation[] => data.store.get('region', regionId);

/** One report's observations, in published order: its region's, of this report. */
export const reportObservations = (data: SiteData, report: SiteReport): Observation[] =>
  regionObservations(data, report.region_id).filter((o) => o.report_id === report.report_id);

/** A report's text as published (data/sources/<id>.txt), which quote offsets point into. */
export const reportSource = (data: SiteData, reportId: string): string => data.store.source(reportId);

// A metric page cites many sentences of the same few reports: each report's line index is built once.
const lineFinders = new Map<string, (offset: number) => number>();
/** The line of a report's published text that a code-point offset falls on. */
export function reportLine(data: SiteData, reportId: string, offset: number): number {
  let find = lineFinders.get(reportId);
  if (!find) lineFinders.set(reportId, (find = lineFinder(reportSource(data, reportId))));
  return find(offset);
}

/** Number of distinct regions reporting a metric: comparison pages show metrics reported by two or more. */
export function regionsReporting(data: SiteData, metricId: string): number {
  return data.metricStats.get(metricId)?.regions ?? 0;
}

/** Regions with an actual value for the whole region: what a headline comparison needs (no targets, no one school). */
/** Regions whose value the metric's comparison chart draws (same definition, kind, period basis, whole region). */
export function comparableRegions(data: SiteData, metricId: string): number {
  return data.metricStats.get(metricId)?.comparable ?? 0;
}

/** Regions and reports grouped by province, in reading order: what the indexes list above LIST_THRESHOLD entries. */
export type Listings = { regions: ProvinceGroup<Region>[]; reports: ProvinceGroup<SiteReport>[] };
const listingCache = new WeakMap<SiteData, Listings>();
export function listings(data: SiteData): Listings {
  let found = listingCache.get(data);
  if (!found) {
    const regions = [...data.regions].sort(compareRegions);
    const order = new Map(regions.map((r, i) => [r.region_id, i]));
    const reports = [...data.reports].sort((a, b) => (order.get(a.region_id) ?? Infinity) - (order.get(b.region_id) ?? Infinity) || compareReports(a, b));
    found = { regions: groupByProvince(regions, (r) => r), reports: groupByProvince(reports, (r) => data.region.get(r.region_id)) };
    listingCache.set(data, found);
  }
  return found;
}

/** getStaticPaths of the per-province listing pages: none while the list is short enough for one page. */
export async function provincePagePaths(list: 'regions' | 'reports') {
  const data = await siteData();
  if (!isGrouped(data[list].length)) return [];
  return provincePages<unknown>(listings(data)[list]).map((at) => ({
    params: { province: at.code, page: at.page > 1 ? String(at.page) : undefined },
    props: { at },
  }));
}

function readRelease(): Versioning {
  const path = join(dataDir(), 'release.json');
  // a data folder compiled before releases existed has none: an unversioned dataset, no changelog
  if (!existsSync(path)) return { version: '0.0.0', date: '', previous: '', released: false, notes_zh: '', notes_en: '', entries: [] };
  return JSON.parse(readFileSync(path, 'utf8')) as Versioning;
}
