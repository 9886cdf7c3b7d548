import { describe, expect, it } from 'vitest';
import {
  EMPTY_STATE,
  exploreQuery,
  facetCounts,
  fullRegionName,
  matchesSearch,
  matchingRows,
  parseExploreState,
  regionsByCode,
  sortRows,
  type Dictionary,
  type ExploreRegion,
  type FilterColumns,
} from '../../src/site/explore.ts';

const region = (region_id: string, name_zh: string, name_en: string, province_zh: string, province_en: string): ExploreRegion => ({
  region_id,
  name_zh,
  name_en,
  province_zh,
  province_en,
  gb_code: /^\d{6}$/.test(region_id) ? region_id : '',
});
const dict: Dictionary = {
  regions: new Map(
    [
      region('330100', '杭州市', 'Hangzhou', '浙江省', 'Zhejiang'),
      region('330106', '西湖区', 'Xihu District', '浙江省', 'Zhejiang'),
      region('340826', '宿松县', 'Susong County', '安徽省', 'Anhui'),
      region('anon-county-003-c', '未具名县（003篇c）', 'Unnamed county (003 part c)', '', ''),
    ].map((r) => [r.region_id, r]),
  ),
  metrics: new Map(
    [
      { metric_id: 'preschool_gross_enrolment_rate', topic: 'access', name_zh: '学前三年毛入园率', name_en: 'Preschool gross enrolment rate', unit_base: '%' },
      { metric_id: 'new_school_places', topic: 'places', name_zh: '新增学位数', name_en: 'School places added', unit_base: 'count' },
    ].map((m) => [m.metric_id, m]),
  ),
};
// six observations, in the file's order
const columns: FilterColumns = {
  region_id: ['330100', '330106', '340826', '340826', 'anon-county-003-c', '330100'],
  metric_id: [
    'preschool_gross_enrolment_rate',
    'new_school_places',
    'preschool_gross_enrolment_rate',
    'new_school_places',
    'new_school_places',
    'new_school_places',
  ],
  year: [2022, 2021, 2022, null, 2020, 2022],
  kind: ['actual', 'actual', 'target', 'actual', 'actual', 'plan'],
  flags: [null, 'region_inferred', 'ambiguous_scope;year_inferred', null, null, null],
};
const rows = (search: string) => matchingRows(columns, parseExploreState(search), dict);

describe('the explorer address', () => {
  it('reads filters, sort and page, and writes them back without the defaults', () => {
    const state = parseExploreState('?q=%E6%9D%AD%E5%B7%9E&province=330000&metric=new_school_places&sort=value&desc=1&page=3');
    expect(state).toMatchObject({ q: '杭州', province: '330000', metric: 'new_school_places', sort: 'value', desc: true, page: 3 });
    expect(parseExploreState(exploreQuery(state))).toEqual(state);
    expect(exploreQuery(EMPTY_STATE)).toBe('');
  });

  it('ignores a sort it does not know, a descending order without a sort and a page that is not a positive whole number', () => {
    expect(parseExploreState('?sort=quote&desc=1&page=-2')).toMatchObject({ sort: '', desc: false, page: 1 });
    expect(parseExploreState('?page=1.5').page).toBe(1);
  });
});

describe('the explorer search', () => {
  it('finds a Chinese word inside a name, not only at its start', () => {
    expect(matchesSearch('杭州', ['浙江省杭州市'])).toBe(true);
    expect(matchesSearch('入园率', ['学前三年毛入园率'])).toBe(true);
    expect(matchesSearch('杭州 入园率', ['浙江省杭州市', '学前三年毛入园率'])).toBe(true);
    expect(matchesSearch('杭州 学位', ['浙江省杭州市', '学前三年毛入园率'])).toBe(false);
    expect(matchesSearch('ENROLMENT', ['Preschool gross enrolment rate'])).toBe(true);
  });

  it('names a region with its province and, where the dictionary has it, its prefecture', () => {
    const byCode = regionsByCode(dict.regions);
    expect(fullRegionName(dict.regions.get('330100')!, byCode, 'zh-cn')).toBe('浙江省杭州市');
    expect(fullRegionName(dict.regions.get('330106')!, byCode, 'zh-cn')).toBe('浙江省杭州市西湖区');
    expect(fullRegionName(dict.regions.get('330106')!, byCode, 'en')).toBe('Xihu District, Hangzhou, Zhejiang');
    expect(fullRegionName(dict.regions.get('anon-county-003-c')!, byCode, 'zh-cn')).toBe('未具名县（003篇c）');
  });

  it('keeps the rows of regions in 杭州 (the city and its district) and of metrics named …入园率', () => {
    expect(rows('?q=杭州')).toEqual([0, 1, 5]);
    expect(rows('?q=入园率')).toEqual([0, 2]);
    expect(rows('?q=杭州+入园率')).toEqual([0]);
  });
});

describe('the explorer filters', () => {
  it('keeps the rows of a province, by its GB/T 2260 code', () => {
    expect(rows('?province=340000')).toEqual([2, 3]);
  });
  it('combines facets: province and metric, topic, kind, year and flags', () => {
    expect(rows('?province=330000&metric=new_school_places')).toEqual([1, 5]);
    expect(rows('?topic=access')).toEqual([0, 2]);
    expect(rows('?kind=actual&year=2022')).toEqual([0]);
    expect(rows('?year=unknown')).toEqual([3]);
    expect(rows('?flag=year_inferred')).toEqual([2]);
    expect(rows('?flag=none')).toEqual([0, 3, 4, 5]);
  });
  it('counts the values a facet offers', () => {
    const counts = facetCounts(columns);
    expect(counts.year).toEqual(
      new Map([
        ['2022', 3],
        ['2021', 1],
        ['unknown', 1],
        ['2020', 1],
      ]),
    );
    expect(counts.flag.get('none')).toBe(4);
    expect(counts.flag.get('year_inferred')).toBe(1);
    expect(counts.region.get('340826')).toBe(2);
  });
});

describe('the explorer sort', () => {
  const all = [0, 1, 2, 3, 4, 5];
  it('sorts by value either way, rows without a value last', () => {
    const values = [98.1, 1200, 95, null, 300, 800];
    expect(sortRows(all, 'value', false, columns, dict, 'zh-cn', values)).toEqual([2, 0, 4, 5, 1, 3]);
    expect(sortRows(all, 'value', true, columns, dict, 'zh-cn', values)).toEqual([1, 5, 4, 0, 2, 3]);
  });
  it('sorts by year, newest first when descending, and keeps the file order among ties', () => {
    expect(sortRows(all, 'year', true, columns, dict, 'en')).toEqual([0, 2, 5, 1, 4, 3]);
  });
  it('sorts region names in the page language', () => {
    expect(sortRows([0, 2], 'region', false, columns, dict, 'en')).toEqual([0, 2]);
    expect(sortRows([2, 0], 'region', false, columns, dict, 'en')).toEqual([0, 2]);
  });
  it('leaves the file order when no sort is asked', () => {
    expect(sortRows([3, 1, 2], '', false, columns, dict, 'en')).toEqual([3, 1, 2]);
  });
});
