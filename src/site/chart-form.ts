// What a metric's comparison may draw, decided once for every page, image, embed, preview and download: a sorted axis
// only for rates and averages of one definition; totals across regions of different size in a stated fixed order,
// never ranked; metrics defined per province grouped by province, never one sorted axis across provinces. Also the
// one row order of the chart, its table and its CSV in both languages, and the sentence that says what it is.
import type { ComparisonRow } from '../charts/comparison.ts';
import type { Locale } from '../i18n/format.ts';
import { fill, t } from '../i18n/strings.ts';
import { sizeFree, type PublishedMetric } from '../model/metric.ts';
import type { Observation } from '../model/observation.ts';
import { partition } from './comparable.ts';

export const CHART_FORMS = ['ranked', 'unranked', 'by-province', 'none'] as const;
export type ChartForm = (typeof CHART_FORMS)[number];

type FormMetric = Pick<PublishedMetric, 'measure' | 'compare'>;

/** The form for a metric whose comparison holds values of `regions` regions. */
export function formFor(metric: FormMetric, regions: number): ChartForm {
  if (metric.compare === 'no' || regions < 2) return 'none';
  if (metric.compare === 'province') return 'by-province';
  return sizeFree(metric.measure) ? 'ranked' : 'unranked';
}

type Placed = { regionId: string } | { region_id: string };

/** The form of a chart of these rows (the comparable observations or the chart rows made of them). */
export function chartForm(metric: FormMetric, rows: readonly Placed[]): ChartForm {
  return formFor(metric, new Set(rows.map((r) => ('regionId' in r ? r.regionId : r.region_id))).size);
}

/**
 * Whether a metric has a comparison chart: from its observations, or from the number of regions its comparison holds
 * when the build has counted them already (SiteData.metricStats, `comparableRegions`).
 */
export function hasComparisonChart(
  metric: FormMetric & Pick<PublishedMetric, 'derived_from' | 'period_basis'>,
  observations: readonly Observation[] | number,
): boolean {
  const regions = typeof observations === 'number' ? observations : partition(metric, observations).regions;
  return formFor(metric, regions) !== 'none';
}

/** Whether rows of this form are sorted by value (within their group): only for measures that do not grow with a region's size. */
export const sortsByValue = (form: ChartForm, metric: Pick<PublishedMetric, 'measure'>) =>
  (form === 'ranked' || form === 'by-province') && sizeFree(metric.measure);

const byCode = (a: ComparisonRow, b: ComparisonRow) => {
  const ka = a.code ?? `~${a.regionId}`;
  const kb = b.code ?? `~${b.regionId}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};
const byYear = (a: ComparisonRow, b: ComparisonRow) => (a.year ?? Infinity) - (b.year ?? Infinity);
const byId = (a: ComparisonRow, b: ComparisonRow) => (a.observationId < b.observationId ? -1 : a.observationId > b.observationId ? 1 : 0);

/** The key of the group a row is drawn in: its level on a ranked chart, its province on a chart by province, none on an unranked one. */
export function groupOf(row: ComparisonRow, form: ChartForm): { key: string; name: string } | null {
  if (form === 'ranked') return { key: `${row.levelIndex ?? 9}`, name: row.levelName ?? '' };
  if (form === 'by-province') return { key: row.provinceCode ?? '~', name: row.provinceName ?? '' };
  return null;
}

/**
 * The one order of a chart's rows, used by the chart, its table and its CSV in both languages: groups (levels from
 * province down, or provinces) in GB/T 2260 code order, rows by value within their group when the form sorts by
 * value, else by region code; then by year and id, so that the order never depends on the language.
 */
export function rowOrder<T extends ComparisonRow>(rows: readonly T[], form: ChartForm, metric: Pick<PublishedMetric, 'measure'>): T[] {
  const byValue = sortsByValue(form, metric);
  const group = (r: T) => {
    const g = groupOf(r, form);
    if (!g) return '';
    return form === 'ranked' ? g.key : g.key === 'unidentified' ? '~' : g.key;
  };
  return [...rows].sort((a, b) => {
    const ga = group(a);
    const gb = group(b);
    return (ga < gb ? -1 : ga > gb ? 1 : 0) || (byValue ? b.value - a.value : 0) || byCode(a, b) || byYear(a, b) || byId(a, b);
  });
}

/** The sentence saying in what order the rows are, for the chart's note line. Empty for no chart. */
export function orderNote(form: ChartForm, metric: Pick<PublishedMetric, 'measure'>, locale: Locale, groups = 1): string {
  const o = t(locale).chartForm;
  if (form === 'none') return '';
  if (form === 'unranked') return o.orderByCode;
  if (form === 'by-province') return sortsByValue(form, metric) ? o.orderByProvinceValue : o.orderByProvinceCode;
  return groups > 1 ? o.orderByValueInLevels : o.orderByValue;
}

/** A group's heading: a province with no other region in the chart says so. */
export function groupHeading(name: string, size: number, form: ChartForm, locale: Locale): string {
  const o = t(locale).chartForm;
  return form === 'by-province' && size === 1 ? fill(o.noPeerInProvince, { province: name }) : name;
}

/** The form written on a chart's SVG root (data-form), so that a reader's tools and the site's tests can tell what it claims. */
export const markForm = (svg: string, form: ChartForm) => svg.replace(/^<svg /, `<svg data-form="${form}" `);

/** The observations a chart draws, in the order it draws them (ChartModel.drawn): for its table and its CSV. */
export function inDrawnOrder<T extends { observation_id: string }>(observations: readonly T[], drawn: readonly string[]): T[] {
  const byId = new Map(observations.map((o) => [o.observation_id, o]));
  return drawn.flatMap((id) => byId.get(id) ?? []);
}
