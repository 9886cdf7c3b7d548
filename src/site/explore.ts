// The data explorer's decisions, apart from its page and its reads: what the address says (filters, sort, page),
// which rows a filter keeps, how a Chinese search matches and how rows sort. Pure functions over columns (one array
// per field, as a Parquet reader returns them), so the same code runs in the browser and in tests.
import { provinceCode } from './listing.ts';

/** The facets a reader filters by, in the order the form shows them; each is one value or none. */
export const FACETS = ['topic', 'province', 'region', 'metric', 'kind', 'year', 'flag'] as const;
export type Facet = (typeof FACETS)[number];
export const SORT_KEYS = ['region', 'metric', 'year', 'kind', 'value'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
/** Rows on one page of the table: enough to scan, few enough that a page reads a small part of the file. */
export const PAGE_ROWS = 50;

export type ExploreState = Record<Facet, string> & { q: string; sort: SortKey | ''; desc: boolean; page: number };

export const EMPTY_STATE: ExploreState = {
  q: '',
  topic: '',
  province: '',
  region: '',
  metric: '',
  kind: '',
  year: '',
  flag: '',
  sort: '',
  desc: false,
  page: 1,
};

/** The explorer's state from its address: ?q=杭州&province=330000&metric=…&sort=value&desc=1&page=2. */
export function parseExploreState(search: string): ExploreState {
  const params = new URLSearchParams(search);
  const state: ExploreState = { ...EMPTY_STATE, q: params.get('q')?.trim() ?? '' };
  for (const facet of FACETS) state[facet] = params.get(facet)?.trim() ?? '';
  const sort = params.get('sort') ?? '';
  state.sort = (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : '';
  state.desc = state.sort !== '' && params.get('desc') === '1';
  const page = Number(params.get('page'));
  state.page = Number.isInteger(page) && page > 1 ? page : 1;
  return state;
}

/** The address query of a state, defaults left out, so a shared link is as short as what it shows. */
export function exploreQuery(state: ExploreState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of FACETS) if (state[facet]) params.set(facet, state[facet]);
  if (state.sort) params.set('sort', state.sort);
  if (state.sort && state.desc) params.set('desc', '1');
  if (state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

export type ExploreRegion = {
  region_id: string;
  name_zh: string;
  name_en: string;
  province_zh: string;
  province_en: string;
  gb_code: string;
};
export type ExploreMetric = { metric_id: string; topic: string; name_zh: string; name_en: string; unit_base: string };

/** The columns the explorer filters and sorts by, one entry per observation, in the file's order. */
export type FilterColumns = {
  region_id: string[];
  metric_id: string[];
  year: (number | null)[];
  kind: string[];
  /** Semicolon-separated, as published. */
  flags: (string | null)[];
};

export type Dictionary = { regions: Map<string, ExploreRegion>; metrics: Map<string, ExploreMetric> };

/** Regions by their GB/T 2260 code, to find a county's prefecture. */
export const regionsByCode = (regions: Map<string, ExploreRegion>) => new Map([...regions.values()].filter((r) => r.gb_code).map((r) => [r.gb_code, r]));

/**
 * A region's name with what contains it, as a Chinese reader says it: 浙江省杭州市, 浙江省台州市椒江区 (the prefecture
 * where the dictionary has it: a county's code shares its first four digits with its prefecture's, which ends in 00).
 */
export function fullRegionName(region: ExploreRegion, byCode: Map<string, ExploreRegion>, locale: 'zh-cn' | 'en'): string {
  const code = /^\d{6}$/.test(region.gb_code) ? region.gb_code : '';
  const prefecture = code && !code.endsWith('00') ? byCode.get(`${code.slice(0, 4)}00`) : undefined;
  if (locale === 'en') return [region.name_en, prefecture?.name_en, region.province_en].filter(Boolean).join(', ');
  const province = region.province_zh && !region.name_zh.startsWith(region.province_zh) && region.name_zh !== region.province_zh ? region.province_zh : '';
  return `${province}${prefecture?.name_zh ?? ''}${region.name_zh}`;
}

/**
 * Whether a search matches, by substring and not by word start: Chinese has no spaces between words, so 杭州 must
 * find 浙江省杭州市 and 入园率 must find 学前三年毛入园率, which a word-start index does not. Terms separated by spaces
 * must all match, each in any of the texts; Latin letters match regardless of case.
 */
export function matchesSearch(query: string, texts: readonly string[]): boolean {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.length) return true;
  const haystack = texts.join('\u0000').toLowerCase();
  return terms.every((term) => haystack.includes(term));
}

/** What a search looks at for a region and a metric: names in both languages, with the region's containers, and codes. */
export function searchTexts(dict: Dictionary) {
  const byCode = regionsByCode(dict.regions);
  const regionTexts = new Map(
    [...dict.regions.values()].map((r) => [r.region_id, [fullRegionName(r, byCode, 'zh-cn'), fullRegionName(r, byCode, 'en'), r.region_id]]),
  );
  const metricTexts = new Map([...dict.metrics.values()].map((m) => [m.metric_id, [m.name_zh, m.name_en, m.metric_id]]));
  return { regionTexts, metricTexts };
}

/** The indices of the rows a state's filters and search keep, in the file's order. */
export function matchingRows(columns: FilterColumns, state: ExploreState, dict: Dictionary): number[] {
  const { regionTexts, metricTexts } = state.q ? searchTexts(dict) : { regionTexts: new Map<string, string[]>(), metricTexts: new Map<string, string[]>() };
  // A term may match the region and another term the metric (杭州 入园率): decide per pair, once.
  const pairCache = new Map<string, boolean>();
  const searchPair = (region: string, metric: string) => {
    const key = `${region}\u0000${metric}`;
    let hit = pairCache.get(key);
    if (hit === undefined) {
      hit = matchesSearch(state.q, [...(regionTexts.get(region) ?? [region]), ...(metricTexts.get(metric) ?? [metric])]);
      pairCache.set(key, hit);
    }
    return hit;
  };
  const provinceOf = new Map([...dict.regions.values()].map((r) => [r.region_id, provinceCode(r)]));
  const year = state.year ? Number(state.year) : null;
  const out: number[] = [];
  for (let i = 0; i < columns.region_id.length; i++) {
    const region = columns.region_id[i]!;
    const metric = columns.metric_id[i]!;
    if (state.region && region !== state.region) continue;
    if (state.metric && metric !== state.metric) continue;
    if (state.kind && columns.kind[i] !== state.kind) continue;
    if (state.year && (state.year === 'unknown' ? columns.year[i] !== null : columns.year[i] !== year)) continue;
    if (state.flag && !(state.flag === 'none' ? !columns.flags[i] : (columns.flags[i] ?? '').split(';').includes(state.flag))) continue;
    if (state.province && (provinceOf.get(region) ?? '') !== state.province) continue;
    if (state.topic && dict.metrics.get(metric)?.topic !== state.topic) continue;
    if (state.q && !searchPair(region, metric)) continue;
    out.push(i);
  }
  return out;
}

/**
 * Rows in a sort's order; ties keep the file's order, so a page is the same on every load. Rows without a value
 * (unreadable) go last in either direction; `values` is the value_base column, needed only to sort by value.
 */
export function sortRows(
  rows: readonly number[],
  key: SortKey | '',
  desc: boolean,
  columns: FilterColumns,
  dict: Dictionary,
  locale: 'zh-cn' | 'en',
  values?: readonly (number | null)[],
): number[] {
  if (!key) return [...rows];
  const collator = new Intl.Collator(locale === 'zh-cn' ? 'zh-Hans-CN' : 'en');
  const name = (map: Map<string, { name_zh: string; name_en: string }>, id: string) => {
    const entry = map.get(id);
    return entry ? (locale === 'zh-cn' ? entry.name_zh : entry.name_en) : id;
  };
  const keyOf = (i: number): string | number | null => {
    switch (key) {
      case 'region':
        return name(dict.regions, columns.region_id[i]!);
      case 'metric':
        return name(dict.metrics, columns.metric_id[i]!);
      case 'year':
        return columns.year[i] ?? null;
      case 'kind':
        return columns.kind[i]!;
      case 'value':
        return values?.[i] ?? null;
    }
  };
  const keyed = rows.map((i) => ({ i, k: keyOf(i) }));
  const sign = desc ? -1 : 1;
  keyed.sort((a, b) => {
    if (a.k === null || b.k === null) return a.k === b.k ? a.i - b.i : a.k === null ? 1 : -1;
    const order = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : collator.compare(String(a.k), String(b.k));
    return order ? sign * order : a.i - b.i;
  });
  return keyed.map((r) => r.i);
}

/** The values each facet offers among all rows, with their counts, in one pass over the columns. */
export function facetCounts(columns: FilterColumns): Record<'region' | 'metric' | 'kind' | 'year' | 'flag', Map<string, number>> {
  const counts = {
    region: new Map<string, number>(),
    metric: new Map<string, number>(),
    kind: new Map<string, number>(),
    year: new Map<string, number>(),
    flag: new Map<string, number>(),
  };
  const add = (map: Map<string, number>, value: string) => map.set(value, (map.get(value) ?? 0) + 1);
  for (let i = 0; i < columns.region_id.length; i++) {
    add(counts.region, columns.region_id[i]!);
    add(counts.metric, columns.metric_id[i]!);
    add(counts.kind, columns.kind[i]!);
    add(counts.year, columns.year[i] === null || columns.year[i] === undefined ? 'unknown' : String(columns.year[i]));
    const flags = columns.flags[i];
    if (flags) for (const flag of flags.split(';')) add(counts.flag, flag);
    else add(counts.flag, 'none');
  }
  return counts;
}
