// The preview image a link to a page shows on social networks and in chat apps (Open Graph, Twitter cards): a
// 1200 × 630 card with the page's title, one line of what it holds, the chart where the page has one, and the
// site's name and licence, in the page's language. Pure: SVG text out, rendered to PNG by src/charts/png.ts.
import type { Locale } from '../i18n/format.ts';
import { CHART_FONTS } from '../charts/fonts.ts';
import { xmlSafeAttributes } from '../charts/render.ts';
import { localized } from '../i18n/locale.ts';
import { fill, t } from '../i18n/strings.ts';
import type { SiteData } from './data.ts';
import { isGrouped, provinceCode, UNIDENTIFIED } from './listing.ts';
import { PROVINCES } from '../vocab/provinces.ts';

export const PREVIEW = { width: 1200, height: 630 } as const;
/** Kinds of page with a preview of their own; every other page shows the site's. */
export const PREVIEW_KINDS = ['metric', 'region', 'topic'] as const;
export type PreviewKind = (typeof PREVIEW_KINDS)[number] | 'province' | 'site';

/**
 * The card a page shows. Each image costs the build a render, so a page has its own only where it adds something:
 * a metric with a chart shows it (another metric shows its topic's card); a region has its own up to LIST_THRESHOLD
 * regions, and its province's above (3,200 regions at national scale would be 6,400 renders); every other page
 * shows the site's.
 */
export function previewFor(data: SiteData, kind: string, id: string): [PreviewKind, string] {
  if (kind === 'metric' && data.metricStats.has(id))
    return (data.metricStats.get(id)?.comparable ?? 0) >= 2 ? ['metric', id] : ['topic', data.metric.get(id)!.topic];
  if (kind === 'region' && data.region.has(id)) return isGrouped(data.regions.length) ? ['province', provinceCode(data.region.get(id))] : ['region', id];
  if (kind === 'topic' && data.topicMetrics.has(id)) return ['topic', id];
  return ['site', 'all'];
}

/** Every card the site's pages show, once each. */
export function previewCards(data: SiteData): [PreviewKind, string][] {
  const cards = new Map<string, [PreviewKind, string]>([['site-all', ['site', 'all']]]);
  const add = (card: [PreviewKind, string]) => cards.set(card.join('-'), card);
  for (const id of data.metricStats.keys()) add(previewFor(data, 'metric', id));
  for (const r of data.regions) add(previewFor(data, 'region', r.region_id));
  for (const id of data.topicMetrics.keys()) add(previewFor(data, 'topic', id));
  return [...cards.values()];
}

export type PreviewCard = {
  locale: Locale;
  siteName: string;
  /** "CC BY 4.0 · every figure linked to its sentence" */
  footer: string;
  title: string;
  subtitle: string;
  /** A chart's SVG (its own <svg> with a viewBox), drawn below the title. */
  chart?: string;
};

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Width of a text in ems of its font size: CJK and full-width forms one em, the rest about half. */
export function textEms(text: string): number {
  let ems = 0;
  for (const c of text) ems += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(c) ? 1 : 0.56;
  return ems;
}

/**
 * Lines of at most `ems` ems, at most `max` of them, the last cut with … when the text is longer. Latin text breaks
 * at spaces, Chinese between any two characters (no space separates its words).
 */
export function wrapEms(text: string, ems: number, max: number): string[] {
  const tokens = text.match(/[A-Za-z0-9’'.,:;()\-–%]+\s*|\s+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line && textEms(line + token.trimEnd()) > ems) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = kept[max - 1]!;
  while (last && textEms(`${last}…`) > ems) last = last.slice(0, -1);
  kept[max - 1] = `${last.trimEnd()}…`;
  return kept;
}

/** The card as SVG; the chart, when given, is scaled into the space under the title with its proportions kept. */
export function previewSvg(card: PreviewCard): string {
  const { width, height } = PREVIEW;
  const margin = 64;
  const fonts = [...CHART_FONTS[card.locale], 'sans-serif'].join(', ');
  const titleSize = card.chart ? 46 : 60;
  const titleLines = wrapEms(card.title, (width - 2 * margin) / titleSize, card.chart ? 1 : 3);
  const titleTop = 150;
  // the last title line's baseline, then the subtitle's: a line of 28 px and a gap below it
  const subtitleY = titleTop + titleSize * 0.9 + (titleLines.length - 1) * titleSize * 1.25 + 52;
  const chartTop = subtitleY + 24;
  const chartBottom = height - 96;
  let chart = '';
  if (card.chart) {
    // The chart comes serialised as HTML, where < and > stand bare in attributes (a region named `Boshan></svg>`):
    // written again as XML first, so that the opening tag ends at its own > and the card parses as SVG.
    const xml = xmlSafeAttributes(card.chart);
    const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(xml)?.map(Number) ?? [0, 720, 300];
    const scale = Math.min((width - 2 * margin) / w!, (chartBottom - chartTop) / h!);
    const inner = xml.replace(/<svg\b[^>]*?>/, (open) =>
      open
        .replace(/\s(width|height|x|y)="[^"]*"/g, '')
        .replace('<svg', `<svg x="${margin}" y="${chartTop}" width="${w! * scale}" height="${h! * scale}"`)
        .replace(/^<svg(?![^>]*xmlns=)/, '<svg xmlns="http://www.w3.org/2000/svg"'),
    );
    chart = inner;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${fonts}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<rect width="100%" height="12" fill="#1f4e79"/>`,
    `<text x="${margin}" y="84" font-size="30" font-weight="bold" fill="#1f4e79">${escapeXml(card.siteName)}</text>`,
    ...titleLines.map(
      (line, i) =>
        `<text x="${margin}" y="${titleTop + titleSize * 0.9 + i * titleSize * 1.25}" font-size="${titleSize}" font-weight="bold" fill="#111">${escapeXml(line)}</text>`,
    ),
    `<text x="${margin}" y="${subtitleY}" font-size="28" fill="#444">${escapeXml(wrapEms(card.subtitle, (width - 2 * margin) / 28, 1)[0] ?? '')}</text>`,
    chart,
    `<rect x="0" y="${height - 64}" width="100%" height="64" fill="#f1f5f9"/>`,
    `<text x="${margin}" y="${height - 23}" font-size="24" fill="#333">${escapeXml(wrapEms(card.footer, (width - 2 * margin) / 24, 1)[0] ?? '')}</text>`,
    `</svg>`,
  ].join('');
}

/** The title and the line under it for a page's card, in its language. */
export function previewText(data: SiteData, kind: PreviewKind, id: string, locale: Locale): { title: string; subtitle: string } {
  const s = t(locale);
  const p = s.preview;
  const number = (n: number) => n.toLocaleString(locale === 'en' ? 'en' : 'zh-CN');
  switch (kind) {
    case 'metric': {
      const stats = data.metricStats.get(id);
      return {
        title: localized(data.metric.get(id)!, 'name', locale),
        subtitle: fill(p.metric, { n: number(stats?.observations ?? 0), regions: number(stats?.regions ?? 0) }),
      };
    }
    case 'region': {
      const region = data.region.get(id)!;
      const province = localized(region, 'province', locale);
      const reports = data.reports.filter((r) => r.region_id === id).length;
      const subtitle = fill(p.region, { n: number(data.regionCounts.get(id) ?? 0), reports: number(reports) });
      return { title: localized(region, 'name', locale), subtitle: province ? `${province} · ${subtitle}` : subtitle };
    }
    case 'province': {
      const regions = data.regions.filter((r) => provinceCode(r) === id);
      const named = PROVINCES.find(([code]) => `${code}0000` === id);
      const title = id === UNIDENTIFIED || !named ? s.provinceUnknown : locale === 'en' ? named[2] : named[1];
      const n = regions.reduce((sum, r) => sum + (data.regionCounts.get(r.region_id) ?? 0), 0);
      return { title, subtitle: fill(p.province, { regions: number(regions.length), n: number(n) }) };
    }
    case 'topic': {
      const metrics = data.topicMetrics.get(id) ?? [];
      const n = metrics.reduce((sum, m) => sum + (data.metricStats.get(m.metric_id)?.observations ?? 0), 0);
      return { title: s.topics[id as keyof typeof s.topics], subtitle: fill(p.topic, { metrics: number(metrics.length), n: number(n) }) };
    }
    case 'site':
      return {
        title: s.siteTagline,
        subtitle: fill(p.site, { reports: number(data.reports.length), regions: number(data.regions.length), n: number(data.totals.observations) }),
      };
  }
}
