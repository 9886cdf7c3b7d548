import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/format.ts';
import { t } from '../../src/i18n/strings.ts';
import { mapGeometry } from '../../src/maps/geometry.ts';
import { LOCATOR_WIDTH, locator } from '../../src/maps/locator.ts';
import { chinaFrame } from '../../src/maps/projection.ts';
import { insidePolygon } from '../../src/maps/render.ts';
import type { Region } from '../../src/model/region.ts';
import { markCentre, parseSvg } from './svg-paths.ts';

const regions = Papa.parse<Region>(
  `region_id,name_zh,name_en,level,province_zh,province_en,gb_code,basis,evidence,reasoning_zh,reasoning_en
341221,临泉县,Linquan County,county,安徽省,Anhui,341221,inferred,临化中学,据校名推断,Inferred from school names
370303,张店区,"Zhangdian District, Zibo",district,山东省,Shandong,370303,explicit,张店区教育和体育局,标题写明,The title names it
441700,阳江市,Yangjiang,city,广东省,Guangdong,441700,inferred,阳东区,据地名推断,Inferred from place names
341299,某县,Some county,county,安徽省,Anhui,341299,inferred,某县,代码不在边界数据中,A code the boundaries lack
anon-city-003-b,未具名地级市（四川省，003篇b）,"Unnamed prefecture-level city, Sichuan (003 part b)",city,四川省,Sichuan,,unknown,市委,只知省份,Only the province is known
anon-county-003-c,未具名县（003篇c）,Unnamed county (003 part c),county,,,,unknown,全县,一无所知,Nothing is known`,
  { header: true, skipEmptyLines: true },
).data;
const region = (id: string) => regions.find((r) => r.region_id === id)!;
const { main } = chinaFrame(LOCATOR_WIDTH);
/** Is the drawn mark's centre inside the region's polygon, as the main frame projects it? */
const insideOwnPolygon = (d: string, level: 'counties' | 'prefectures', code: string) => {
  const area = mapGeometry().area(level, code)!;
  const rings = area.geometry.coordinates.map((poly) => poly.map((ring) => ring.map((p) => main(p as [number, number])!)));
  return rings.some((r) => insidePolygon(markCentre(d), r));
};
/** The region's own marks: its point, and its area when drawn (the province is shaded without a title). */
const marks = (svg: string) => [...parseSvg(svg).querySelectorAll('path[data-mark]')].filter((p) => p.querySelector('title'));

describe('the locator of a region page', () => {
  it('shades the province and marks an inferred county by a hollow point inside the county', () => {
    const { map, marked, caption } = locator(region('341221'), 'zh-cn');
    expect(marked).toBe('point');
    const [mark] = marks(map!.svg);
    expect(mark!.getAttribute('fill')).toBe('#fff');
    expect(insideOwnPolygon(mark!.getAttribute('d')!, 'counties', '341221')).toBe(true);
    expect(map!.svg).toContain('fill="#c6dbef"');
    expect(caption).toContain('本站据原文推断');
  });

  it('marks a region named in its text by a solid point', () => {
    const { map } = locator(region('370303'), 'en');
    const [mark] = marks(map!.svg);
    expect(mark!.getAttribute('fill')).toBe('#1f4e79');
    expect(insideOwnPolygon(mark!.getAttribute('d')!, 'counties', '370303')).toBe(true);
  });

  it('draws a prefecture-level city’s own area, with its point inside it', () => {
    const { map, marked } = locator(region('441700'), 'zh-cn');
    expect(marked).toBe('area');
    const [area, point] = marks(map!.svg);
    expect(area!.querySelector('title')!.textContent).toBe('阳江市');
    expect(insideOwnPolygon(point!.getAttribute('d')!, 'prefectures', '441700')).toBe(true);
  });

  it('shows only the province of an anonymised city whose place is unknown, and no point', () => {
    const { map, marked, caption } = locator(region('anon-city-003-b'), 'zh-cn');
    expect(marked).toBe('province');
    expect(map!.points).toEqual([]);
    expect(marks(map!.svg)).toEqual([]);
    expect(map!.svg).toContain('fill="#c6dbef"');
    expect(caption).toContain('四川省');
  });

  it('draws no map at all for a region of which nothing is known, and says why', () => {
    const { map, marked, caption } = locator(region('anon-county-003-c'), 'en');
    expect([map, marked]).toEqual([null, 'none']);
    expect(caption).toContain('no locator map');
  });

  it('falls back to the province when the code is not in the boundaries, rather than guess a point', () => {
    const { map, marked } = locator(region('341299'), 'zh-cn');
    expect(marked).toBe('province');
    expect(map!.points).toEqual([]);
  });

  for (const locale of ['zh-cn', 'en'] as Locale[])
    it(`weighs at most 5 KB gzipped with its caption and credit (${locale})`, () => {
      for (const r of regions) {
        const { map, caption } = locator(r, locale);
        const html = `<figure class="map locator">${map?.svg ?? ''}<figcaption>${caption} <span>${t(locale).maps.credit}</span></figcaption></figure>`;
        expect(gzipSync(html).length, r.region_id).toBeLessThanOrEqual(5 * 1024);
      }
    });
});
