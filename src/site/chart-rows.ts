// Shapes observations of one metric into chart rows: labels that carry region, level and period in the page's
// language, with what is inferred marked on the row itself; tooltips that quote the figure; links to the sentence;
// the national value of the same year.
import type { ComparisonRow } from '../charts/comparison.ts';
import { capLabel } from '../charts/label.ts';
import type { Locale } from '../i18n/format.ts';
import { formatValue } from '../i18n/format.ts';
import { localized } from '../i18n/locale.ts';
import { fill, t, type Strings } from '../i18n/strings.ts';
import type { Observation } from '../model/observation.ts';
import { parsePeriod } from '../model/period.ts';
import { LEVELS, type Region } from '../model/region.ts';
import { isWarning } from '../vocab/flags.ts';
import type { Measure } from '../model/metric.ts';
import { provinceCode } from './listing.ts';
import { rowOrder, type ChartForm } from './chart-form.ts';
import { QUALIFIER_SIGNS } from '../vocab/qualifiers.ts';

export type RowContext = {
  locale: Locale;
  region: (id: string) => Region | undefined;
  national: (metricId: string, year: number | null) => number | null;
  href: (o: Observation) => string;
  reportYear?: (reportId: string) => number | null;
  /** Name each row's province first: for metrics defined per province (exam lines), when no form groups them. */
  byProvince?: boolean;
  /**
   * The chart's form and the metric's measure (src/site/chart-form.ts): rows come in the one order of rowOrder, and
   * a label leaves out what its group's heading says (the level on a ranked chart, the province on one by province).
   */
  order?: { form: ChartForm; measure: Measure };
  /** The region whose rows are set in bold (its own page). */
  highlight?: string;
  /** The period in words, when the chart says more than the period (growth: "2022 over 2021"). */
  periodText?: (o: Observation) => string;
};

/** A period in words: 2022, 2022年上半年 / first half of 2022, 年份不明（报告当年） / year unknown (the report’s year). */
export function periodLabel(o: Pick<Observation, 'period' | 'year'>, locale: Locale): string {
  const s = t(locale);
  if (o.year === null) return s.relativeYears[o.period] ?? s.yearUnknown;
  const p = parsePeriod(o.period);
  if (p?.kind === 'part') return fill(s.halves[p.part], { y: p.year });
  return o.period.replace('-', '–');
}

/**
 * A region's name as readers see it: the dictionary tells unnamed regions apart by their source file and part
 * (未具名县（003篇c）, "Unnamed county (003 part c)"); pages say it in words.
 */
export function readerName(name: string): string {
  const ordinal = (letter: string) => letter.charCodeAt(0) - 96;
  return name
    .replace(/(\d{3})篇([a-z])/g, (_, file: string, part: string) => `来源 ${file} 第 ${ordinal(part)} 篇`)
    .replace(/\((\d{3}) part ([a-z])\)/g, (_, file: string, part: string) => `(source ${file}, report ${ordinal(part)})`);
}

export function regionName(region: Region | undefined, locale: Locale): string {
  return region ? localized(region, 'name', locale) : '?';
}

/** What part of a region a value describes, in the page's language; empty for the whole region. */
export function scopeLabel(o: Pick<Observation, 'scope' | 'scope_en'>, locale: Locale): string {
  if (o.scope === 'region') return '';
  return locale === 'en' ? o.scope_en : o.scope.slice(o.scope.indexOf(':') + 1);
}

/** A value as the chart draws it: ≈60亿 for 近60亿元, >140 for 140余次, ≤5% for 不超过5%. */
export function valueWithQualifier(o: Pick<Observation, 'qualifier' | 'value_base' | 'unit_base'>, locale: Locale): string {
  return `${QUALIFIER_SIGNS[o.qualifier] ?? ''}${formatValue(o.value_base, o.unit_base, locale)}`;
}

export const isInferred = (o: Pick<Observation, 'flags'>) => ({
  region: o.flags.includes('region_inferred'),
  year: o.flags.includes('year_inferred'),
});

/**
 * Whether a region's name already says its level ("临泉县" is a county, "Huli District" a district): the level is
 * then not said again in its label.
 */
export function nameSaysLevel(name: string, level: string, locale: Locale): boolean {
  if (locale === 'en') {
    const word = /(\w+)$/.exec(level)?.[1]?.toLowerCase() ?? '';
    return word !== '' && new RegExp(`\\b${word}\\b`, 'i').test(name);
  }
  return level.length === 1 && name.endsWith(level);
}

/** The order of String.prototype.localeCompare (the same default locale and options), without its set-up on every call. */
const collator = new Intl.Collator();

const flagText = (o: Observation, s: Strings) => {
  const text = o.flags
    .filter((f) => f in s.flags && !f.startsWith('region_') && !f.startsWith('year_'))
    .map((f) => s.flags[f])
    .join(s.clauseSeparator);
  return text && `⚠ ${text}`;
};

const inferredText = (o: Observation, inferred: { region: boolean; year: boolean }, s: Strings) => {
  const text = [inferred.region ? s.flags.region_inferred : '', inferred.year ? s.flags.year_inferred : ''].filter(Boolean).join(s.clauseSeparator);
  return text && `* ${text}`;
};

export function comparisonRows(observations: Observation[], ctx: RowContext): ComparisonRow[] {
  const s = t(ctx.locale);
  const usable = observations.filter((o) => o.value_base !== null);
  const levelOrder = (o: Observation) => LEVELS.indexOf(ctx.region(o.region_id)?.level ?? 'unknown');
  const province = (o: Observation) => localized(ctx.region(o.region_id), 'province', ctx.locale) || s.provinceUnknownInLabel;
  const form = ctx.order?.form;
  // Each row's keys are worked out once, not at every comparison: a national chart sorts 30,000 rows.
  const keyed = usable.map((o) => ({ o, province: ctx.byProvince ? province(o) : '', level: levelOrder(o) }));
  const collate = collator.compare;
  const sorted = keyed
    .sort(
      (a, b) =>
        (ctx.byProvince ? collate(a.province, b.province) : 0) ||
        a.level - b.level ||
        b.o.value_base! - a.o.value_base! ||
        (a.o.observation_id < b.o.observation_id ? -1 : 1),
    )
    .map((k) => k.o);
  const seen = new Map<string, number>();
  const rows = sorted.map((o) => {
    const region = ctx.region(o.region_id);
    const level = s.levels[region?.level ?? 'unknown'];
    const inferred = isInferred(o);
    const name = capLabel(regionName(region, ctx.locale));
    // The level is said once: by the group heading of a ranked chart, else in the label unless the name says it.
    const levelText = form === 'ranked' || nameSaysLevel(name, level, ctx.locale) ? '' : fill(s.inParentheses, { x: level });
    const parts = [`${name}${levelText}`, (ctx.periodText ?? ((x: Observation) => periodLabel(x, ctx.locale)))(o)];
    if (ctx.byProvince && form !== 'by-province') parts.unshift(province(o));
    if (o.kind !== 'actual' && o.kind !== 'derived') parts.push(s.kinds[o.kind]);
    const scope = capLabel(scopeLabel(o, ctx.locale));
    if (scope) parts.push(scope);
    // One mark for what this site inferred, region or year, at the end of the label (the legend says what).
    let label = `${parts.join(' · ')}${inferred.region || (inferred.year && o.year !== null) ? '*' : ''}`;
    // Two values with one label only happen outside a comparison (lists of parts); number them in words.
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    if (n > 1) label = fill(s.itemN, { label, n });
    const national = ctx.national(o.metric_id, o.year);
    // The tooltip is read for the marks drawn: a national chart draws a summary and a few of its 30,000 rows.
    const title = () =>
      [
        `${label}${s.colon}${valueWithQualifier(o, ctx.locale)}`,
        o.figure_text && `“${o.figure_text}”`,
        national !== null ? `${s.national}${s.colon}${formatValue(national, o.unit_base, ctx.locale)}` : '',
        inferredText(o, inferred, s),
        flagText(o, s),
      ]
        .filter(Boolean)
        .join(' — ');
    let told: string | undefined;
    return {
      observationId: o.observation_id,
      label,
      value: o.value_base!,
      unitBase: o.unit_base,
      kind: o.kind,
      qualifier: o.qualifier,
      flagged: o.flags.some(isWarning),
      href: ctx.href(o),
      get title() {
        return (told ??= title());
      },
      national,
      regionId: o.region_id,
      year: o.year,
      wholeRegion: o.scope === 'region',
      reportYear: ctx.reportYear?.(o.report_id) ?? null,
      highlight: ctx.highlight === o.region_id,
      code: region?.gb_code || `~${o.region_id}`,
      levelIndex: levelOrder(o),
      levelName: level,
      provinceCode: provinceCode(region),
      provinceName: localized(region, 'province', ctx.locale) || s.provinceUnknown,
    };
  });
  return ctx.order ? rowOrder(rows, ctx.order.form, ctx.order) : rows;
}
