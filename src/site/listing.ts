// Listings that stay bounded at national scale. Up to LIST_THRESHOLD entries, an index lists every region or report
// on one page (the curated site: 11 of each). Above it, the index lists the provinces with their counts, and each
// province has its own listing, split into pages of PAGE_SIZE entries. Pure functions: no Astro, no data loading.
import type { Region } from '../model/region.ts';
import { PROVINCES } from '../vocab/provinces.ts';

/** More entries than this and an index groups them by province instead of listing them all. */
export const LIST_THRESHOLD = 60;
/** Entries on one page of a province's listing. */
export const PAGE_SIZE = 200;
/** The group of regions whose province is not known (no GB/T 2260 code and no province named). */
export const UNIDENTIFIED = 'unidentified';

const BY_CODE = new Map(PROVINCES.map(([code, zh, en]) => [`${code}0000`, { zh, en }]));
const BY_NAME = new Map(
  PROVINCES.flatMap(([code, zh, en]) => [
    [zh, `${code}0000`],
    [en.toLowerCase(), `${code}0000`],
  ]),
);

type Placed = Pick<Region, 'gb_code' | 'province_zh' | 'province_en'>;

/**
 * The province a region belongs to, as a GB/T 2260 province code (first two digits + '0000'): from its own code,
 * else from the province its record names, else UNIDENTIFIED.
 */
export function provinceCode(region: Placed | undefined): string {
  if (!region) return UNIDENTIFIED;
  if (/^\d{6}$/.test(region.gb_code)) return `${region.gb_code.slice(0, 2)}0000`;
  return BY_NAME.get(region.province_zh.trim()) ?? BY_NAME.get(region.province_en.trim().toLowerCase()) ?? UNIDENTIFIED;
}

/** Whether a listing of this many entries is grouped by province. */
export const isGrouped = (count: number, threshold = LIST_THRESHOLD) => count > threshold;

export type ProvinceGroup<T> = { code: string; name_zh: string; name_en: string; items: T[] };

/**
 * Items grouped by the province of their region, provinces in code order and the unidentified group last; items
 * keep their order within a group. Names come from GB/T 2260, else from the first region that names its province;
 * the unidentified group has empty names (the page says "province unknown" in its language).
 */
export function groupByProvince<T>(items: readonly T[], regionOf: (item: T) => Placed | undefined): ProvinceGroup<T>[] {
  const groups = new Map<string, ProvinceGroup<T>>();
  for (const item of items) {
    const region = regionOf(item);
    const code = provinceCode(region);
    let group = groups.get(code);
    if (!group) {
      const names = BY_CODE.get(code) ?? (code !== UNIDENTIFIED && region ? { zh: region.province_zh, en: region.province_en } : { zh: '', en: '' });
      group = { code, name_zh: names.zh, name_en: names.en, items: [] };
      groups.set(code, group);
    }
    if (!group.name_zh && code !== UNIDENTIFIED && region?.province_zh) group.name_zh = region.province_zh;
    if (!group.name_en && code !== UNIDENTIFIED && region?.province_en) group.name_en = region.province_en;
    group.items.push(item);
  }
  return [...groups.values()].sort((a, b) => (a.code === UNIDENTIFIED ? 1 : b.code === UNIDENTIFIED ? -1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Items split into pages of `size`; always at least one page. */
export function paginate<T>(items: readonly T[], size = PAGE_SIZE): T[][] {
  if (!(size >= 1)) throw new RangeError(`page size must be at least 1, got ${size}`);
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}

export type ProvincePage<T> = { code: string; name_zh: string; name_en: string; page: number; pages: number; total: number; items: T[] };

/** Every page of every province's listing: what getStaticPaths builds. */
export function provincePages<T>(groups: readonly ProvinceGroup<T>[], size = PAGE_SIZE): ProvincePage<T>[] {
  return groups.flatMap(({ code, name_zh, name_en, items }) => {
    const pages = paginate(items, size);
    return pages.map((chunk, i) => ({ code, name_zh, name_en, page: i + 1, pages: pages.length, total: items.length, items: chunk }));
  });
}

/** A region's reports in reading order: by year, the year-unknown last, then by id. */
export function compareReports(a: { year: number | null; report_id: string }, b: { year: number | null; report_id: string }): number {
  return (a.year ?? Infinity) - (b.year ?? Infinity) || (a.report_id < b.report_id ? -1 : a.report_id > b.report_id ? 1 : 0);
}

/** Regions in a stable reading order: by GB/T 2260 code, regions without one after, by id. */
export function compareRegions(a: Pick<Region, 'gb_code' | 'region_id'>, b: Pick<Region, 'gb_code' | 'region_id'>): number {
  const ka = a.gb_code || `~${a.region_id}`;
  const kb = b.gb_code || `~${b.region_id}`;
  return ka < kb ? -1 : ka > kb ? 1 : a.region_id < b.region_id ? -1 : a.region_id > b.region_id ? 1 : 0;
}
