// The comparison chart for many values: above AGGREGATE_THRESHOLD rows, one row per year with the distribution of
// the whole-region values of that year (range, middle half, median), the national value where known, and the few
// highest and lowest values drawn one by one below. Pure: (rows, options) → statistics and Plot options; the number
// of marks grows with the number of years, never with the number of values.
import * as Plot from '@observablehq/plot';
import { quantileSorted } from 'd3';
import type { Locale } from '../i18n/format.ts';
import { formatValue, tickFormatter } from '../i18n/format.ts';
import { fill, t } from '../i18n/strings.ts';
import type { ChartForm } from '../site/chart-form.ts';
import {
  COLOURS,
  valueMarks,
  hitMarks,
  UNIT_PX,
  comparisonSpec,
  fitKeepingEnd,
  unitAxis,
  fittedTicks,
  narrowLabels,
  nationalLines,
  nationalMarks,
  nationalTop,
  rowFrame,
  textUnits,
  type ComparisonOptions,
  type ComparisonRow,
} from './comparison.ts';

/**
 * Above this many rows a comparison chart shows distributions instead of one row per value. The real dataset's
 * largest chart has 30 rows (1,010 px tall); 40 keeps every chart of it as it is, with room to grow, while no
 * row-per-value chart gets taller than ≈ 1,300 px (≈ 2,700 px as a PNG).
 */
export const AGGREGATE_THRESHOLD = 40;
/** Values drawn one by one at each end of an aggregated chart. */
const HIGHLIGHTS_PER_END = 3;

export const aggregates = (rows: readonly unknown[], threshold = AGGREGATE_THRESHOLD) => rows.length > threshold;

export type DistributionGroup = {
  year: number | null;
  /** Axis label: the year and how many values it holds. */
  label: string;
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  national: number | null;
  /** Tooltip and accessible text. */
  title: string;
};

export type Highlight = ComparisonRow & { end: 'highest' | 'lowest' };

export type Distribution = {
  unitBase: string;
  groups: DistributionGroup[];
  highlights: Highlight[];
  /** Values in the distributions. */
  n: number;
  /** Distinct regions among them. */
  regions: number;
  /** True when the distributions hold whole-region achieved values only (actual or computed); false when there were
   * none and every value had to be used. */
  wholeRegionOnly: boolean;
  /** Rows left out of the distributions (targets, plans, parts of regions): they stay in the table and CSV. */
  excluded: number;
  /** Further values left out because their region already has one for that year (see distributionPopulation). */
  restated: number;
};

/**
 * The values a distribution is made of: whole-region actual or computed values (all values if there are none), one
 * per region and year, so that each region counts once. A region has two values for a year when a later report
 * restates it as its baseline; the value of that year's own report counts, else the latest report's, else the
 * first by id. The others stay in the table and CSV.
 */
function distributionPopulation(rows: ComparisonRow[]): { values: ComparisonRow[]; wholeRegionOnly: boolean; restated: number } {
  const whole = rows.filter((r) => r.wholeRegion && (r.kind === 'actual' || r.kind === 'derived'));
  if (!whole.length) return { values: rows, wholeRegionOnly: false, restated: 0 };
  const rank = (r: ComparisonRow) => (r.reportYear === r.year ? Infinity : (r.reportYear ?? -Infinity));
  const chosen = new Map<string, ComparisonRow>();
  for (const r of whole) {
    const key = `${r.regionId}|${r.year}`;
    const held = chosen.get(key);
    if (!held || rank(r) > rank(held) || (rank(r) === rank(held) && r.observationId < held.observationId)) chosen.set(key, r);
  }
  const kept = new Set(chosen.values());
  const values = whole.filter((r) => kept.has(r));
  return { values, wholeRegionOnly: true, restated: whole.length - values.length };
}

/**
 * Per year: count, minimum, quartiles (linear interpolation between order statistics, R-7, as d3.quantile and
 * spreadsheets compute them), maximum and the national value; years ascending, unknown year last. Plus the
 * HIGHLIGHTS_PER_END highest and lowest values, highest first.
 */
export function distribution(rows: ComparisonRow[], locale: Locale): Distribution {
  const w = t(locale).distribution;
  const unknownYear = t(locale).yearUnknown;
  const { values, wholeRegionOnly, restated } = distributionPopulation(rows);
  const byYear = new Map<number | null, ComparisonRow[]>();
  for (const r of values) {
    const list = byYear.get(r.year);
    if (list) list.push(r);
    else byYear.set(r.year, [r]);
  }
  const unitBase = rows[0]?.unitBase ?? 'count';
  const fmt = (x: number) => formatValue(x, unitBase, locale);
  const groups = [...byYear]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
    .map(([year, list]): DistributionGroup => {
      const sorted = list.map((r) => r.value).sort((a, b) => a - b);
      const national = list.find((r) => r.national !== null)?.national ?? null;
      const label = fill(w.yearLabel, { year: year ?? unknownYear, n: fill(w.n, { n: sorted.length }) });
      const [min, q1, median, q3, max] = [0, 0.25, 0.5, 0.75, 1].map((p) => quantileSorted(sorted, p)!) as [number, number, number, number, number];
      const sep = w.separator;
      const title = `${year ?? unknownYear}: ${fill(w.n, { n: sorted.length })}${sep}${[
        `${w.range} ${fmt(min)}–${fmt(max)}`,
        `${w.middle} ${fmt(q1)}–${fmt(q3)}`,
        `${w.median} ${fmt(median)}`,
        national !== null ? `${w.national} ${fmt(national)}` : '',
      ]
        .filter(Boolean)
        .join(sep)}`;
      return { year, label, n: sorted.length, min, q1, median, q3, max, national, title };
    });
  const ranked = [...values].sort((a, b) => b.value - a.value || (a.observationId < b.observationId ? -1 : 1));
  const k = Math.min(HIGHLIGHTS_PER_END, Math.floor(ranked.length / 2));
  const highlights: Highlight[] = [
    ...ranked.slice(0, k).map((r) => ({ ...r, end: 'highest' as const, label: `${w.highest} · ${r.label}` })),
    ...ranked.slice(ranked.length - k).map((r) => ({ ...r, end: 'lowest' as const, label: `${w.lowest} · ${r.label}` })),
  ];
  const regions = new Set(values.map((r) => r.regionId)).size;
  return { unitBase, groups, highlights, n: values.length, regions, wholeRegionOnly, excluded: rows.length - values.length - restated, restated };
}

const KNOWN_OPTIONS = new Set(['locale', 'width', 'layout']);

/** The aggregated chart: a row per year (range rule, middle-half bar, median tick, national tick), then highlights. */
export function distributionSpec(dist: Distribution, options: ComparisonOptions): Plot.PlotOptions {
  for (const key of Object.keys(options)) if (!KNOWN_OPTIONS.has(key)) throw new Error(`distributionSpec: unknown option "${key}"`);
  const { locale, layout = 'wide' } = options;
  const w = t(locale).distribution;
  const narrow = layout === 'narrow';
  const width = options.width ?? (narrow ? 360 : 720);
  const { groups, highlights } = dist;
  const { unitBase } = dist;
  const labels = [...groups.map((g) => g.label), ...highlights.map((h) => h.label)];
  const values = [
    ...groups.flatMap((g) => (g.national === null ? [g.min, g.max] : [g.min, g.max, g.national])),
    ...highlights.flatMap((h) => (h.national === null ? [h.value] : [h.value, h.national])),
  ];
  const max = Math.max(...values, 0);
  const min = Math.min(...values, 0);
  const fmt = (x: number) => formatValue(x, unitBase, locale);
  // The median's value at the end of each year's line; in the narrow layout without the word (the legend says it).
  const groupText = (g: DistributionGroup) => (narrow ? fmt(g.median) : `${w.median} ${fmt(g.median)}`);
  const highlightText = (h: Highlight) => `${fmt(h.value)}${h.flagged ? ' ⚠' : ''}`;
  const texts = [...groups.map(groupText), ...highlights.map(highlightText)];
  const marginRight = Math.min(narrow ? 180 : 240, Math.max(narrow ? 60 : 80, Math.ceil(Math.max(0, ...texts.map(textUnits)) * UNIT_PX) + 16));
  // Wide labels: as wide as the longest needs at 12px, at most 300px; longer ones are cut with … (the table and
  // the mark's title keep them whole).
  const labelUnits = Math.floor((300 - 12) / UNIT_PX);
  const marginLeft = narrow ? 10 : Math.min(300, Math.ceil(Math.max(4, ...labels.map(textUnits)) * UNIT_PX) + 12);
  const domain: [number, number] = [min, max === 0 ? 1 : max * 1.05];
  const tickFormat = tickFormatter(unitBase, locale);
  const plotWidth = width - marginRight - marginLeft;
  const tickValues = fittedTicks(domain, tickFormat, plotWidth);
  // In the narrow layout the label sits above the middle of the row: the box goes a little below it.
  const dy = narrow ? 5 : 0;
  const nationalGroups = groups.filter((g) => g.national !== null);
  const nationalHighlights = highlights.filter((h) => h.national !== null);
  const national = nationalLines([...groups, ...highlights], unitBase, locale);
  const frame = rowFrame(labels.length, { width, narrow, marginLeft, marginRight });
  return {
    ...frame,
    height: frame.height + nationalTop(national),
    marginTop: frame.marginTop + nationalTop(national),
    x: { domain, ...unitAxis(unitBase, locale), tickFormat, ticks: tickValues, grid: true },
    y: narrow
      ? { domain: labels, label: null, axis: null }
      : { domain: labels, label: null, tickSize: 0, tickFormat: (l: string) => fitKeepingEnd(l, labelUnits) },
    marks: [
      narrow ? narrowLabels(labels, width, fitKeepingEnd) : null,
      Plot.ruleX([0], { stroke: '#999' }),
      // The national values, labelled above the plot; each year's own is the tick on its row.
      ...nationalMarks(national, domain, false),
      // The distribution of each year: range, middle half, median.
      Plot.ruleY(groups, { y: 'label', x1: 'min', x2: 'max', stroke: COLOURS.actual, strokeWidth: 1.5, dy }),
      Plot.barX(groups, {
        y: 'label',
        x1: 'q1',
        x2: 'q3',
        fill: '#c7d5e4',
        stroke: COLOURS.actual,
        insetTop: narrow ? 12 : 6,
        insetBottom: narrow ? 12 : 6,
        dy,
        title: 'title',
      }),
      Plot.tickX(groups, { x: 'median', y: 'label', stroke: COLOURS.actual, strokeWidth: 3, insetTop: narrow ? 10 : 4, insetBottom: narrow ? 10 : 4, dy }),
      Plot.tickX(nationalGroups, { x: 'national', y: 'label', stroke: COLOURS.national, strokeWidth: 2, insetTop: narrow ? 16 : 0, title: 'title' }),
      Plot.text(groups, { x: 'max', y: 'label', dx: 10, dy, textAnchor: 'start', fill: '#222', text: groupText }),
      // The highest and lowest values, one by one, linked to their sentences as in the row-per-value chart.
      Plot.tickX(nationalHighlights, {
        x: 'national',
        y: 'label',
        stroke: COLOURS.national,
        strokeWidth: 2,
        insetTop: narrow ? 16 : 0,
        title: (h: Highlight) => h.title,
      }),
      ...valueMarks(highlights),
      Plot.text(highlights, { x: 'value', y: 'label', dx: 10, textAnchor: 'start', fill: '#222', text: highlightText }),
      hitMarks(highlights),
    ],
  };
}

export type ChartSpec = {
  kind: 'rows' | 'distribution';
  /** What the chart draws instead of one row per value; null below the threshold. */
  distribution: Distribution | null;
  wide: Plot.PlotOptions;
  narrow: Plot.PlotOptions;
};

export type ChartSpecOptions = {
  /** What the rows allow (src/site/chart-form.ts); the rows come in its order (rowOrder). */
  form?: ChartForm;
  threshold?: number;
};

/** The comparison chart for these rows, in both layouts: one row per value up to `threshold` rows, distributions above. */
export function chartSpec(rows: ComparisonRow[], locale: Locale, options: ChartSpecOptions | number = {}): ChartSpec {
  const { form, threshold = AGGREGATE_THRESHOLD } = typeof options === 'number' ? { threshold: options } : options;
  if (!aggregates(rows, threshold)) {
    const base = form ? { locale, form } : { locale };
    return { kind: 'rows', distribution: null, wide: comparisonSpec(rows, base), narrow: comparisonSpec(rows, { ...base, layout: 'narrow' }) };
  }
  const dist = distribution(rows, locale);
  return { kind: 'distribution', distribution: dist, wide: distributionSpec(dist, { locale }), narrow: distributionSpec(dist, { locale, layout: 'narrow' }) };
}

export { fitKeepingEnd } from './comparison.ts';
