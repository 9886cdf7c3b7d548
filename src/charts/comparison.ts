// The comparison chart: one row per region and period, a dot per value. Pure: (rows, options) → Plot options.
import * as Plot from '@observablehq/plot';
import { ticks as niceTicks } from 'd3';
import type { Locale } from '../i18n/format.ts';
import { formatValue, tickFormatter, unitLabel } from '../i18n/format.ts';
import { QUALIFIER_SIGNS } from '../vocab/qualifiers.ts';
import { t } from '../i18n/strings.ts';

export type ComparisonRow = {
  observationId: string;
  /** Row label: region name, level and period, so the year of every value is on the chart itself. */
  label: string;
  value: number;
  unitBase: string;
  kind: 'actual' | 'target' | 'plan' | 'derived';
  qualifier: string;
  flagged: boolean;
  /** Where a click on the mark lands: the sentence in its report. */
  href: string;
  /** Tooltip and accessible text for the mark. */
  title: string;
  /** The national value of the same year, when one is known. */
  national: number | null;
  /** For the aggregated chart (distribution.ts): whose value, of which year, and whether it covers the whole region. */
  regionId: string;
  year: number | null;
  wholeRegion: boolean;
  /** The year of the report the value is from: a later report restating a year is not that year's own report. */
  reportYear?: number | null;
  /** The row of the region whose page this is: drawn on a band. */
  highlight?: boolean;
};

export type ComparisonOptions = {
  locale: Locale;
  width?: number;
  /**
   * `wide` puts each row's label left of its dot; `narrow` puts it above, so that a phone 360 px wide shows the
   * chart at its natural size instead of shrinking a wide one until its text is unreadable.
   */
  layout?: 'wide' | 'narrow';
};

const KNOWN_OPTIONS = new Set(['locale', 'width', 'layout']);
/**
 * Text width in units of a Latin character: a CJK character is about two. Narrow labels longer than the chart is
 * wide are cut with …; the mark's title and the table keep the whole label.
 */
export const textUnits = (text: string) => Array.from(text).reduce((n, ch) => n + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
export const UNIT_PX = 6.6; // at the narrow layout's 13px
export function fit(label: string, units: number): string {
  if (textUnits(label) <= units) return label;
  let out = '';
  for (const ch of label) {
    if (textUnits(out + ch) > units - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Cuts a label to `units` keeping its last " · " part whole: the year stays readable when a long name is cut. */
export function fitKeepingEnd(label: string, units: number): string {
  if (textUnits(label) <= units) return label;
  const cut = label.lastIndexOf(' · ');
  if (cut < 0) return fit(label, units);
  const end = label.slice(cut);
  return `${fit(label.slice(0, cut), Math.max(4, units - textUnits(end)))}${end}`;
}

// Colours: actual values are solid ink; targets and plans are hollow so they never read as achievements; values
// computed by the site are grey; national statistics are a separate hue and a tick, not a dot.
/** As many nice ticks as their labels fit side by side ("80 million" is wide; 80 is not). */
export function fittedTicks(domain: [number, number], tickFormat: (x: number) => string, plotWidth: number): number[] {
  return (
    [5, 4, 3, 2]
      .map((n) => niceTicks(domain[0], domain[1], n))
      .find((t) => t.reduce((w, x) => w + textUnits(tickFormat(x)) * UNIT_PX + 14, 0) <= plotWidth) ?? [0]
  );
}

/**
 * The x axis's unit, centred under the axis as "单位：万元" / "Unit: %": Plot's default puts it at the far right
 * with an arrow, where it reads as detached from the numbers it names.
 */
export function unitAxis(unitBase: string, locale: Locale) {
  return {
    label: `${t(locale).unit}${locale === 'zh-cn' ? '：' : ': '}${unitLabel(unitBase, locale)}`,
    labelAnchor: 'center' as const,
    labelArrow: 'none' as const,
    labelOffset: 36,
  };
}

export const COLOURS = { actual: '#1f4e79', target: '#1f4e79', plan: '#1f4e79', derived: '#6b6b6b', national: '#c2410c', flag: '#b91c1c' };

/** A value drawn as a stem from zero and a dot linking to its sentence; derived values are squares. The one look of a value in every chart. */
export function valueMarks<T extends { kind: 'actual' | 'target' | 'plan' | 'derived'; title: string }>(rows: T[]) {
  return [
    Plot.ruleY(rows, { y: 'label', x1: 0, x2: 'value', stroke: '#c7d5e4', strokeWidth: 2 }),
    Plot.dot(rows, {
      x: 'value',
      y: 'label',
      r: 6,
      fill: (r: T) => COLOURS[r.kind],
      stroke: 'white',
      symbol: (r: T) => (r.kind === 'derived' ? 'square' : 'circle'),
      href: 'href',
      title: 'title',
      ariaLabel: (r: T) => r.title,
    }),
  ];
}

/** Size, margins and type of a chart with one line per label, as both the row and the distribution charts draw. */
export function rowFrame(rows: number, size: { width: number; narrow: boolean; marginLeft: number; marginRight: number }) {
  const { width, narrow, marginLeft, marginRight } = size;
  return {
    width,
    height: rows * (narrow ? 44 : 28) + (narrow ? 56 : 50) + 12,
    // Room below the ticks for the unit, centred under the axis (unitAxis).
    marginBottom: 42,
    marginLeft,
    marginRight,
    marginTop: narrow ? 28 : 20,
    style: { fontSize: narrow ? '13px' : '12px', fontFamily: 'system-ui, sans-serif', background: 'transparent' },
  };
}

/** The narrow layout's labels: above each row, from the left edge, cut by `cut` to the chart's width. */
export function narrowLabels(labels: string[], width: number, cut: (label: string, units: number) => string) {
  return Plot.text(labels, {
    y: (l: string) => l,
    frameAnchor: 'left',
    dy: -14,
    textAnchor: 'start',
    fill: '#333',
    text: (l: string) => cut(l, Math.floor((width - 20) / UNIT_PX)),
  });
}

export function comparisonSpec(rows: ComparisonRow[], options: ComparisonOptions): Plot.PlotOptions {
  for (const key of Object.keys(options)) if (!KNOWN_OPTIONS.has(key)) throw new Error(`comparisonSpec: unknown option "${key}"`);
  const { locale, layout = 'wide' } = options;
  const narrow = layout === 'narrow';
  const width = options.width ?? (narrow ? 360 : 720);
  const unitBase = rows[0]?.unitBase ?? 'count';
  const labels = [...new Set(rows.map((r) => r.label))];
  const values = rows.flatMap((r) => (r.national === null ? [r.value] : [r.value, r.national]));
  const max = Math.max(...values, 0);
  const min = Math.min(...values, 0);
  const filled = rows.filter((r) => r.kind === 'actual' || r.kind === 'derived');
  const hollow = rows.filter((r) => r.kind === 'target' || r.kind === 'plan');
  const references = rows.filter((r) => r.national !== null);
  const fmt = (r: ComparisonRow) => `${QUALIFIER_SIGNS[r.qualifier] ?? ''}${formatValue(r.value, r.unitBase, locale)}`;
  const valueText = (r: ComparisonRow) =>
    `${fmt(r)}${r.flagged ? ' ⚠' : ''}${r.kind === 'target' || r.kind === 'plan' ? (locale === 'zh-cn' ? '（目标）' : ' (target)') : ''}`;
  // Room on the right for the longest value label, so that "¥89.74 million (target)" is never cut.
  const marginRight = Math.min(180, Math.max(narrow ? 60 : 80, Math.ceil(Math.max(0, ...rows.map((r) => textUnits(valueText(r)))) * UNIT_PX) + 16));
  const domain: [number, number] = [min, max === 0 ? 1 : max * 1.05];
  const tickFormat = tickFormatter(unitBase, locale);
  // Labels wider than 45 % of the chart are cut in the middle: the region's name, which comes first, and the
  // period, which comes last, are kept.
  const labelUnits = Math.floor((width * 0.45) / 6.2);
  const marginLeft = narrow ? 10 : Math.ceil(Math.min(labelUnits, Math.max(4, ...labels.map(textUnits))) * 6.2) + 12;
  const plotWidth = width - marginRight - marginLeft;
  const tickValues = fittedTicks(domain, tickFormat, plotWidth);
  return {
    ...rowFrame(labels.length, { width, narrow, marginLeft, marginRight }),
    x: {
      domain,
      ...unitAxis(unitBase, locale),
      tickFormat,
      ticks: tickValues,
      grid: true,
    },
    y: narrow
      ? { domain: labels, label: null, axis: null }
      : { domain: labels, label: null, tickSize: 0, tickFormat: (l: string) => fitKeepingEnd(l, labelUnits) },
    marks: [
      Plot.ruleY(
        rows.filter((r) => r.highlight),
        { y: 'label', stroke: '#fde68a', strokeWidth: narrow ? 40 : 26 },
      ),
      narrow ? narrowLabels(labels, width, fitKeepingEnd) : null,
      Plot.ruleX([0], { stroke: '#999' }),
      Plot.tickX(references, { x: 'national', y: 'label', stroke: COLOURS.national, strokeWidth: 2, title: (r: ComparisonRow) => r.title }),
      ...valueMarks(filled),
      Plot.dot(hollow, {
        x: 'value',
        y: 'label',
        r: 6,
        fill: 'white',
        stroke: COLOURS.target,
        strokeWidth: 2,
        strokeDasharray: '2,1.5',
        href: 'href',
        title: 'title',
        ariaLabel: (r: ComparisonRow) => r.title,
      }),
      Plot.text(rows, {
        x: 'value',
        y: 'label',
        dx: 10,
        textAnchor: 'start',
        fill: '#222',
        text: valueText,
      }),
    ],
  };
}
