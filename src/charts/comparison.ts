// The comparison chart: one row per region and period, a dot per value. Pure: (rows, options) → Plot options.
import * as Plot from '@observablehq/plot';
import { ticks as niceTicks } from 'd3';
import type { Locale } from '../i18n/format.ts';
import { formatValue, tickFormatter, unitLabel } from '../i18n/format.ts';
import { QUALIFIER_SIGNS } from '../vocab/qualifiers.ts';
import { fill, t } from '../i18n/strings.ts';
import { groupHeading, groupOf, type ChartForm } from '../site/chart-form.ts';

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
  /** The region's GB/T 2260 code (or ~id when it has none): the order of rows that are not ranked. */
  code?: string;
  /** The region's level, as an index into LEVELS and in words: the groups of a ranked chart. */
  levelIndex?: number;
  levelName?: string;
  /** The region's province, as a GB/T 2260 province code and in words: the groups of a chart by province. */
  provinceCode?: string;
  provinceName?: string;
};

export type ComparisonOptions = {
  locale: Locale;
  width?: number;
  /**
   * `wide` puts each row's label left of its dot; `narrow` puts it above, so that a phone 360 px wide shows the
   * chart at its natural size instead of shrinking a wide one until its text is unreadable.
   */
  layout?: 'wide' | 'narrow';
  /**
   * What the rows allow (src/site/chart-form.ts), the rows already in its order: `ranked` draws level groups,
   * `by-province` province groups, `unranked` the rows as given. Without it the rows are drawn as given, ungrouped.
   */
  form?: ChartForm;
};

const KNOWN_OPTIONS = new Set(['locale', 'width', 'layout', 'form']);
/**
 * Text width in units of a Latin character: a CJK character is about two. Narrow labels longer than the chart is
 * wide are cut with …; the mark's title and the table keep the whole label.
 */
export const textUnits = (text: string) => Array.from(text).reduce((n, ch) => n + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
export const UNIT_PX = 6.6; // at the narrow layout's 13px
export function fit(label: string, units: number): string {
  if (textUnits(label) <= units) return label;
  let out = '';
  let next = '';
  for (const ch of label) {
    if (textUnits(out + ch) > units - 1) {
      next = ch;
      break;
    }
    out += ch;
  }
  // A Latin word is cut at the space before it ("(prefecture-level…" never reads "(prefecture-level c…").
  const space = out.lastIndexOf(' ');
  if (/[A-Za-z]/.test(next) && /[A-Za-z]$/.test(out) && space > 0) out = out.slice(0, space);
  return `${out.replace(/[\s·,(（]+$/u, '')}…`;
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
      .find((t) => t.length >= 2 && t.reduce((w, x) => w + textUnits(tickFormat(x)) * UNIT_PX + 14, 0) <= plotWidth) ??
    // never a one-tick axis: at least both ends
    [domain[0], niceTicks(domain[0], domain[1], 1).at(-1) ?? domain[1]].filter((x, i, all) => all.indexOf(x) === i)
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

/** Radius of the transparent circle that makes each mark's link a target of at least 24 × 24 px (28 × 28 here). */
export const HIT_RADIUS = 14;

/**
 * The link of each value: a transparent circle of HIT_RADIUS over the mark, carrying the href, tooltip and
 * accessible name, so that a finger finds the 12 px dot; drawn after the marks so that it is on top. Invisible in
 * every rendering (fill-opacity 0), so the downloaded image looks as it did.
 */
export function hitMarks<T extends { title: string; href: string }>(rows: T[], x: string | ((r: T) => number) = 'value') {
  return Plot.dot(rows, {
    x,
    y: 'label',
    r: HIT_RADIUS,
    fill: 'white',
    fillOpacity: 0,
    stroke: 'none',
    href: 'href',
    title: 'title',
    ariaLabel: (r: T) => r.title,
  });
}

/** A value drawn as a stem from zero and a dot linking to its sentence; derived values are squares. The one look of a value in every chart. */
export function valueMarks<T extends { kind: 'actual' | 'target' | 'plan' | 'derived'; title: string; href: string }>(rows: T[], stems = true) {
  return [
    stems ? Plot.ruleY(rows, { y: 'label', x1: 0, x2: 'value', stroke: '#c7d5e4', strokeWidth: 2 }) : null,
    Plot.dot(rows, {
      x: 'value',
      y: 'label',
      r: 6,
      fill: (r: T) => COLOURS[r.kind],
      stroke: 'white',
      symbol: (r: T) => (r.kind === 'derived' ? 'square' : 'circle'),
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
    // a white halo keeps the label readable where it crosses the zero line and the grid
    stroke: 'white',
    strokeWidth: 3,
    paintOrder: 'stroke',
    text: (l: string) => cut(l, Math.floor((width - 20) / UNIT_PX)),
  });
}

/** The heading rows of a grouped chart, as y-domain keys: never a label, since labels never start with §. */
const HEADING = '§';

/**
 * The y domain of the rows with their group headings: one heading before each group of a ranked chart (its level)
 * or a chart by province (its province, saying when it has no peer there). Rows keep the order they came in.
 */
export function groupedDomain(rows: ComparisonRow[], form: ChartForm | undefined, locale: Locale): { domain: string[]; headings: Map<string, string> } {
  const labels = [...new Set(rows.map((r) => r.label))];
  const headings = new Map<string, string>();
  if (!form || form === 'unranked' || form === 'none') return { domain: labels, headings };
  const domain: string[] = [];
  const sizes = new Map<string, Set<string>>();
  for (const r of rows) {
    const g = groupOf(r, form)!;
    if (!sizes.has(g.key)) sizes.set(g.key, new Set());
    sizes.get(g.key)!.add(r.regionId);
  }
  let current: string | null = null;
  const seen = new Set<string>();
  for (const r of rows) {
    const g = groupOf(r, form)!;
    if (g.key !== current) {
      current = g.key;
      const key = `${HEADING}${g.key}`;
      headings.set(key, groupHeading(g.name, sizes.get(g.key)!.size, form, locale));
      domain.push(key);
    }
    if (!seen.has(r.label)) domain.push(r.label);
    seen.add(r.label);
  }
  return { domain, headings };
}

/** The national values the rows are drawn against, one per year, labelled "全国 89.7%（2022）" on the plot itself. */
export function nationalLines(rows: { year: number | null; national: number | null }[], unitBase: string, locale: Locale): NationalLine[] {
  const byYear = new Map<string, { year: number | null; value: number }>();
  for (const r of rows) if (r.national !== null) byYear.set(`${r.year}|${r.national}`, { year: r.year, value: r.national });
  const sorted = [...byYear.values()].sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity));
  // Years of one value are one line (2018–2023); more than MAX_NATIONAL_LINES lines keep the first and the latest,
  // each row's own year being its tick.
  const runs: { from: number | null; to: number | null; value: number }[] = [];
  for (const n of sorted) {
    const last = runs.at(-1);
    if (last && last.value === n.value && n.year !== null && last.to !== null) last.to = n.year;
    else runs.push({ from: n.year, to: n.year, value: n.value });
  }
  const kept = runs.length > MAX_NATIONAL_LINES ? [runs[0]!, runs.at(-1)!] : runs;
  const s = t(locale);
  return kept.map((r) => ({
    year: r.to,
    value: r.value,
    text: fill(s.chartForm.national, {
      value: formatValue(r.value, unitBase, locale),
      year: r.from === null ? s.yearUnknown : r.from === r.to ? r.from : `${r.from}–${r.to}`,
    }),
  }));
}
const MAX_NATIONAL_LINES = 3;
export type NationalLine = { year: number | null; value: number; text: string };
/** Height above the plot that the national labels take, one line each. */
export const nationalTop = (lines: NationalLine[]) => lines.length * 16;

/**
 * Each national value's text above the plot, the latest year lowest, on the side of its value that has room; with
 * `rules`, a rule across the plot at each value (dashed when there are several years).
 */
export function nationalMarks(lines: NationalLine[], domain: [number, number], rules = true) {
  const at = (v: number) => (v - domain[0]) / (domain[1] - domain[0] || 1);
  return [
    rules ? Plot.ruleX(lines, { x: 'value', stroke: COLOURS.national, strokeWidth: 1.5, strokeDasharray: lines.length > 1 ? '4,3' : undefined }) : null,
    ...lines.map((n, i) =>
      Plot.text([n], {
        x: 'value',
        frameAnchor: 'top',
        dy: -8 - (lines.length - 1 - i) * 16,
        dx: at(n.value) > 0.5 ? -4 : 4,
        textAnchor: at(n.value) > 0.5 ? 'end' : 'start',
        fill: COLOURS.national,
        fontWeight: 'bold',
        text: 'text',
      }),
    ),
  ];
}

export function comparisonSpec(rows: ComparisonRow[], options: ComparisonOptions): Plot.PlotOptions {
  for (const key of Object.keys(options)) if (!KNOWN_OPTIONS.has(key)) throw new Error(`comparisonSpec: unknown option "${key}"`);
  const { locale, layout = 'wide', form } = options;
  const narrow = layout === 'narrow';
  const width = options.width ?? (narrow ? 360 : 720);
  const unitBase = rows[0]?.unitBase ?? 'count';
  const { domain: yDomain, headings } = groupedDomain(rows, form, locale);
  const labels = yDomain.filter((l) => !headings.has(l));
  const values = rows.flatMap((r) => (r.national === null ? [r.value] : [r.value, r.national]));
  const max = Math.max(...values, 0);
  const min = Math.min(...values, 0);
  const filled = rows.filter((r) => r.kind === 'actual' || r.kind === 'derived');
  const hollow = rows.filter((r) => r.kind === 'target' || r.kind === 'plan');
  const national = nationalLines(rows, unitBase, locale);
  // One national year: a rule across the plot. Several: a rule for each, and each row's own year marked on its row.
  const perRow = national.length > 1 ? rows.filter((r) => r.national !== null) : [];
  const fmt = (r: ComparisonRow) => `${QUALIFIER_SIGNS[r.qualifier] ?? ''}${formatValue(r.value, r.unitBase, locale)}`;
  const valueText = (r: ComparisonRow) =>
    `${fmt(r)}${r.flagged ? ' ⚠' : ''}${r.kind === 'target' || r.kind === 'plan' ? (locale === 'zh-cn' ? '（目标）' : ' (target)') : ''}`;
  // Room on the right for the longest value label, so that "¥89.74 million (target)" is never cut.
  const marginRight = Math.min(180, Math.max(narrow ? 60 : 80, Math.ceil(Math.max(0, ...rows.map((r) => textUnits(valueText(r)))) * UNIT_PX) + 16));
  const domain: [number, number] = [min, max === 0 ? 1 : max * 1.05];
  const tickFormat = tickFormatter(unitBase, locale);
  // Labels wider than 45 % of the chart are cut, keeping the period, which comes last; headings are drawn from the
  // chart's left edge and may be wider.
  // Latin letters at 12px run wider than half a CJK character in common sans fonts (DejaVu, Noto): room for them.
  const unitPx = locale === 'en' ? 7 : 6.4;
  const labelUnits = Math.floor((width * 0.45) / unitPx);
  const marginLeft = narrow ? 10 : Math.ceil(Math.min(labelUnits, Math.max(4, ...labels.map(textUnits))) * unitPx) + 12;
  const plotWidth = width - marginRight - marginLeft;
  const tickValues = fittedTicks(domain, tickFormat, plotWidth);
  const frame = rowFrame(yDomain.length, { width, narrow, marginLeft, marginRight });
  const headingRows = [...headings.keys()];
  return {
    ...frame,
    height: frame.height + nationalTop(national),
    marginTop: frame.marginTop + nationalTop(national),
    x: {
      domain,
      ...unitAxis(unitBase, locale),
      tickFormat,
      ticks: tickValues,
      grid: true,
    },
    y: narrow
      ? { domain: yDomain, label: null, axis: null }
      : { domain: yDomain, label: null, tickSize: 0, tickFormat: (l: string) => (headings.has(l) ? '' : fitKeepingEnd(l, labelUnits)) },
    marks: [
      Plot.ruleY(
        rows.filter((r) => r.highlight),
        { y: 'label', stroke: '#fde68a', strokeWidth: narrow ? 40 : 26 },
      ),
      narrow ? narrowLabels(labels, width, fitKeepingEnd) : null,
      headingRows.length
        ? Plot.text(headingRows, {
            y: (l: string) => l,
            frameAnchor: 'left',
            dx: narrow ? 0 : -marginLeft + 4,
            dy: narrow ? -6 : 0,
            textAnchor: 'start',
            fontWeight: 'bold',
            fill: '#333',
            stroke: 'white',
            strokeWidth: 3,
            paintOrder: 'stroke',
            text: (l: string) => fit(headings.get(l)!, Math.floor((width - 12) / UNIT_PX)),
          })
        : null,
      Plot.ruleX([0], { stroke: '#999' }),
      ...nationalMarks(national, domain),
      Plot.tickX(perRow, { x: 'national', y: 'label', stroke: COLOURS.national, strokeWidth: 2 }),
      ...valueMarks(filled),
      Plot.dot(hollow, {
        x: 'value',
        y: 'label',
        r: 6,
        fill: 'white',
        stroke: COLOURS.target,
        strokeWidth: 2,
        strokeDasharray: '2,1.5',
      }),
      Plot.text(rows, {
        x: 'value',
        y: 'label',
        dx: 10,
        textAnchor: 'start',
        fill: '#222',
        text: valueText,
      }),
      hitMarks(rows),
    ],
  };
}
