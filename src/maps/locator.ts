// The locator of a region page: China with the region's province shaded and the region marked — its area for a
// prefecture-level city, a point for a county-level place, which is a few pixels wide at this scale. It shows only
// what is known: an inferred region is drawn hollow (a dashed outline for an area), a region whose place is
// unknown gets its province only, or no map at all.
import type { Locale } from '../i18n/format.ts';
import { localized } from '../i18n/locale.ts';
import { fill, t } from '../i18n/strings.ts';
import type { Region } from '../model/region.ts';
import { boundaryLevel, mapGeometry, provinceOf } from './geometry.ts';
import { renderMap, type AreaMark, type PointMark, type RenderedMap } from './render.ts';

export const LOCATOR_WIDTH = 340;
export const INK = '#1f4e79';
const PROVINCE_FILL = '#c6dbef';

export type Locator = { map: RenderedMap | null; caption: string; marked: 'area' | 'point' | 'province' | 'none' };

/** The province's code: from the region's GB/T 2260 code, or by its name when only the province is known. */
export function provinceCodeOf(region: Pick<Region, 'gb_code' | 'province_zh'>): string {
  if (region.gb_code) return provinceOf(region.gb_code);
  if (!region.province_zh) return '';
  return (
    mapGeometry()
      .areas('provinces')
      .find((f) => f.properties.name === region.province_zh)?.properties.code ?? ''
  );
}

export function locator(region: Region, locale: Locale): Locator {
  const s = t(locale).maps;
  const name = localized(region, 'name', locale);
  const province = localized(region, 'province', locale);
  const provinceCode = provinceCodeOf(region);
  const level = boundaryLevel(region.level);
  const known = region.basis !== 'unknown' && region.gb_code !== '' && level !== null && mapGeometry().area(level, region.gb_code) !== undefined;
  const inferred = region.basis === 'inferred';
  if (!known && !provinceCode) return { map: null, caption: fill(s.locatorNothing, { name }), marked: 'none' };
  const areas: AreaMark[] = provinceCode ? [{ level: 'provinces', code: provinceCode, fill: PROVINCE_FILL, stroke: INK }] : [];
  const points: PointMark[] = [];
  let marked: Locator['marked'] = 'province';
  if (known && level) {
    // a prefecture-level city is large enough to draw; every region also gets its point, hollow when inferred
    if (level === 'prefectures') areas.push({ level, code: region.gb_code, fill: INK, stroke: INK, title: name });
    points.push({ level, code: region.gb_code, fill: INK, hollow: inferred, title: name, size: 4.5, label: name });
    marked = level === 'prefectures' ? 'area' : 'point';
  }
  const unit = region.level === 'city' ? s.unitCity : s.unitCounty;
  const caption =
    marked === 'province'
      ? fill(s.locatorProvinceOnly, { name, province, unit })
      : `${fill(marked === 'area' ? s.locatorArea : s.locatorPoint, { name, province })}${inferred ? ` ${s.locatorInferred}` : ''}`.replace(/。 /g, '。');
  const map = renderMap({
    width: LOCATOR_WIDTH,
    id: `locator-${region.region_id}`,
    className: 'map-svg',
    title: fill(s.locatorTitle, { name }),
    description: caption,
    insetLabel: s.insetLabel,
    areas,
    points,
    // a locator is a few centimetres wide: coarser outlines keep it within its 5 KB
    detail: 2,
  });
  // a county-level point that could not be placed inside its polygon is not guessed elsewhere
  if (marked !== 'province' && !map.points.length) return { map, caption: fill(s.locatorProvinceOnly, { name, province, unit }), marked: 'province' };
  return { map, caption, marked };
}
