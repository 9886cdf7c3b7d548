// Shapes observations of one metric into chart rows: labels that carry region, level and period, tooltips that
// quote the figure, links to the sentence, and the national value of the same year.
import type { ComparisonRow } from '../charts/comparison.ts';
import { capLabel } from '../charts/label.ts';
import type { Locale } from '../i18n/format.ts';
import { formatValue } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import type { Observation } from '../model/observation.ts';
import { LEVELS, type Region } from '../model/region.ts';

export type RowContext = {
  locale: Locale;
  region: (id: string) => Region | undefined;
  national: (metricId: string, year: number | null) => number | null;
  href: (o: Observation) => string;
  reportYear?: (reportId: string) => number | null;
};

export function periodLabel(o: Pick<Observation, 'period' | 'year'>, locale: Locale): string {
  if (o.year === null) return locale === 'en' ? `${t(locale).yearUnknown} (${o.period})` : `${t(locale).yearUnknown}（${o.period}）`;
  return o.period.replace('-', '–');
}

export function regionName(region: Region | undefined, locale: Locale): string {
  if (!region) return '?';
  return locale === 'zh-cn' ? region.name_zh : region.name_en;
}

function scopeLabel(scope: string): string {
  return scope === 'region' ? '' : scope.slice(scope.indexOf(':') + 1);
}

export function comparisonRows(observations: Observation[], ctx: RowContext): ComparisonRow[] {
  const s = t(ctx.locale);
  const usable = observations.filter((o) => o.value_base !== null);
  const levelOrder = (o: Observation) => LEVELS.indexOf(ctx.region(o.region_id)?.level ?? 'unknown');
  const sorted = [...usable].sort(
    (a, b) => levelOrder(a) - levelOrder(b) || b.value_base! - a.value_base! || (a.observation_id < b.observation_id ? -1 : 1),
  );
  const seen = new Map<string, number>();
  return sorted.map((o) => {
    const region = ctx.region(o.region_id);
    const level = s.levels[region?.level ?? 'unknown'];
    const parts = [`${capLabel(regionName(region, ctx.locale))}${ctx.locale === 'zh-cn' ? `（${level}）` : ` (${level})`}`, periodLabel(o, ctx.locale)];
    if (o.kind !== 'actual') parts.push(s.kinds[o.kind]);
    const scope = capLabel(scopeLabel(o.scope));
    if (scope) parts.push(scope);
    let label = parts.join(' · ');
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    if (n > 1) label = `${label} (${n})`;
    const qualifier = s.qualifiers[o.qualifier] ?? '';
    const value = formatValue(o.value_base, o.unit_base, ctx.locale);
    const flagText = o.flags.filter((f) => f in s.flags).map((f) => s.flags[f]).join('; ');
    const national = ctx.national(o.metric_id, o.year);
    const title = [
      `${label}: ${qualifier}${qualifier && ctx.locale === 'en' ? ' ' : ''}${value}`,
      o.figure_text && `“${o.figure_text}”`,
      national !== null ? `${s.national}: ${formatValue(national, o.unit_base, ctx.locale)}` : '',
      flagText && `⚠ ${flagText}`,
    ].filter(Boolean).join(' — ');
    return {
      observationId: o.observation_id,
      label,
      value: o.value_base!,
      unitBase: o.unit_base,
      kind: o.kind,
      qualifier: o.qualifier,
      flagged: o.flags.some((f) => f.startsWith('inconsistent_') || f === 'garbled_in_source' || f === 'typo_in_source'),
      href: ctx.href(o),
      title,
      national,
      regionId: o.region_id,
      year: o.year,
      wholeRegion: o.scope === 'region',
      reportYear: ctx.reportYear?.(o.report_id) ?? null,
    };
  });
}
