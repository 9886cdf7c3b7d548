import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LIST_THRESHOLD, UNIDENTIFIED } from '../../src/site/listing.ts';
import { SHARD_PAGES, isSharded, searchShards, shardPath } from '../../src/site/search-shards.ts';
import regions from '../../public/data/regions.json' with { type: 'json' };
import reports from '../../public/data/reports.json' with { type: 'json' };

const region = (gb_code: string, region_id = gb_code) => ({ region_id, gb_code, province_zh: '', province_en: '' });
const report = (region_id: string, year: number | null, n = 0) => ({ report_id: `${String(n).padStart(3, '0')}-${region_id}-${year ?? 'x'}`, region_id, year });

describe('searchShards', () => {
  it('leaves the curated site with one index', () => {
    expect(reports.length).toBeLessThanOrEqual(LIST_THRESHOLD);
    expect(isSharded(reports.length)).toBe(false);
    expect(isSharded(LIST_THRESHOLD + 1)).toBe(true);
  });

  it('puts a province’s regions, each followed by its reports by year, into bundles of at most maxPages pages', () => {
    const rs = [region('130104'), region('130102'), region('510104')];
    const reps = [report('130102', 2021, 1), report('130102', 2019, 2), report('130104', 2020, 3), report('510104', null, 4), report('510104', 2018, 5)];
    const plan = searchShards(rs, reps, 3);
    expect(plan.map((p) => [p.code, p.regions, p.reports])).toEqual([
      ['130000', 2, 3],
      ['510000', 1, 2],
    ]);
    expect(plan[0]!.shards).toEqual([
      { province: '130000', part: 1, regions: ['130102'], reports: ['002-130102-2019', '001-130102-2021'] },
      { province: '130000', part: 2, regions: ['130104'], reports: ['003-130104-2020'] },
    ]);
    // The year-unknown report comes after the dated one.
    expect(plan[1]!.shards).toEqual([{ province: '510000', part: 1, regions: ['510104'], reports: ['005-510104-2018', '004-510104-x'] }]);
    expect(shardPath('en', plan[0]!.shards[1]!)).toBe('pagefind-shards/en/130000-2/');
  });

  it('splits a region across bundles only when it alone is larger than one', () => {
    const reps = Array.from({ length: 7 }, (_, i) => report('110101', 2010 + i, i));
    const plan = searchShards([region('110101')], reps, 3);
    expect(plan[0]!.shards.map((s) => [s.regions.length, s.reports.length])).toEqual([
      [1, 2],
      [0, 3],
      [0, 2],
    ]);
  });

  it('gives reports of an unlisted region a bundle in the unidentified group, after the provinces', () => {
    const plan = searchShards([region('110101')], [report('110101', 2020, 1), report('lost-county', 2020, 2)]);
    expect(plan.map((p) => p.code)).toEqual(['110000', UNIDENTIFIED]);
    expect(plan[1]!.shards).toEqual([{ province: UNIDENTIFIED, part: 1, regions: [], reports: ['002-lost-county-2020'] }]);
    expect(plan[1]!.regions).toBe(0);
  });

  it('assigns every region and report page to exactly one bundle, none over the limit, whatever the input order', () => {
    const codes = fc.constantFrom('110101', '110102', '130104', '340826', '510104', '510105', '', 'x');
    fc.assert(
      fc.property(
        fc.uniqueArray(codes, { minLength: 0, maxLength: 8 }),
        fc.array(fc.tuple(fc.constantFrom('110101', '110102', '130104', '340826', '510104', 'lost'), fc.option(fc.integer({ min: 2010, max: 2025 }))), {
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 12 }),
        (gb, reps, maxPages) => {
          const rs = gb.map((code, i) => (code === '' || code === 'x' ? region('', `anon-${i}`) : region(code)));
          const rp = reps.map(([id, year], i) => report(id, year, i));
          const plan = searchShards(rs, rp, maxPages);
          const shards = plan.flatMap((p) => p.shards);
          expect(shards.flatMap((s) => s.regions).sort()).toEqual(rs.map((r) => r.region_id).sort());
          expect(shards.flatMap((s) => s.reports).sort()).toEqual(rp.map((r) => r.report_id).sort());
          for (const s of shards) expect(s.regions.length + s.reports.length).toBeLessThanOrEqual(maxPages);
          for (const s of shards) expect(s.regions.length + s.reports.length).toBeGreaterThan(0);
          expect(plan.reduce((n, p) => n + p.reports, 0)).toBe(rp.length);
          // The same plan from the input in another order: the search page and the index script agree.
          expect(searchShards([...rs].reverse(), [...rp].reverse(), maxPages)).toEqual(plan);
        },
      ),
    );
  });

  it('keeps the bundles of the real data’s regions under the default limit', () => {
    const plan = searchShards(regions, reports);
    for (const s of plan.flatMap((p) => p.shards)) expect(s.regions.length + s.reports.length).toBeLessThanOrEqual(SHARD_PAGES);
    expect(plan.flatMap((p) => p.shards.flatMap((s) => s.reports)).sort()).toEqual(reports.map((r) => r.report_id).sort());
  });
});
