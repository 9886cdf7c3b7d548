// The map of the collection: every region with a report, marked by its level (shape and colour), hollow when the
// site inferred it, numbered north to south and keyed to a list with its report years. Above LIST_THRESHOLD
// regions the points would bury each other and the page: the map shades each province by how many regions report
// there instead, each province linked to its listing.
import type { Locale } from '../i18n/format.ts';
import { localized } from '../i18n/locale.ts';
import { fill, t } from '../i18n/strings.ts';
import type { Region } from '../model/region.ts';
import { LIST_THRESHOLD } from '../site/listing.ts';
import { boundaryLevel, mapGeometry } from './geometry.ts';
import { provinceCodeOf } from './locator.ts';
import { renderMap, type AreaMark, type PointShape, type RenderedMap } from './render.ts';

export const COLLECTION_WIDTH = 420;
/** Okabe–Ito colours, told apart with every common colour-vision deficiency, and a shape each besides. */
export const LEVEL_MARKS: Record<string, { shape: PointShape; colour: string }> = {
  city: { shape: 'square', colour: '#0072b2' },
  county_city: { shape: 'diamond', colour: '#009e73' },
  county: { shape: 'circle', colour: '#d55e00' },
  district: { shape: 'triangle', colour: '#cc79a7' },
};
/** Sequential blues for provinces by count, light to dark (ColorBrewer Blues, colour-blind safe). */
const COUNT_CLASSES = ['#deebf7', '#9ecae1', '#4292c6', '#08519c'];

export type CollectionRegion = { region: Region; years: (number | null)[]; href: string };
export type KeyEntry = { n: number; name: string; level: string; years: string; href: string; inferred: boolean; colour: string; shape: PointShape };
export type CollectionMap = { map: RenderedMap; key: KeyEntry[]; notShown: KeyEntry[]; mode: 'points' | 'provinces' };

const yearsText = (years: (number | null)[], locale: Locale) => {
  const known = [...new Set(years.filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const unknown = years.some((y) => y === null) ? [t(locale).maps.yearsUnknown] : [];
  return [...known.map(String), ...unknown].join(locale === 'zh-cn' ? '、' : ', ');
};

export function collectionMap(entries: CollectionRegion[], locale: Locale, provinceHref: (code: string) => string, width = COLLECTION_WIDTH): CollectionMap {
  const s = t(locale);
  const reporting = entries.filter((e) => e.years.length);
  const base = { width, id: 'collection-map', className: 'map-svg', insetLabel: s.maps.insetLabel, title: s.maps.collectionTitle };
  if (reporting.length > LIST_THRESHOLD) {
    const counts = new Map<string, number>();
    const names = new Map<string, string>();
    for (const e of reporting) {
      const code = provinceCodeOf(e.region);
      if (!code) continue;
      counts.set(code, (counts.get(code) ?? 0) + 1);
      names.set(code, localized(e.region, 'province', locale));
    }
    const max = Math.max(...counts.values());
    const areas: AreaMark[] = [...counts].map(([code, n]) => ({
      level: 'provinces',
      code,
      fill: COUNT_CLASSES[Math.min(COUNT_CLASSES.length - 1, Math.floor((n / (max + 1)) * COUNT_CLASSES.length))]!,
      stroke: '#fff',
      title: `${names.get(code)}${locale === 'zh-cn' ? '：' : ': '}${n}`,
      href: provinceHref(code),
    }));
    const map = renderMap({ ...base, description: fill(s.maps.collectionDesc, { n: reporting.length }), areas });
    return { map, key: [], notShown: [], mode: 'provinces' };
  }
  const located = reporting.map((e) => {
    const level = boundaryLevel(e.region.level);
    const known = e.region.basis !== 'unknown' && level !== null && e.region.gb_code !== '' && mapGeometry().area(level, e.region.gb_code) !== undefined;
    const mark = LEVEL_MARKS[e.region.level] ?? LEVEL_MARKS.county!;
    const entry = {
      n: 0,
      name: localized(e.region, 'name', locale),
      level: s.levels[e.region.level],
      years: yearsText(e.years, locale),
      href: e.href,
      inferred: e.region.basis === 'inferred',
      colour: mark.colour,
      shape: mark.shape,
    };
    return { e, level, known, entry };
  });
  // a trial render gives each place's point; the numbers then run north to south
  const trial = renderMap({
    ...base,
    points: located.filter((l) => l.known).map((l) => ({ level: l.level!, code: l.e.region.gb_code, fill: '#000', title: '' })),
  });
  const y = new Map(trial.points.map((p) => [p.code, p.y]));
  const onMap = located.filter((l) => l.known && y.has(l.e.region.gb_code)).sort((a, b) => y.get(a.e.region.gb_code)! - y.get(b.e.region.gb_code)!);
  onMap.forEach((l, i) => (l.entry.n = i + 1));
  const map = renderMap({
    ...base,
    description: `${fill(s.maps.collectionDesc, { n: reporting.length })} ${onMap
      .map((l) =>
        locale === 'zh-cn'
          ? `${l.entry.n} ${l.entry.name}（${l.entry.level}，${l.entry.years}）`
          : `${l.entry.n} ${l.entry.name} (${l.entry.level}, ${l.entry.years})`,
      )
      .join(locale === 'zh-cn' ? '；' : '; ')}`,
    points: onMap.map((l) => ({
      level: l.level!,
      code: l.e.region.gb_code,
      fill: l.entry.colour,
      shape: l.entry.shape,
      hollow: l.entry.inferred,
      size: 4.5,
      title: `${l.entry.n} ${l.entry.name} · ${l.entry.level} · ${l.entry.years}`,
      href: l.entry.href,
      label: String(l.entry.n),
    })),
  });
  const notShown = located.filter((l) => !onMap.includes(l)).map((l) => l.entry);
  return { map, key: onMap.map((l) => l.entry), notShown, mode: 'points' };
}
