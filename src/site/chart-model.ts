// Everything one metric's comparison chart says, computed once for the page and for the downloadable image.
import type { Locale } from '../i18n/format.ts';
import { formatValue, unitLabel } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import type { Observation } from '../model/observation.ts';
import type { PublishedMetric } from '../model/metric.ts';
import { textUnits } from '../charts/comparison.ts';
import type { ComparisonRow } from '../charts/comparison.ts';
import { chartSpec, type Distribution } from '../charts/distribution.ts';
import { renderSvg, xmlSafeAttributes } from '../charts/render.ts';
import { comparisonRows, periodLabel } from './chart-rows.ts';
import type { SiteData } from './data.ts';
import { routes } from './routes.ts';

export type ChartModel = {
  name: string;
  subtitle: string;
  warnings: string[];
  alt: string;
  rows: ComparisonRow[];
  /**
   * Above AGGREGATE_THRESHOLD rows: the per-year distributions and highlighted values the chart draws instead of
   * one row per value (the table shows them too; every value stays in the CSV). Null below.
   */
  distribution: Distribution | null;
  /** What an aggregated chart draws, in words: shown under the subtitle and in the downloadable image. */
  note: string;
  /** The chart with labels left of the dots, for wide screens. */
  svg: string;
  /** The same chart with labels above the dots, for phones. */
  svgNarrow: string;
  hasTargets: boolean;
  hasDerived: boolean;
  hasNational: boolean;
};

export const isFlagged = (o: Observation) => o.flags.some((f) => f.startsWith('inconsistent_') || f === 'garbled_in_source' || f === 'typo_in_source');

export function nationalValue(data: SiteData, metricId: string, year: number | null): number | null {
  return year === null ? null : data.national.get(`${metricId}|${year}`)?.value ?? null;
}

export function chartModel(metric: PublishedMetric, observations: Observation[], data: SiteData, locale: Locale): ChartModel {
  const s = t(locale);
  const zh = locale === 'zh-cn';
  const rows = comparisonRows(observations, {
    locale,
    region: (id) => data.region.get(id),
    national: (metricId, year) => nationalValue(data, metricId, year),
    href: (o) => routes.observation(locale, o.report_id, o.observation_id),
    reportYear: (id) => data.report.get(id)?.year ?? null,
  });
  const name = zh ? metric.name_zh : metric.name_en;
  const years = [...new Set(observations.map((o) => o.year).filter((y) => y !== null))].sort();
  const levels = [...new Set(observations.map((o) => data.region.get(o.region_id)?.level ?? 'unknown'))];
  const regionCount = new Set(observations.map((o) => o.region_id)).size;
  const yearText = years.length ? (years.length === 1 ? String(years[0]) : `${years[0]}–${years.at(-1)}`) : s.yearUnknown;
  const subtitle = zh
    ? `单位：${unitLabel(metric.unit_base, locale)} · ${yearText} · ${regionCount} 个地区`
    : `Unit: ${unitLabel(metric.unit_base, locale)} · ${yearText} · ${regionCount} region${regionCount === 1 ? '' : 's'}`;
  const hasReference = [...data.national.values()].some((r) => r.metric_id === metric.metric_id);
  const missingNational = hasReference ? observations.filter((o) => nationalValue(data, o.metric_id, o.year) === null) : [];
  const flagged = observations.filter(isFlagged).length;
  const unreadable = observations.filter((o) => o.value_base === null).length;
  const partial = observations.filter((o) => o.scope !== 'region').length;
  const list = (items: string[]) => items.join(zh ? '、' : ', ');
  const spec = rows.length ? chartSpec(rows, locale) : null;
  const dist = spec?.distribution ?? null;
  const warnings = [
    levels.length > 1 ? `${s.mixedLevels}: ${list(levels.map((l) => s.levels[l]))}` : '',
    years.length > 1 || observations.some((o) => o.year === null) ? s.mixedYears : '',
    partial && !dist ? (zh ? `${partial} 个数值只涉及部分学校、群体或区域，见标签` : `${partial} value(s) describe only part of a region (named in the label)`) : '',
    flagged ? (zh ? `⚠ 标记的 ${flagged} 个数值与原文自身的其他数字不符或原文残缺，保留原样，详见${dist ? ' CSV' : '表格'}` : `⚠ ${flagged} value(s) contradict other figures of their own source or are garbled; kept as written, see the ${dist ? 'CSV' : 'table'}`) : '',
    unreadable ? (zh ? `${unreadable} 个数值原文无法辨认，未画出` : `${unreadable} value(s) are unreadable in the source and not drawn`) : '',
    missingNational.length ? `${s.nationalMissing}: ${list([...new Set(missingNational.map((o) => periodLabel(o, locale)))])}` : '',
  ].filter(Boolean);
  const ends = dist ? dist.highlights.length / 2 : 0;
  const mixed = levels.length > 1;
  const note = !dist ? '' : zh
    ? `数值较多：图中按年份画出 ${dist.n} 个${dist.wholeRegionOnly ? '全地区实际值' : '数值（各类合计）'}的分布，来自 ${dist.regions} 个地区${mixed ? '，行政级别混合' : ''}。线为最小至最大，方框为中间一半，粗竖线为中位数；下方单列最高和最低的各 ${ends} 个数值。${dist.excluded ? `目标、计划和只涉及部分区域的 ${dist.excluded} 个数值不在分布中。` : ''}${dist.restated ? `每个地区每年只计一个数值（该年本身报告的数值优先），后来报告回顾的 ${dist.restated} 个同年数值不重复计入。` : ''}全部数值见 CSV。`
    : `Many values: for each year, the chart draws the distribution of ${dist.n} ${dist.wholeRegionOnly ? 'whole-region actual values' : 'values of every kind'} from ${dist.regions} regions${mixed ? ' of mixed levels' : ''}. Line: lowest to highest; box: middle half; thick tick: median; below, the ${ends} highest and ${ends} lowest values one by one.${dist.excluded ? ` ${dist.excluded} targets, plans and values for parts of regions are not in the distributions.` : ''}${dist.restated ? ` Each region counts once a year (the value of that year’s own report first): ${dist.restated} values restated by a later report are not counted again.` : ''} Every value is in the CSV.`;
  const actual = rows.filter((r) => r.kind === 'actual').sort((a, b) => b.value - a.value);
  const fmt = (r: ComparisonRow) => formatValue(r.value, metric.unit_base, locale);
  const yearName = (y: number | null) => (y === null ? s.yearUnknown : zh ? `${y} 年` : String(y));
  const distAlt = !dist ? '' : zh
    ? `各年份分布：${dist.groups.map((g) => `${yearName(g.year)} ${g.n} 个，中位数 ${formatValue(g.median, metric.unit_base, locale)}`).join('；')}。`
    : ` By year: ${dist.groups.map((g) => `${yearName(g.year)}, ${g.n} values, median ${formatValue(g.median, metric.unit_base, locale)}`).join('; ')}.`;
  const alt = (zh
    ? `${name}：${rows.length} 个数值，来自 ${regionCount} 个地区。` + (actual.length ? `实际值最高为${actual[0]!.label}的 ${fmt(actual[0]!)}，最低为${actual.at(-1)!.label}的 ${fmt(actual.at(-1)!)}。` : '')
    : `${name}: ${rows.length} values from ${regionCount} region${regionCount === 1 ? '' : 's'}.` + (actual.length ? ` The highest actual value is ${fmt(actual[0]!)} (${actual[0]!.label}); the lowest is ${fmt(actual.at(-1)!)} (${actual.at(-1)!.label}).` : '')) + distAlt;
  return {
    name,
    subtitle,
    warnings,
    alt,
    rows,
    distribution: dist,
    note,
    svg: spec ? renderSvg(spec.wide, alt) : '',
    svgNarrow: spec ? renderSvg(spec.narrow, alt) : '',
    hasTargets: observations.some((o) => o.kind === 'target' || o.kind === 'plan'),
    hasDerived: observations.some((o) => o.kind === 'derived'),
    hasNational: rows.some((r) => r.national !== null),
  };
}

const escapeXml = (text: string) => text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** Lines of at most `units` Latin-character widths (a CJK character is two), broken at spaces where there are any. */
export function wrap(text: string, units: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (textUnits(line + ch) > units) {
      const space = line.lastIndexOf(' ');
      if (space > 0) {
        lines.push(line.slice(0, space));
        line = line.slice(space + 1);
      } else {
        lines.push(line);
        line = '';
      }
    }
    line += ch;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

/** A standalone SVG for download: the chart with its title, subtitle, warnings and source line drawn in. */
export function standaloneSvg(model: ChartModel, locale: Locale): string {
  const width = 720;
  const inner = xmlSafeAttributes(model.svg).replace('<svg ', '<svg x="0" y="0" ');
  const height = Number(/viewBox="0 0 \d+ (\d+(?:\.\d+)?)"/.exec(model.svg)?.[1] ?? 200);
  // Subtitle grey, then an aggregated chart's note (grey, wrapped), then warnings red.
  const noteLines = wrap(model.note, 112);
  const lines = [model.subtitle, ...noteLines, ...model.warnings];
  const grey = 1 + noteLines.length;
  const top = 30 + lines.length * 18;
  const source = t(locale).chartSource.replace(/[；;].*$/, '');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${top + height + 30}" viewBox="0 0 ${width} ${top + height + 30}" font-family="Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="8" y="22" font-size="16" font-weight="bold">${escapeXml(model.name)}</text>`,
    ...lines.map((line, i) => `<text x="8" y="${42 + i * 18}" font-size="12" fill="${i >= grey ? '#b91c1c' : '#555'}">${escapeXml(line)}</text>`),
    `<g transform="translate(0 ${top})">${inner.replace(/<svg /, `<svg width="${width}" height="${height}" `).replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" ')}</g>`,
    `<text x="8" y="${top + height + 20}" font-size="11" fill="#555">${escapeXml(source)}</text>`,
    `</svg>`,
  ].join('\n');
}
