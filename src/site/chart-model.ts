// Everything one metric's comparison chart says, computed once for the page and for the downloadable image.
import type { Locale } from '../i18n/format.ts';
import { formatValue, unitLabel } from '../i18n/format.ts';
import { localized } from '../i18n/locale.ts';
import { fill, t } from '../i18n/strings.ts';
import type { Observation } from '../model/observation.ts';
import type { PublishedMetric } from '../model/metric.ts';
import { textUnits } from '../charts/comparison.ts';
import type { ComparisonRow } from '../charts/comparison.ts';
import { chartSpec, type Distribution } from '../charts/distribution.ts';
import { CHART_FONTS } from '../charts/fonts.ts';
import { renderSvg, xmlSafeAttributes } from '../charts/render.ts';
import { isWarning } from '../vocab/flags.ts';
import { QUALIFIER_SIGNS } from '../vocab/qualifiers.ts';
import { comparisonRows, periodLabel, regionName, valueWithQualifier } from './chart-rows.ts';
import { partition, type Partition } from './comparable.ts';
import { sizeFree } from '../model/metric.ts';
import type { SiteData } from './data.ts';
import { routes } from './routes.ts';
import { periodsInOrder } from './periods.ts';

export type ChartModel = {
  name: string;
  subtitle: string;
  /** What a reader must know to read the chart, specific to its rows: written on the chart and in the image. */
  warnings: string[];
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
  /** What an aggregated chart draws, in words: shown under the subtitle and in the downloadable image. */
  note: string;
  /** The chart with labels left of the dots, for wide screens. */
  svg: string;
  /** The same chart with labels above the dots, for phones. */
  svgNarrow: string;
  hasDerived: boolean;
  hasNational: boolean;
  /** Legend lines the rows need: inferred marks, qualifier signs. */
  legend: string[];
  /** Observation ids drawn, for the page (data-observations) and the tests that check every chart compares like with like. */
  drawn: string[];
};

export function nationalValue(data: SiteData, metricId: string, year: number | null): number | null {
  return year === null ? null : (data.national.get(`${metricId}|${year}`)?.value ?? null);
}

export type ChartOptions = { highlight?: string };

export function chartModel(metric: PublishedMetric, observations: Observation[], data: SiteData, locale: Locale, options: ChartOptions = {}): ChartModel {
  const s = t(locale);
  const split = partition(metric, observations);
  const compared = split.regions >= 2 ? split.compared : [];
  const rows = comparisonRows(compared, {
    locale,
    region: (id) => data.region.get(id),
    national: (metricId, year) => nationalValue(data, metricId, year),
    // every mark opens its figure's card on its metric's page (a computed value's card is its formula entry)
    href: (o) => routes.card(locale, o.metric_id, o.observation_id),
    reportYear: (id) => data.report.get(id)?.year ?? null,
    byProvince: metric.compare === 'province',
    highlight: options.highlight,
  });
  const name = localized(metric, 'name', locale);
  const years = [...new Set(compared.map((o) => o.year).filter((y) => y !== null))].sort();
  const levels = [...new Set(compared.map((o) => data.region.get(o.region_id)?.level ?? 'unknown'))];
  // provinces are told apart by their Chinese name, in either language
  const provinces = new Set(compared.map((o) => data.region.get(o.region_id)).map((region) => (region ? region.province_zh : '')));
  const regionCount = split.regions;
  const yearText = years.length ? (years.length === 1 ? String(years[0]) : `${years[0]}–${years.at(-1)}`) : s.yearUnknown;
  const subtitle = [
    `${s.unitHeading}${s.colon}${unitLabel(metric.unit_base, locale)}`,
    compared.length ? yearText : '',
    fill(s.comparedCount, { n: regionCount }),
  ]
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
  const flagged = compared.filter((o) => o.flags.some(isWarning)).length;
  const list = (items: string[]) => items.join(s.listSeparator);
  const spec = rows.length ? chartSpec(rows, locale) : null;
  const dist = spec?.distribution ?? null;
  const warnings = !compared.length
    ? []
    : [
        metric.compare === 'province' && provinces.size > 1 ? s.provinceWarning : '',
        !sizeFree(metric.measure) ? s.sizeWarning : '',
        levels.length > 1 ? `${s.mixedLevels}${s.colon}${list(levels.map((l) => s.levels[l]))}` : '',
        years.length > 1 || compared.some((o) => o.year === null)
          ? `${s.mixedYears}${s.colon}${list(periodsInOrder(compared).map((o) => periodLabel(o, locale)))}`
          : '',
        flagged ? fill(s.flaggedWarning, { n: flagged, where: dist ? s.flaggedWhere.csv : s.flaggedWhere.table }) : '',
        missingNational.length ? `${s.nationalMissing}${s.colon}${list(periodsInOrder(missingNational).map((o) => periodLabel(o, locale)))}` : '',
      ].filter(Boolean);
  const legend = [
    compared.some((o) => o.flags.includes('region_inferred') || o.flags.includes('year_inferred')) ? s.inferredLegend : '',
    compared.some((o) => o.qualifier !== '') ? s.qualifierLegend : '',
  ].filter(Boolean);
  const ends = dist ? dist.highlights.length / 2 : 0;
  const mixed = levels.length > 1;
  const w = s.distribution;
  const note = !dist
    ? ''
    : fill(w.note, {
        n: dist.n,
        regions: dist.regions,
        ends,
        mixed: mixed ? w.mixedLevels : '',
        restated: dist.restated ? fill(w.restated, { n: dist.restated }) : '',
      });
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
    subtitle,
    warnings,
    alt,
    rows,
    partition: split,
    noChart,
    distribution: dist,
    note,
    svg: spec ? renderSvg(spec.wide, alt) : '',
    svgNarrow: spec ? renderSvg(spec.narrow, alt) : '',
    hasDerived: rows.some((r) => r.kind === 'derived'),
    hasNational: rows.some((r) => r.national !== null),
    legend,
    drawn: dist ? dist.highlights.map((h) => h.observationId) : rows.map((r) => r.observationId),
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

/**
 * A standalone SVG for download: the chart with everything a reader of the file alone needs drawn in: title,
 * subtitle, notes and warnings, the key to its marks, the source, the site's name, the page's address and the
 * licence. Its text is set in the language's families of CHART_FONTS, the fonts the PNG is rendered with (png.ts).
 */
export function standaloneSvg(model: ChartModel, locale: Locale, address = ''): string {
  const s = t(locale);
  const width = 720;
  const inner = xmlSafeAttributes(model.svg).replace('<svg ', '<svg x="0" y="0" ');
  const height = model.svg ? Number(/viewBox="0 0 \d+ (\d+(?:\.\d+)?)"/.exec(model.svg)?.[1] ?? 200) : 0;
  // Subtitle grey, then an aggregated chart's note (grey, wrapped), then warnings red.
  const noteLines = [...wrap(model.note, 112), ...model.legend.flatMap((l) => wrap(l, 112)), ...wrap(model.noChart, 112)];
  const lines = [model.subtitle, ...noteLines, ...model.warnings.flatMap((w) => wrap(w, 112))];
  const grey = 1 + noteLines.length;
  // The key to the marks, as the page's legend draws it.
  const key: [string, string][] = [
    ...(model.distribution
      ? [
          ['<rect x="0" y="-9" width="18" height="10" fill="#c7d5e4" stroke="#1f4e79"/>', s.distribution.keyBox] as [string, string],
          ['<circle cx="6" cy="-4" r="5" fill="#1f4e79"/>', s.distribution.keyEnds] as [string, string],
        ]
      : [
          [
            model.hasDerived ? '<rect x="1" y="-9" width="10" height="10" fill="#6b6b6b"/>' : '<circle cx="6" cy="-4" r="5" fill="#1f4e79"/>',
            model.hasDerived ? s.kinds.derived : s.kinds.actual,
          ] as [string, string],
        ]),
    ...(model.hasNational ? [['<rect x="4" y="-10" width="3" height="12" fill="#c2410c"/>', s.national] as [string, string]] : []),
  ];
  let keyX = 8;
  const keyItems = key.map(([mark, text]) => {
    const item = `<g transform="translate(${keyX} 0)">${mark}<text x="22" y="0" font-size="12" fill="#333">${escapeXml(text)}</text></g>`;
    keyX += 22 + textUnits(text) * 6.6 + 18;
    return item;
  });
  const top = 30 + lines.length * 18 + 22;
  const source = s.chartSource.replace(/[；;].*$/, '');
  const footer = [source, `${s.siteName} · ${address}`.replace(/ · $/, ''), `${s.license}${s.colon}CC BY 4.0`];
  const total = top + height + 14 + footer.length * 16;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${[...CHART_FONTS[locale], 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'sans-serif'].join(', ')}">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="8" y="22" font-size="16" font-weight="bold">${escapeXml(model.name)}</text>`,
    ...lines.map((line, i) => `<text x="8" y="${42 + i * 18}" font-size="12" fill="${i >= grey ? '#b91c1c' : '#555'}">${escapeXml(line)}</text>`),
    `<g transform="translate(0 ${top - 12})">${keyItems.join('')}</g>`,
    `<g transform="translate(0 ${top})">${inner.replace(/<svg /, `<svg width="${width}" height="${height}" `).replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" ')}</g>`,
    ...footer.map((line, i) => `<text x="8" y="${top + height + 18 + i * 16}" font-size="11" fill="#555">${escapeXml(line)}</text>`),
    `</svg>`,
  ].join('\n');
}
