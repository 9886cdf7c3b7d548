import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  LIST_THRESHOLD,
  PAGE_SIZE,
  UNIDENTIFIED,
  compareRegions,
  groupByProvince,
  isGrouped,
  paginate,
  provinceCode,
  provincePages,
} from '../../src/site/listing.ts';

const region = (gb_code: string, province_zh = '', province_en = '', region_id = gb_code || `anon-${province_en || 'x'}`) => ({
  region_id,
  gb_code,
  province_zh,
  province_en,
});

describe('provinceCode', () => {
  it('takes the first two digits of the GB/T 2260 code', () => {
    expect(provinceCode(region('340826', '安徽省', 'Anhui'))).toBe('340000');
    expect(provinceCode(region('110101'))).toBe('110000');
  });
  it('falls back to the province the record names, in either language', () => {
    expect(provinceCode(region('', '四川省', 'Sichuan'))).toBe('510000');
    expect(provinceCode(region('', '', 'inner mongolia'))).toBe('150000');
  });
  it('puts a region with neither code nor known province in the unidentified group', () => {
    expect(provinceCode(region('', '', ''))).toBe(UNIDENTIFIED);
    expect(provinceCode(region('', '某省', 'Somewhere'))).toBe(UNIDENTIFIED);
    expect(provinceCode(undefined)).toBe(UNIDENTIFIED);
  });
});

describe('isGrouped', () => {
  it('keeps one list up to the threshold and groups above it', () => {
    expect(isGrouped(11)).toBe(false);
    expect(isGrouped(LIST_THRESHOLD)).toBe(false);
    expect(isGrouped(LIST_THRESHOLD + 1)).toBe(true);
  });
});

describe('groupByProvince', () => {
  it('orders provinces by code, the unidentified group last, and keeps the order of items', () => {
    const items = [region('', '', ''), region('440304'), region('341221'), region('', '四川省', 'Sichuan'), region('340826'), region('510500')];
    const groups = groupByProvince(items, (r) => r);
    expect(groups.map((g) => g.code)).toEqual(['340000', '440000', '510000', UNIDENTIFIED]);
    expect(groups[0]!.items.map((r) => r.gb_code)).toEqual(['341221', '340826']);
    expect(groups[2]!.items.map((r) => r.region_id)).toEqual(['anon-Sichuan', '510500']);
    expect(groups[0]).toMatchObject({ name_zh: '安徽省', name_en: 'Anhui' });
    expect(groups[3]).toMatchObject({ name_zh: '', name_en: '' });
  });
  it('names a province outside the table after its regions', () => {
    const [group] = groupByProvince([region('990101', '', ''), region('990102', '某地', 'Somewhere')], (r) => r);
    expect(group).toMatchObject({ code: '990000', name_zh: '某地', name_en: 'Somewhere' });
  });
  it('loses no item and puts each in exactly one group', () => {
    const code = fc.oneof(fc.constant(''), fc.stringMatching(/^[1-6][0-9]{5}$/));
    fc.assert(
      fc.property(fc.array(code, { maxLength: 300 }), (codes) => {
        const items = codes.map((c, i) => ({ ...region(c), region_id: `r${i}` }));
        const groups = groupByProvince(items, (r) => r);
        expect(groups.flatMap((g) => g.items).sort((a, b) => (a.region_id < b.region_id ? -1 : 1))).toEqual(
          [...items].sort((a, b) => (a.region_id < b.region_id ? -1 : 1)),
        );
        expect(new Set(groups.map((g) => g.code)).size).toBe(groups.length);
        for (const g of groups) for (const r of g.items) expect(provinceCode(r)).toBe(g.code);
      }),
    );
  });
});

describe('paginate and provincePages', () => {
  it('splits into pages of the given size, the last one shorter, and always gives one page', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([1, 2], 2)).toEqual([[1, 2]]);
    expect(paginate([], 2)).toEqual([[]]);
    expect(() => paginate([1], 0)).toThrow(RangeError);
    expect(paginate(Array.from({ length: PAGE_SIZE + 1 }, (_, i) => i)).map((p) => p.length)).toEqual([PAGE_SIZE, 1]);
  });
  it('numbers every page of every province and bounds its length', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { maxLength: 12 }), fc.integer({ min: 1, max: 9 }), (sizes, size) => {
        const groups = sizes.map((n, i) => ({ code: `${10 + i}0000`, name_zh: '', name_en: '', items: Array.from({ length: n }, (_, j) => j) }));
        const pages = provincePages(groups, size);
        for (const g of groups) {
          const own = pages.filter((p) => p.code === g.code);
          expect(own.map((p) => p.page)).toEqual(own.map((_, i) => i + 1));
          expect(own.every((p) => p.pages === own.length && p.total === g.items.length && p.items.length <= size)).toBe(true);
          expect(own.flatMap((p) => p.items)).toEqual(g.items);
        }
      }),
    );
  });
});

describe('compareRegions', () => {
  it('orders by code, regions without one after, by id', () => {
    const sorted = [region('', '', '', 'b'), region('440304'), region('', '', '', 'a'), region('340826')].sort(compareRegions);
    expect(sorted.map((r) => r.region_id)).toEqual(['340826', '440304', 'a', 'b']);
  });
});
