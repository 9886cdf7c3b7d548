// Everything one metric's comparison chart says, computed once for the page's frame and for the downloadable image
// (chart-image.ts draws the image from the same fields).
import type { Locale } from '../i18n/format.ts';
import { formatValue, unitLabel } from '../i18n/format.ts';
import { localized } from '../i18n/locale.ts';
import { fill, t } from '../i18n/strings.ts';
import type { Observation } from '../model/observation.ts';
import type { PublishedMetric } from '../model/metric.ts';
import type { ComparisonRow } from '../charts/comparison.ts';
import { chartSpec, type Distribution } from '../charts/distribution.ts';
import { renderSvg } from '../charts/render.ts';
import { severity } from '../vocab/flags.ts';
import { QUALIFIER_SIGNS } from '../vocab/qualifiers.ts';
import { comparisonRows, periodLabel, regionName, valueWithQualifier } from './chart-rows.ts';
import { partition, type Partition } from './comparable.ts';
import { sizeFree } from '../model/metric.ts';
import type { SiteData } from './data.ts';
import { routeFor, routes } from './routes.ts';
import { periodsInOrder } from './periods.ts';
import { chartNotes } from './chart-notes.ts';
import { chartTitle } from './chart-title.ts';
import type { FrameImage } from './chart-image.ts';
import { cardsListed } from './figure-card.ts';
import { formFor, markForm, orderNote, type ChartForm } from './chart-form.ts';

export type ChartModel = {
  name: string;
  /** What is measured; on a region's page, the region's value said as a statement (chart-title.ts). */
  title: string;
  /** One line: unit · period · coverage. */
  subtitle: string;
  /** The one grey note line under the plot: every caveat once (chart-notes.ts); empty when there is none. */
  note: string;
  /** Red, only for a source that contradicts itself; empty otherwise. */
  alarm: string;
  source: string;
  alt: string;
  /** The rows the chart draws: whole-region values of one definition, one kind and one kind of period. */
  rows: ComparisonRow[];
  /** Everything else, listed apart (see comparable.ts). */
  partition: Partition;
  /** Why there is no chart, when fewer than two regions have a comparable value; empty when there is one. */
  noChart: string;
  /**
   * Above AGGREGATE_THRESHOLD rows: the per-year distributions and highlighted values the chart draws instead of
   * one row per value (the table shows them too; every value stays in the CSV). Null below.
   */
  distribution: Distribution | null;
  /** The chart with labels left of the dots, for wide screens. */
  svg: string;
  /** The same chart with labels above the dots, for phones. */
  svgNarrow: string;
  hasDerived: boolean;
  hasNational: boolean;
  /** Observation ids drawn, for the page (data-observations) and the tests that check every chart compares like with like. */
  drawn: string[];
  /** What the rows allow (src/site/chart-form.ts): ranked, unranked, by province, or none. */
  form: ChartForm;
  /** The order of the rows, chart and table alike, in a sentence (also in the note line); empty without a chart. */
  orderNote: string;
};

export function nationalValue(data: SiteData, metricId: string, year: number | null): number | null {
  return year === null ? null : (data.national.get(`${metricId}|${year}`)?.value ?? null);
}

export type ChartOptions = { highlight?: string };

export function chartModel(metric: PublishedMetric, observations: Observation[], data: SiteData, locale: Locale, options: ChartOptions = {}): ChartModel {
  const s = t(locale);
  const split = partition(metric, observations);
  const form = formFor(metric, split.regions);
  const cards = cardsListed(observations.filter((o) => o.kind !== 'derived').length);
  const compared = form === 'none' ? [] : split.compared;
  const sentence = routeFor(routes.observation, locale);
  const card = routeFor(routes.card, locale);
  const rows = comparisonRows(compared, {
    locale,
    region: (id) => data.region.get(id),
    national: (metricId, year) => nationalValue(data, metricId, year),
    // every mark opens its figure's card on its metric's page (a computed value's card is its formula entry), or
    // its sentence in its report where the page lists too many figures for cards
    href: (o) => (o.kind !== 'derived' && !cards ? sentence(o.report_id, o.observation_id) : card(o.metric_id, o.observation_id)),
    reportYear: (id) => data.report.get(id)?.year ?? null,
    byProvince: metric.compare === 'province',
    order: { form, measure: metric.measure },
    highlight: options.highlight,
  });
  const name = localized(metric, 'name', locale);
  const years = [...new Set(compared.map((o) => o.year).filter((y) => y !== null))].sort();
  const levels = [...new Set(compared.map((o) => data.region.get(o.region_id)?.level ?? 'unknown'))];
  // provinces are told apart by their Chinese name, in either language
  const provinces = new Set(compared.map((o) => data.region.get(o.region_id)).map((region) => (region ? region.province_zh : '')));
  const regionCount = split.regions;
  const yearText = years.length ? (years.length === 1 ? String(years[0]) : `${years[0]}–${years.at(-1)}`) : s.yearUnknown;
  const subtitle = [unitLabel(metric.unit_base, locale), compared.length ? yearText : '', compared.length ? fill(s.frame.coverage, { n: regionCount }) : '']
    .filter(Boolean)
    .join(' · ');
  const one = split.compared[0];
  const noChart = compared.length
    ? ''
    : split.regions === 1 && one
      ? fill(s.onlyOneComparable, {
          region: regionName(data.region.get(one.region_id), locale),
          value: valueWithQualifier(one, locale),
          period: periodLabel(one, locale),
        })
      : metric.compare === 'no'
        ? s.notRanked
        : s.noComparable;
  const hasReference = [...data.national.values()].some((r) => r.metric_id === metric.metric_id);
  const missingNational = hasReference ? compared.filter((o) => nationalValue(data, o.metric_id, o.year) === null) : [];
  const spec = rows.length ? chartSpec(rows, locale, { form }) : null;
  const dist = spec?.distribution ?? null;
  const flaggedAs = (kind: string) => compared.filter((o) => o.flags.some((f) => severity(f) === kind)).length;
  const ends = dist ? dist.highlights.length / 2 : 0;
  const mixed = levels.length > 1;
  const w = s.distribution;
  const aggregate = !dist
    ? ''
    : fill(w.note, {
        n: dist.n,
        regions: dist.regions,
        ends,
        mixed: mixed ? w.mixedLevels : '',
        restated: dist.restated ? fill(w.restated, { n: dist.restated }) : '',
      });
  const { note, alarm } = !compared.length
    ? { note: '', alarm: '' }
    : chartNotes(
        {
          order: rows.length ? orderNote(form, metric, locale, levels.length) : '',
          aggregate,
          provinces: metric.compare === 'province' && provinces.size > 1,
          total: !sizeFree(metric.measure),
          levels: levels.map((l) => s.levels[l]),
          periods: years.length > 1 || compared.some((o) => o.year === null) ? periodsInOrder(compared).map((o) => periodLabel(o, locale)) : [],
          missingNational: periodsInOrder(missingNational).map((o) => periodLabel(o, locale)),
          defects: flaggedAs('source_defect'),
          contradictions: flaggedAs('contradiction'),
          where: dist ? 'csv' : 'table',
          inferred: compared.some((o) => o.flags.includes('region_inferred') || o.flags.includes('year_inferred')),
          qualified: compared.some((o) => o.qualifier !== ''),
        },
        locale,
      );
  const own = rows.find((r) => r.highlight);
  const ownObservation = own && compared.find((o) => o.observation_id === own.observationId);
  const title = chartTitle(
    {
      name,
      region: ownObservation
        ? { name: regionName(data.region.get(ownObservation.region_id), locale), value: valueWithQualifier(ownObservation, locale), raw: own.value }
        : null,
      national: own && own.national !== null ? { value: formatValue(own.national, metric.unit_base, locale), raw: own.national } : null,
    },
    locale,
  );
  const sorted = [...rows].sort((a, b) => b.value - a.value);
  const fmt = (r: ComparisonRow) => `${QUALIFIER_SIGNS[r.qualifier] ?? ''}${formatValue(r.value, metric.unit_base, locale)}`;
  const yearName = (y: number | null) => (y === null ? s.yearUnknown : fill(s.yearOf, { y }));
  const distAlt = !dist
    ? ''
    : fill(w.byYear, {
        groups: dist.groups
          .map((g) => fill(w.yearGroup, { year: yearName(g.year), n: g.n, median: formatValue(g.median, metric.unit_base, locale) }))
          .join(w.groupSeparator),
      });
  const alt = !rows.length
    ? noChart
    : fill(s.chartAlt, {
        name,
        n: rows.length,
        regions: regionCount,
        highest: fmt(sorted[0]!),
        highestLabel: sorted[0]!.label,
        lowest: fmt(sorted.at(-1)!),
        lowestLabel: sorted.at(-1)!.label,
      }) + distAlt;
  return {
    name,
    title,
    subtitle,
    note,
    alarm,
    source: rows.length ? s.chartSource : s.sourceOnly,
    alt,
    rows,
    partition: split,
    noChart,
    distribution: dist,
    svg: spec ? markForm(renderSvg(spec.wide, alt), form) : '',
    svgNarrow: spec ? markForm(renderSvg(spec.narrow, alt), form) : '',
    hasDerived: rows.some((r) => r.kind === 'derived'),
    hasNational: rows.some((r) => r.national !== null),
    drawn: dist ? dist.highlights.map((h) => h.observationId) : rows.map((r) => r.observationId),
    form,
    orderNote: rows.length ? orderNote(form, metric, locale, levels.length) : '',
  };
}

/** The frame's fields the downloadable image draws. */
export function frameImage(model: ChartModel): FrameImage {
  return {
    title: model.title,
    subtitle: model.subtitle,
    svg: model.svg,
    note: model.note,
    alarm: model.alarm,
    noChart: model.noChart,
    // the image is read away from the page: its source line does not ask for a click
    source: model.source.replace(/[；;].*$/, ''),
    key: { distribution: model.distribution !== null, derived: model.hasDerived, national: model.hasNational },
  };
}

/** What the chart's downloads and preview need of its model: small, kept for the whole build. */
export type ChartFiles = { image: FrameImage; svgNarrow: string; drawn: string[] };
const chartFilesCache = new WeakMap<SiteData, Map<string, ChartFiles>>();

/**
 * The model's image, phone-width plot and drawn rows of a metric's chart, built once per metric and language for
 * all the files that show them (the SVG and PNG downloads, the rows-drawn CSVs, the preview card). At national scale
 * a model reads tens of thousands of rows; the files of one metric are built far apart, so they share this, not the
 * model, which would hold its observations.
 */
export function chartFiles(data: SiteData, metric: PublishedMetric, observations: () => Observation[], locale: Locale): ChartFiles {
  let byKey = chartFilesCache.get(data);
  if (!byKey) chartFilesCache.set(data, (byKey = new Map()));
  const key = `${metric.metric_id}|${locale}`;
  let found = byKey.get(key);
  if (!found) {
    const model = chartModel(metric, observations(), data, locale);
    found = { image: frameImage(model), svgNarrow: model.svgNarrow, drawn: model.drawn };
    byKey.set(key, found);
  }
  return found;
}
