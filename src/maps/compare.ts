// The map of a comparison: the compared values placed where their regions are, in the chart's row order and its
// colours — actual values solid ink, values the site computed grey squares, targets hollow and dashed — and a
// region the site inferred ringed by a dashed circle. A few regions are marked and labelled with name and value;
// beyond LABELLED_UPTO the labels would bury each other, and the map becomes a choropleth of the regions' own
// polygons (counties and prefectures), shaded by value. A place that is not known draws nothing.
import { formatValue, type Locale } from '../i18n/format.ts';
import { localized } from '../i18n/locale.ts';
import { fill, t } from '../i18n/strings.ts';
import type { ComparisonRow } from '../charts/comparison.ts';
import type { Region } from '../model/region.ts';
import { QUALIFIER_SIGNS } from '../vocab/qualifiers.ts';
import { boundaryLevel, mapGeometry } from './geometry.ts';
import { renderMap, shapePath, type AreaMark, type PointMark, type PointShape, type ShadeMark } from './render.ts';

export const COMPARE_WIDTH = 420;
/** More regions than this are shaded, not labelled. */
export const LABELLED_UPTO = 16;
/** The chart's colours (charts/comparison.ts COLOURS): one look of a value on every chart and map. */
export const MAP_COLOURS = { actual: '#1f4e79', target: '#1f4e79', plan: '#1f4e79', derived: '#6b6b6b' } as const;
/** A prefecture's own area, lightly tinted in its value's colour, under its point. */
const AREA_TINT = { actual: '#c6dbef', target: '#ffffff', plan: '#ffffff', derived: '#dedede' } as const;
/** Sequential blues, light to dark (ColorBrewer Blues, safe with every common colour-vision deficiency). */
export const VALUE_CLASSES = ['#deebf7', '#9ecae1', '#4292c6', '#2171b5', '#08306b'];
/**
 * The least size of a mark's link: 24 CSS pixels (WCAG 2.5.8) when the map is shrunk to a phone's 358 pixels,
 * in map units of a map COMPARE_WIDTH wide.
 */
const TARGET_PX = 24;
const PHONE_WIDTH = 358;

export type ComparisonMapOptions = {
  /** The dataset's regions by id: where each row's region is, and whether the site inferred it. */
  regions?: ReadonlyMap<string, Region> | readonly Region[];
  width?: number;
  /** The map's accessible name; by default "where the compared regions are". */
  title?: string;
  /** Prefix of the ids in the SVG: unique on its page. */
  id?: string;
  /**
   * Whether more than LABELLED_UPTO regions are drawn as a choropleth (the default) or not at all: a national
   * choropleth is some 40 KB gzipped, so a page of many charts leaves it to each metric's own page.
   */
  shaded?: boolean;
};

export type PlacedRow = { row: ComparisonRow; region: Region; name: string; inferred: boolean };
export type ComparisonMapModel = {
  svg: string;
  mode: 'labelled' | 'shaded';
  /** The rows drawn, one per region, in the chart's order. */
  shown: PlacedRow[];
  /** Regions compared whose place is not known: named in the key, never drawn. */
  notShown: { row: ComparisonRow; name: string }[];
};

const isTarget = (r: ComparisonRow) => r.kind === 'target' || r.kind === 'plan';

export function valueText(r: ComparisonRow, locale: Locale): string {
  const s = t(locale).maps;
  return `${QUALIFIER_SIGNS[r.qualifier] ?? ''}${formatValue(r.value, r.unitBase, locale)}${r.flagged ? ' ⚠' : ''}${isTarget(r) ? s.compareTargetSuffix : ''}`;
}

const regionIndex = (regions: ComparisonMapOptions['regions']): ReadonlyMap<string, Region> =>
  !regions ? new Map() : Array.isArray(regions) ? new Map((regions as Region[]).map((r) => [r.region_id, r])) : (regions as ReadonlyMap<string, Region>);

/** The region's polygon, if the boundaries hold one for its level and code and its place is known. */
function placeOf(region: Region | undefined) {
  if (!region || region.basis === 'unknown' || !region.gb_code) return null;
  const level = boundaryLevel(region.level);
  if (!level || !mapGeometry().area(level, region.gb_code)) return null;
  return level;
}

/** The rows the map draws and the ones it cannot, one per region in the chart's order (the first row of each region). */
export function placeRows(rows: ComparisonRow[], locale: Locale, regions: ComparisonMapOptions['regions']) {
  const index = regionIndex(regions);
  const seen = new Set<string>();
  const shown: PlacedRow[] = [];
  const notShown: { row: ComparisonRow; name: string }[] = [];
  for (const row of rows) {
    if (seen.has(row.regionId) || !Number.isFinite(row.value)) continue;
    seen.add(row.regionId);
    const region = index.get(row.regionId);
    const name = region ? localized(region, 'name', locale) : row.label;
    if (region && placeOf(region)) shown.push({ row, region, name, inferred: region.basis === 'inferred' });
    else notShown.push({ row, name });
  }
  return { shown, notShown };
}

/**
 * Class breaks at the quantiles of the values, so that each shade holds about as many regions; where one value
 * fills most quantiles (many regions at 100 %), equal steps between the least and the greatest instead.
 */
export function valueBreaks(values: number[], classes = VALUE_CLASSES.length): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const [min, max] = [sorted[0]!, sorted.at(-1)!];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    const q = sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / classes))]!;
    if (q > (breaks.at(-1) ?? -Infinity) && q > min) breaks.push(q);
  }
  if (breaks.length >= 2 || min === max) return breaks;
  return Array.from({ length: classes - 1 }, (_, i) => min + ((i + 1) * (max - min)) / classes);
}
const classOf = (v: number, breaks: number[]) => breaks.filter((b) => v >= b).length;

type KeyItem = { shape: PointShape | 'ring' | 'swatch'; fill: string; stroke: string; dashed?: boolean; text: string };

/** The key below the map: its items in rows that fit the width. */
function keyFooter(items: KeyItem[], width: number): { height: number; svg: string } {
  const size = 11;
  const units = (text: string) => Array.from(text).reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? size : size * 0.6), 0);
  let x = 8;
  let row = 0;
  const parts: string[] = [];
  for (const item of items) {
    const w = 18 + units(item.text) + 14;
    if (x + w > width - 4 && x > 8) [x, row] = [8, row + 1];
    const cy = 12 + row * 18;
    const symbol =
      item.shape === 'swatch'
        ? `<rect x="${x}" y="${cy - 5}" width="12" height="10" fill="${item.fill}" stroke="#888" stroke-width="0.5"/>`
        : item.shape === 'ring'
          ? `<path d="${shapePath('circle', x + 6, cy, 6)}" fill="none" stroke="${item.stroke}" stroke-width="1" stroke-dasharray="2 2"/>`
          : `<path d="${shapePath(item.shape, x + 6, cy, 4)}" fill="${item.fill}" stroke="${item.stroke}" stroke-width="${item.fill === '#fff' ? 1.6 : 0.8}"${item.dashed ? ' stroke-dasharray="2 1.5"' : ''}/>`;
    parts.push(`${symbol}<text x="${x + 18}" y="${cy + 4}" font-size="${size}" fill="#333">${item.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text>`);
    x += w;
  }
  return { height: 24 + row * 18, svg: parts.join('') };
}

/** The map of compared rows with what it drew; null when fewer than two regions can be placed. */
export function comparisonMapModel(rows: ComparisonRow[], locale: Locale, options: ComparisonMapOptions = {}): ComparisonMapModel | null {
  const s = t(locale).maps;
  const width = options.width ?? COMPARE_WIDTH;
  const { shown, notShown } = placeRows(rows, locale, options.regions);
  if (shown.length < 2 || (shown.length > LABELLED_UPTO && options.shaded === false)) return null;
  const sep = locale === 'zh-cn' ? '、' : ', ';
  const notShownText = notShown.length ? ` ${fill(s.compareNotShown, { n: notShown.length, names: notShown.map((n) => n.name).join(sep) })}` : '';
  const base = { width, id: options.id ?? 'compare-map', className: 'map-svg', insetLabel: s.insetLabel, title: options.title ?? s.compareTitle };
  const inferredText = (p: PlacedRow) => (p.inferred ? s.compareInferredSuffix : '');
  if (shown.length > LABELLED_UPTO) {
    const breaks = valueBreaks(shown.map((p) => p.row.value));
    const unit = shown[0]!.row.unitBase;
    const fmt = (v: number) => formatValue(v, unit, locale);
    const classText = (i: number) =>
      !breaks.length
        ? fmt(shown[0]!.row.value)
        : i === 0
          ? `< ${fmt(breaks[0]!)}`
          : i === breaks.length
            ? `≥ ${fmt(breaks[i - 1]!)}`
            : `${fmt(breaks[i - 1]!)}–${fmt(breaks[i]!)}`;
    const colours = VALUE_CLASSES.slice(VALUE_CLASSES.length - breaks.length - 1);
    // one path per class and level, prefectures under counties: far fewer bytes than a path per region
    const shades: ShadeMark[] = [];
    for (const level of ['provinces', 'prefectures', 'counties'] as const)
      colours.forEach((colour, i) => {
        for (const target of [false, true]) {
          const codes = shown
            .filter((p) => placeOf(p.region) === level && classOf(p.row.value, breaks) === i && isTarget(p.row) === target)
            .map((p) => p.region.gb_code);
          if (codes.length) shades.push({ level, codes, fill: colour, dashed: target });
        }
      });
    const footer = keyFooter(
      colours.map((c, i) => ({ shape: 'swatch' as const, fill: c, stroke: '#888', text: classText(i) })),
      width,
    );
    const svg = renderMap({
      ...base,
      description: `${fill(s.compareShadedDesc, { n: shown.length, k: colours.length })}${notShownText}`,
      shades,
      footer,
      // county polygons at national scale: fine enough to tell neighbours apart, coarse enough for the page
      detail: 1,
    }).svg;
    return { svg, mode: 'shaded', shown, notShown };
  }
  const scale = width / PHONE_WIDTH;
  const target = Math.ceil(TARGET_PX * Math.max(1, scale));
  const areas: AreaMark[] = shown
    .filter((p) => placeOf(p.region) === 'prefectures')
    .map((p) => ({ level: 'prefectures', code: p.region.gb_code, fill: AREA_TINT[p.row.kind], stroke: MAP_COLOURS[p.row.kind], dashed: isTarget(p.row) }));
  const points: PointMark[] = shown.map((p) => ({
    level: placeOf(p.region)!,
    code: p.region.gb_code,
    fill: MAP_COLOURS[p.row.kind],
    shape: p.row.kind === 'derived' ? 'square' : 'circle',
    hollow: isTarget(p.row),
    dashed: isTarget(p.row),
    ring: p.inferred,
    size: 4.5,
    title: `${p.row.title}${inferredText(p)}`,
    href: p.row.href,
    label: `${p.name} ${valueText(p.row, locale)}`,
    target,
  }));
  const kinds = new Set(shown.map((p) => p.row.kind));
  const items: KeyItem[] = [];
  if (kinds.has('actual')) items.push({ shape: 'circle', fill: MAP_COLOURS.actual, stroke: MAP_COLOURS.actual, text: s.compareKeyActual });
  if (kinds.has('target') || kinds.has('plan'))
    items.push({ shape: 'circle', fill: '#fff', stroke: MAP_COLOURS.target, dashed: true, text: s.compareKeyTarget });
  if (kinds.has('derived')) items.push({ shape: 'square', fill: MAP_COLOURS.derived, stroke: MAP_COLOURS.derived, text: s.compareKeyDerived });
  if (shown.some((p) => p.inferred)) items.push({ shape: 'ring', fill: 'none', stroke: '#333', text: s.compareKeyInferred });
  const map = renderMap({
    ...base,
    description: `${fill(s.compareDesc, { n: shown.length })}${notShownText}`,
    areas,
    points,
    footer: keyFooter(items, width),
  });
  // a region whose point could not be placed inside its polygon is not guessed elsewhere
  const drawn = new Set(map.points.map((p) => p.code));
  const placed = shown.filter((p) => drawn.has(p.region.gb_code));
  if (placed.length < 2) return null;
  return { svg: map.svg, mode: 'labelled', shown: placed, notShown: [...notShown, ...shown.filter((p) => !drawn.has(p.region.gb_code))] };
}

/** The map of a comparison as inline SVG, or null when fewer than two of its regions can be placed. */
export function comparisonMap(rows: ComparisonRow[], locale: Locale, options: ComparisonMapOptions = {}): string | null {
  return comparisonMapModel(rows, locale, options)?.svg ?? null;
}
