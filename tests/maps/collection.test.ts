import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { COLLECTION_WIDTH, LEVEL_MARKS, collectionMap, type CollectionRegion } from '../../src/maps/collection.ts';
import { mapGeometry } from '../../src/maps/geometry.ts';
import { chinaFrame } from '../../src/maps/projection.ts';
import { insidePolygon } from '../../src/maps/render.ts';
import type { Region } from '../../src/model/region.ts';
import { LIST_THRESHOLD } from '../../src/site/listing.ts';
import { markCentre, parseSvg } from './svg-paths.ts';

const regions = Papa.parse<Region>(
  `region_id,name_zh,name_en,level,province_zh,province_en,gb_code,basis,evidence,reasoning_zh,reasoning_en
370303,张店区,"Zhangdian District, Zibo",district,山东省,Shandong,370303,explicit,张店区,标题写明,The title names it
441700,阳江市,Yangjiang,city,广东省,Guangdong,441700,inferred,阳东区,据地名推断,Inferred from place names
350582,晋江市,Jinjiang,county_city,福建省,Fujian,350582,inferred,晋江,据地名推断,Inferred
341221,临泉县,Linquan County,county,安徽省,Anhui,341221,inferred,临化中学,据校名推断,Inferred
anon-city-003-b,未具名地级市（四川省，003篇b）,"Unnamed prefecture-level city, Sichuan (003 part b)",city,四川省,Sichuan,,unknown,市委,只知省份,Only the province is known
440304,福田区,"Futian District, Shenzhen",district,广东省,Guangdong,440304,inferred,皇岗学校,据校名推断,Inferred`,
  { header: true, skipEmptyLines: true },
).data;
const years: Record<string, (number | null)[]> = { '370303': [2019], '441700': [2022], '350582': [2015], '341221': [2022, null], 'anon-city-003-b': [2010] };
const entries: CollectionRegion[] = regions.map((region) => ({ region, years: years[region.region_id] ?? [], href: `/regions/${region.region_id}/` }));

describe('the map of the collection', () => {
  const { map, key, notShown, mode } = collectionMap(entries, 'zh-cn', (code) => `/regions/p/${code}/`);
  const marks = [...parseSvg(map.svg).querySelectorAll('a')];

  it('marks every region with a report and a known place, linked to its page; one without a report is left off', () => {
    expect(mode).toBe('points');
    expect(marks.map((a) => a.getAttribute('href')).sort()).toEqual(['/regions/341221/', '/regions/350582/', '/regions/370303/', '/regions/441700/']);
    expect(key.map((k) => k.name)).not.toContain('福田区');
  });

  it('numbers the marks north to south and gives each its level and report years', () => {
    expect(key.map((k) => [k.n, k.name, k.years])).toEqual([
      [1, '张店区', '2019'],
      [2, '临泉县', '2022、年份不明'],
      [3, '晋江市', '2015'],
      [4, '阳江市', '2022'],
    ]);
    expect(marks.map((a) => a.querySelector('text')!.textContent)).toEqual(['1', '2', '3', '4']);
  });

  it('tells the levels apart by shape and colour, and draws inferred regions hollow', () => {
    const byHref = (id: string) => marks.find((a) => a.getAttribute('href') === `/regions/${id}/`)!.querySelector('path[data-mark="point"]')!;
    expect(byHref('370303').getAttribute('fill')).toBe(LEVEL_MARKS.district!.colour);
    expect(byHref('441700').getAttribute('fill')).toBe('#fff');
    expect(byHref('441700').getAttribute('stroke')).toBe(LEVEL_MARKS.city!.colour);
    expect(new Set(Object.values(LEVEL_MARKS).map((m) => m.shape)).size).toBe(4);
  });

  it('puts each mark inside its own region and lists the region of unknown place instead of guessing it', () => {
    const { main } = chinaFrame(COLLECTION_WIDTH);
    for (const a of marks) {
      const code = a.getAttribute('href')!.split('/')[2]!;
      const level = code === '441700' ? 'prefectures' : 'counties';
      const rings = mapGeometry()
        .area(level, code)!
        .geometry.coordinates.map((p) => p.map((r) => r.map((q) => main(q as [number, number])!)));
      expect(
        rings.some((r) => insidePolygon(markCentre(a.querySelector('path[data-mark="point"]')!.getAttribute('d')!), r)),
        code,
      ).toBe(true);
    }
    expect(notShown.map((k) => k.name)).toEqual(['未具名地级市（四川省，003篇b）']);
  });

  it(`shades provinces by their number of regions, linked to their listings, above ${LIST_THRESHOLD} regions`, () => {
    const many = mapGeometry()
      .areas('counties')
      .slice(0, LIST_THRESHOLD + 1)
      .map((f) => ({
        region: { ...regions[3]!, region_id: f.properties.code, gb_code: f.properties.code, basis: 'explicit' as const },
        years: [2020],
        href: `/regions/${f.properties.code}/`,
      }));
    const big = collectionMap(many, 'en', (code) => `/regions/p/${code}/`);
    expect(big.mode).toBe('provinces');
    expect(big.map.points).toEqual([]);
    const links = [...parseSvg(big.map.svg).querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((h) => /^\/regions\/p\/\d{6}\/$/.test(h!))).toBe(true);
  });
});
