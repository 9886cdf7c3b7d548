// The search index at national scale. Pagefind holds a whole index in memory while it writes it, about 1 MB for
// every region or report page (measured at 10 % of national scale: 4.3 GB for 7,273 pages), so one index of 70,000
// pages cannot be built. Above LIST_THRESHOLD reports the index is split: one core index of everything but region and
// report pages, and per province and language bundles of at most SHARD_PAGES region and report pages each. The search
// page searches the core index and, when the reader picks a province, that province's bundles merged into it.
// Pure functions: scripts/search-index.ts writes the bundles and the search page lists them from the same plan.
import type { Region } from '../model/region.ts';
import { compareRegions, compareReports, groupByProvince, isGrouped } from './listing.ts';

/** Region and report pages of one language in one bundle: bounds Pagefind's memory (about 1 MB a page). */
export const SHARD_PAGES = 800;

/**
 * The bundle size of this build: SEARCH_SHARD_PAGES if set (the tests make small bundles), else SHARD_PAGES. The
 * search page and scripts/search-index.ts both read it; the script checks that the page lists the bundles it wrote.
 */
export function shardPages(env: Record<string, string | undefined> = process.env): number {
  const text = env.SEARCH_SHARD_PAGES;
  if (text === undefined || text === '') return SHARD_PAGES;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`SEARCH_SHARD_PAGES must be a whole number of pages, at least 1; got "${text}"`);
  return n;
}

type ShardRegion = Pick<Region, 'region_id' | 'gb_code' | 'province_zh' | 'province_en'>;
type ShardReport = { report_id: string; region_id: string; year: number | null };

/** One bundle's pages, the same in both languages: a bundle per language is written from it. */
export type SearchShard = { province: string; part: number; regions: string[]; reports: string[] };
export type ProvinceShards = { code: string; name_zh: string; name_en: string; regions: number; reports: number; shards: SearchShard[] };

/** Whether the search index is split: exactly when the indexes group reports by province. */
export const isSharded = (reports: number) => isGrouped(reports);

/** Where a bundle is written, under the site's root; the locale keeps each language's bundles apart. */
export const shardPath = (locale: string, shard: Pick<SearchShard, 'province' | 'part'>) => `pagefind-shards/${locale}/${shard.province}-${shard.part}/`;

/**
 * Every region and report page assigned to exactly one bundle: provinces in code order, the unidentified group last;
 * within a province regions in reading order, each followed by its reports (by year), packed in order into bundles
 * of at most `maxPages` pages. A region is split across bundles only if it alone has more pages than that.
 * Reports whose region is not listed are placed by the province of nothing, that is in the unidentified group.
 */
export function searchShards(regions: readonly ShardRegion[], reports: readonly ShardReport[], maxPages = SHARD_PAGES): ProvinceShards[] {
  if (!(maxPages >= 1)) throw new RangeError(`pages per bundle must be at least 1, got ${maxPages}`);
  const byRegion = new Map<string, ShardReport[]>();
  for (const report of reports) {
    const own = byRegion.get(report.region_id);
    if (own) own.push(report);
    else byRegion.set(report.region_id, [report]);
  }
  const known = new Set(regions.map((r) => r.region_id));
  // A report of an unlisted region still needs a bundle: it joins the unidentified group as a region of its own.
  const orphans = [...byRegion.keys()].filter((id) => !known.has(id)).sort();
  type Entry = { region: ShardRegion; listed: boolean };
  const entries: Entry[] = [
    ...[...regions].sort(compareRegions).map((region) => ({ region, listed: true })),
    ...orphans.map((id) => ({ region: { region_id: id, gb_code: '', province_zh: '', province_en: '' }, listed: false })),
  ];
  return groupByProvince(entries, (e) => (e.listed ? e.region : undefined)).map((group) => {
    const shards: SearchShard[] = [];
    let current: SearchShard | null = null;
    const room = () => (current ? maxPages - current.regions.length - current.reports.length : 0);
    const open = () => {
      current = { province: group.code, part: shards.length + 1, regions: [], reports: [] };
      shards.push(current);
      return current;
    };
    let reportCount = 0;
    for (const { region, listed } of group.items) {
      const own = [...(byRegion.get(region.region_id) ?? [])].sort(compareReports);
      reportCount += own.length;
      const pages = own.length + (listed ? 1 : 0);
      // A region starts a new bundle rather than straddle two, unless it cannot fit in one anyway.
      if (room() < Math.min(pages, maxPages)) open();
      let shard = current!;
      if (listed) shard.regions.push(region.region_id);
      for (const report of own) {
        if (room() < 1) shard = open();
        shard.reports.push(report.report_id);
      }
    }
    return {
      code: group.code,
      name_zh: group.name_zh,
      name_en: group.name_en,
      regions: group.items.filter((e) => e.listed).length,
      reports: reportCount,
      shards,
    };
  });
}
