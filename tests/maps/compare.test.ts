import { geoArea } from 'd3';
import { describe, expect, it } from 'vitest';
import type { ComparisonRow } from '../../src/charts/comparison.ts';
import { COMPARE_WIDTH, LABELLED_UPTO, VALUE_CLASSES, comparisonMap, comparisonMapModel, valueBreaks } from '../../src/maps/compare.ts';
import { mapGeometry } from '../../src/maps/geometry.ts';
import { chinaFrame } from '../../src/maps/projection.ts';
import { insidePolygon, poleOf } from '../../src/maps/render.ts';
import type { Region } from '../../src/model/region.ts';
import { insidePath, markCentre, parseSvg, subpaths, type Pt } from './svg-paths.ts';

const region = (region_id: string, name_zh: string, name_en: string, level: Region['level'], basis: Region['basis'], gb_code = region_id): Region => ({
  region_id,
  name_zh,
  name_en,
  level,
  province_zh: '',
  province_en: '',
  gb_code,
  basis,
  evidence: basis === 'inferred' ? '据校名' : '',
  reasoning_zh: '',
  reasoning_en: '',
});
const regions = [
  region('341221', '临泉县', 'Linquan County', 'county', 'inferred'),
  region('370303', '张店区', 'Zhangdian District', 'district', 'explicit'),
  region('441700', '阳江市', 'Yangjiang', 'city', 'explicit'),
  region('350206', '湖里区', 'Huli District', 'district', 'explicit'),
  region('anon-county-003-c', '未具名县（003篇c）', 'Unnamed county (003 part c)', 'county', 'unknown', ''),
];
const row = (regionId: string, value: number, kind: ComparisonRow['kind'] = 'actual', extra: Partial<ComparisonRow> = {}): ComparisonRow => ({
  observationId: `obs-${regionId}-${kind}`,
  label: `${regionId} · 2023`,
  value,
  unitBase: '%',
  kind,
  qualifier: '',
  flagged: false,
  href: `/metrics/m/#obs-${regionId}-${kind}`,
  title: `${regionId} ${value}%`,
  national: null,
  regionId,
  year: 2023,
  wholeRegion: true,
  ...extra,
});
const links = (svg: string) => [...parseSvg(svg).querySelectorAll('a')];
const markOf = (a: Element) => a.querySelector('path[data-mark="point"]')!;
const { main } = chinaFrame(COMPARE_WIDTH);
const insideOwnPolygon = (p: Pt, level: 'counties' | 'prefectures', code: string) =>
  mapGeometry()
    .area(level, code)!
    .geometry.coordinates.map((poly) => poly.map((ring) => ring.map((q) => main(q as [number, number])!)))
    .some((rings) => insidePolygon(p, rings));

describe('the map of a comparison', () => {
  const rows = [row('370303', 93.5), row('341221', 90.7, 'target'), row('441700', 95.6, 'derived'), row('350206', 91.4), row('anon-county-003-c', 88)];

  it('is drawn only when at least two compared regions can be placed', () => {
    expect(comparisonMap([row('370303', 1), row('anon-county-003-c', 2)], 'zh-cn', { regions })).toBeNull();
    // two rows of one region are one region
    expect(comparisonMap([row('370303', 1), row('370303', 2, 'target')], 'zh-cn', { regions })).toBeNull();
    expect(comparisonMap([row('370303', 1), row('341221', 2)], 'zh-cn', { regions })).not.toBeNull();
  });

  it('links each mark to its row, in the chart’s row order, in the chart’s colours', () => {
    const svg = comparisonMap(rows, 'zh-cn', { regions })!;
    const a = links(svg);
    expect(a.map((l) => l.getAttribute('href'))).toEqual(rows.slice(0, 4).map((r) => r.href));
    const [actual, target, derived] = a.map(markOf);
    expect(actual!.getAttribute('fill')).toBe('#1f4e79');
    expect(target!.getAttribute('fill'), 'a target is hollow').toBe('#fff');
    expect(target!.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(derived!.getAttribute('fill'), 'a computed value is grey').toBe('#6b6b6b');
    // derived values are squares, as on the chart: told apart without colour
    expect(derived!.getAttribute('d')).toMatch(/h[\d.]+v[\d.]+h-/);
    expect(actual!.getAttribute('d')).toContain('a');
  });

  it('labels each mark with the region’s name and value in the page’s language', () => {
    const zh = links(comparisonMap(rows, 'zh-cn', { regions })!).map((l) => l.querySelector('text')!.textContent);
    expect(zh).toEqual(['张店区 93.5%', '临泉县 90.7%（目标）', '阳江市 95.6%', '湖里区 91.4%']);
    const enSvg = comparisonMap(rows, 'en', { regions })!;
    const en = links(enSvg).map((l) => l.querySelector('text')!.textContent);
    expect(en).toEqual(['Zhangdian District 93.5%', 'Linquan County 90.7% (target)', 'Yangjiang 95.6%', 'Huli District 91.4%']);
    const doc = parseSvg(enSvg);
    expect(doc.querySelector('title')!.textContent).toBe('Where the compared regions are, with their values');
    // every visible word of the English map is English
    expect([...doc.querySelectorAll('text, title, desc')].map((n) => n.textContent).join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('marks the regions the site inferred, and only those', () => {
    const a = links(comparisonMap(rows, 'en', { regions })!);
    expect(a.map((l) => l.querySelector('[data-ring="inferred"]') !== null)).toEqual([false, true, false, false]);
    expect(markOf(a[1]!).querySelector('title')!.textContent).toContain('inferred');
  });

  it('draws no point for a place that is not known, and names it in the description', () => {
    const model = comparisonMapModel(rows, 'zh-cn', { regions })!;
    expect(model.shown.map((p) => p.row.regionId)).not.toContain('anon-county-003-c');
    expect(parseSvg(model.svg).querySelectorAll('path[data-mark="point"]').length).toBe(4);
    expect(parseSvg(model.svg).querySelector('desc')!.textContent).toContain('未具名县（003篇c）');
    // a region not in the dataset is not placed by a code-like id either
    const stray = comparisonMapModel([...rows, row('440304', 1)], 'zh-cn', { regions })!;
    expect(stray.notShown.map((n) => n.row.regionId)).toContain('440304');
  });

  it('places each point inside its own region’s polygon', () => {
    const a = links(comparisonMap(rows, 'zh-cn', { regions })!);
    const levels = { '370303': 'counties', '341221': 'counties', '441700': 'prefectures', '350206': 'counties' } as const;
    rows.slice(0, 4).forEach((r, i) => {
      expect(insideOwnPolygon(markCentre(markOf(a[i]!).getAttribute('d')!), levels[r.regionId as keyof typeof levels], r.regionId), r.regionId).toBe(true);
    });
  });

  it('gives every link a target at least 24 px square on a phone 358 px wide', () => {
    const k = 358 / COMPARE_WIDTH;
    for (const a of links(comparisonMap(rows, 'zh-cn', { regions })!)) {
      const box = a.querySelector('rect[data-target]')!;
      expect(Number(box.getAttribute('width')) * k).toBeGreaterThanOrEqual(24);
      expect(Number(box.getAttribute('height')) * k).toBeGreaterThanOrEqual(24);
    }
  });

  it('holds Taiwan and the 南海诸岛 inset, and no filled path covers the frame’s corners', () => {
    const svg = parseSvg(comparisonMap(rows, 'zh-cn', { regions })!);
    const land = svg.querySelector('[data-layer="main"] [data-layer="land"]')!.getAttribute('d')!;
    expect(insidePath(main([120.95, 23.75]) as Pt, land), 'Taiwan').toBe(true);
    expect(svg.querySelector('[data-layer="inset"] text')!.textContent).toBe('南海诸岛');
    expect(subpaths(svg.querySelector('[data-layer="inset"] [data-layer="lines"]')!.getAttribute('d')!).length).toBeGreaterThanOrEqual(9);
    const filled = [...svg.querySelectorAll('path')].filter((p) => !['none', null].includes(p.getAttribute('fill'))).map((p) => p.getAttribute('d')!);
    for (const corner of [
      [1, 1],
      [COMPARE_WIDTH - 1, 1],
    ] as Pt[])
      for (const d of filled) expect(insidePath(corner, d)).toBe(false);
  });
});

describe('the map of a comparison of many regions', () => {
  const counties = mapGeometry()
    .areas('counties')
    // counties large enough on this map that its simplified outlines keep each one's inner point its own
    .filter((f) => geoArea(f) * main.scale() ** 2 > 20)
    .slice(0, LABELLED_UPTO + 8);
  const many = counties.map((f) => region(f.properties.code, f.properties.name, f.properties.name, 'county', 'explicit'));
  const rows = many.map((r, i) => row(r.region_id, i + 1));

  it('shades each region’s own polygon by value instead of labelling points', () => {
    const model = comparisonMapModel(rows, 'zh-cn', { regions: many })!;
    expect(model.mode).toBe('shaded');
    const svg = parseSvg(model.svg);
    expect(svg.querySelectorAll('path[data-mark="point"]').length).toBe(0);
    const shades = [...svg.querySelectorAll('[data-layer="main"] path[data-mark="shade"]')];
    expect(shades.length).toBeGreaterThanOrEqual(3);
    // each region's inner point lies in the shade of its value's class, and the lowest and highest differ
    const shadeAt = (code: string) => {
      const at = poleOf(mapGeometry().area('counties', code)!, main)!;
      return shades.filter((p) => insidePath(at, p.getAttribute('d')!)).map((p) => p.getAttribute('fill'));
    };
    const fills = rows.map((r) => shadeAt(r.regionId));
    for (const f of fills) expect(f).toHaveLength(1);
    expect(fills[0]).not.toEqual(fills.at(-1));
    // values rise with the rows here: the classes never get lighter
    const order = shades.map((p) => p.getAttribute('fill'));
    const ranks = fills.map((f) => VALUE_CLASSES.indexOf(f[0]!));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(order.length).toBeGreaterThan(0);
    // the key names each class
    expect(svg.querySelectorAll('[data-layer="footer"] rect').length).toBe(new Set(fills.flat()).size);
  });

  it('is left to the metric’s own page where a page of many charts asks for no choropleth, and labelled maps stay', () => {
    expect(comparisonMapModel(rows, 'zh-cn', { regions: many, shaded: false })).toBeNull();
    const few = rows.slice(0, LABELLED_UPTO);
    expect(comparisonMapModel(few, 'zh-cn', { regions: many, shaded: false })?.mode).toBe('labelled');
  });

  it('gives every region one shade when all values are equal, and steps evenly when one value fills most of them', () => {
    const same = comparisonMapModel(
      many.map((r) => row(r.region_id, 100)),
      'en',
      { regions: many },
    )!;
    const key = [...parseSvg(same.svg).querySelectorAll('[data-layer="footer"] text')].map((t) => t.textContent);
    expect(key).toEqual(['100%']);
    expect(valueBreaks([1, 1, 1, 1, 1, 1, 1, 1, 5, 9])).toEqual([2.6, 4.2, 5.8, 7.4]);
  });
});
