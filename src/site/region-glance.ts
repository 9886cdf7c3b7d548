// A region at a glance: what its page shows above the full table, decided here so the page only lays it out. Its
// headline figures, each against the other regions with a comparable value (their range, median and number, from
// the peer summaries of peers.ts) and the national value; what it reports that no other region does; the strips
// that set each compared figure against its peers. The work is proportional to the region's own rows: it reads
// its own observation file and looks summaries up, never another region's rows.
import type { Locale } from '../i18n/format.ts';
import { formatValue } from '../i18n/format.ts';
import { fill, t } from '../i18n/strings.ts';
import type { Observation } from '../model/observation.ts';
import { sizeFree, type PublishedMetric } from '../model/metric.ts';
import type { Region } from '../model/region.ts';
import { TOPICS } from '../vocab/topics.ts';
import { UNIDENTIFIED, provinceCode } from './listing.ts';
import { othersOf, type Others, type PeerIndex, type PeerSummary, type Place } from './peers.ts';
import type { ShardStore } from './store.ts';

/**
 * The figures a reader asks about first, in the order a region's first screen lists them: enrolment, spending and
 * its growth (outturn and budget apart), exam results, teachers. A region shows those it reports, then its other
 * compared figures, most widely reported first, up to HEADLINE_ROWS.
 */
export const HEADLINE_METRICS = [
  'preschool_gross_enrolment_rate',
  'compulsory_retention_rate',
  'upper_secondary_gross_enrolment_rate',
  'education_expenditure',
  'education_expenditure_growth_rate',
  'education_budget',
  'education_budget_growth_rate',
  'gaokao_undergraduate_rate',
  'zhongkao_average_score',
  'teachers_recruited',
] as const;
/** Rows of the headline table: about a phone screen. */
export const HEADLINE_ROWS = 8;
/** Metrics named one by one in the line of what only this region reports; the rest are counted. */
export const UNIQUE_NAMED = 4;

export type GlanceRow = {
  metric: PublishedMetric;
  /** The region's value that stands for it: its latest comparable one (peers.ts latestPerRegion). */
  own: Observation;
  /** Whom it is set against: every region, or those of its province for a metric defined per province (exam lines). */
  within: 'country' | 'province';
  /** The other regions' range, median and number; null when no other region has a comparable value. */
  others: Others;
  /** Its place among all, for rates and averages only: a total of regions of different size is never ranked. */
  place: Place | null;
  /** The national value of the own value's year, where one exists. */
  national: number | null;
  summary: PeerSummary;
};

export type RegionGlance = {
  /** The first screen's table. */
  headline: GlanceRow[];
  /** Every compared figure with at least one other region to compare with: the peer strips, in topic order. */
  compared: GlanceRow[];
  /** Metrics the region reports and no other region does, in topic order. */
  unique: PublishedMetric[];
  /** The years of its reports, ascending. */
  reportYears: number[];
  /** Its rows grouped by topic, for the full table. */
  byTopic: { topic: (typeof TOPICS)[number]; rows: Observation[] }[];
};

export type GlanceData = {
  metric: Map<string, PublishedMetric>;
  peers: PeerIndex;
  /** Regions with any value of each metric (store.ts summarise). */
  metricStats: Map<string, { regions: number }>;
  reportsByRegion: Map<string, { year: number | null }[]>;
  store: Pick<ShardStore, 'get'>;
};

const topicIndex = (m: PublishedMetric) => TOPICS.indexOf(m.topic);

export function regionGlance(region: Region, data: GlanceData): RegionGlance {
  const observations = data.store.get('region', region.region_id);
  const byId = new Map(observations.map((o) => [o.observation_id, o]));
  const province = provinceCode(region);
  const metrics = [...new Set(observations.map((o) => o.metric_id))].flatMap((id) => data.metric.get(id) ?? []);
  const rows = metrics.flatMap((metric): GlanceRow[] => {
    const summary = data.peers.get(metric.metric_id, metric.period_basis);
    const mine = summary?.places.get(region.region_id);
    const own = mine && byId.get(mine.value.observationId);
    if (!summary || !mine || !own) return [];
    const byProvince = metric.compare === 'province';
    // a region of unknown province has no province to compare an exam line within
    const others = byProvince ? (province === UNIDENTIFIED ? null : othersOf(summary, region.region_id, province)) : othersOf(summary, region.region_id);
    const place = !sizeFree(metric.measure) || !others ? null : byProvince ? mine.province : mine.country;
    const national = own.year === null ? null : (summary.national.get(own.year) ?? null);
    return [{ metric, own, within: byProvince ? 'province' : 'country', others, place, national, summary }];
  });
  const inTopicOrder = (a: GlanceRow, b: GlanceRow) =>
    topicIndex(a.metric) - topicIndex(b.metric) ||
    Number(sizeFree(b.metric.measure)) - Number(sizeFree(a.metric.measure)) ||
    (a.metric.metric_id < b.metric.metric_id ? -1 : 1);
  const listed = new Map<string, number>(HEADLINE_METRICS.map((id, i) => [id, i]));
  const first = rows.filter((r) => listed.has(r.metric.metric_id)).sort((a, b) => listed.get(a.metric.metric_id)! - listed.get(b.metric.metric_id)!);
  const rest = rows
    .filter((r) => !listed.has(r.metric.metric_id) && r.others)
    .sort((a, b) => b.summary.regions - a.summary.regions || Number(sizeFree(b.metric.measure)) - Number(sizeFree(a.metric.measure)) || inTopicOrder(a, b));
  const headline = [...first, ...rest].slice(0, HEADLINE_ROWS);
  const unique = metrics
    .filter((m) => (data.metricStats.get(m.metric_id)?.regions ?? 0) === 1)
    .sort((a, b) => topicIndex(a) - topicIndex(b) || (a.metric_id < b.metric_id ? -1 : 1));
  const reportYears = [...new Set((data.reportsByRegion.get(region.region_id) ?? []).flatMap((r) => (r.year === null ? [] : [r.year])))].sort((a, b) => a - b);
  const byTopic = TOPICS.map((topic) => ({ topic, rows: observations.filter((o) => data.metric.get(o.metric_id)?.topic === topic) })).filter(
    (g) => g.rows.length,
  );
  return { headline, compared: rows.filter((r) => r.others).sort(inTopicOrder), unique, reportYears, byTopic };
}

/** The others of a row in words: "其他 4 个地区 80%–99%，中位数 92.6%", "另有 1 个地区：92%", "暂无其他地区可比". */
export function othersText(row: Pick<GlanceRow, 'others' | 'within' | 'metric'>, locale: Locale): string {
  const g = t(locale).glance;
  const o = row.others;
  const province = row.within === 'province';
  const fmt = (x: number) => formatValue(x, row.metric.unit_base, locale);
  if (!o) return province ? g.noOthersProvince : g.noOthers;
  if (o.regions === 1) return fill(province ? g.otherOneProvince : g.otherOne, { value: fmt(o.min) });
  return fill(province ? g.othersProvince : g.others, { n: o.regions, min: fmt(o.min), max: fmt(o.max), median: fmt(o.median) });
}

/** The period every headline value shares, said once in the table's caption; null when they differ. */
export function sharedPeriod(rows: readonly Pick<GlanceRow, 'own'>[]): Observation | null {
  const first = rows[0]?.own;
  return first && rows.every((r) => r.own.period === first.period) ? first : null;
}
