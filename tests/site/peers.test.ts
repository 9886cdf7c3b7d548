// Peer summaries: one region's figure against the others, without reading or drawing them.
import { describe, expect, it } from 'vitest';
import { latestPerRegion, othersOf, PeerIndex, peerSummary, type PeerContext } from '../../src/site/peers.ts';
import type { Observation } from '../../src/model/observation.ts';
import { observation } from '../observation.ts';

const metric = { metric_id: 'm', derived_from: '', period_basis: 'year' as const, compare: 'yes' as const };
const o = (id: string, region: string, value: number | null, over: Partial<Observation> = {}): Observation =>
  observation({ observation_id: id, report_id: `r-${region}`, region_id: region, value_base: value, value, ...over });
// regions a, b, c in province 34; d, e in 35
const ctx: PeerContext = {
  province: (id) => (['a', 'b', 'c'].includes(id) ? '340000' : '350000'),
  national: (m, year) => (m === 'm' && year === 2022 ? 89.7 : null),
};

describe('peerSummary', () => {
  const rows = [
    o('a1', 'a', 96.57),
    o('b1', 'b', 80),
    o('c1', 'c', 92.6),
    o('d1', 'd', 85),
    o('e1', 'e', 99),
    // never among the peers: a target, one school, a value in doubt, another kind of period, an unreadable figure
    o('a2', 'a', 100, { kind: 'target' }),
    o('b2', 'b', 1, { scope: 'school:一中', scope_en: 'No. 1 School' }),
    o('c2', 'c', 3, { flags: ['ambiguous_definition'] }),
    o('d2', 'd', 5, { period: '2022S1' }),
    o('f1', 'f', null),
  ];
  const s = peerSummary(metric, rows, ctx);

  it('counts the regions with a comparable value and gives their range and median', () => {
    expect(s.regions).toBe(5);
    expect([s.min, s.max, s.median]).toEqual([80, 99, 92.6]);
    expect(s.values.map((v) => v.observationId)).toEqual(['b1', 'd1', 'c1', 'a1', 'e1']);
  });

  it('places each region within the country and its province, 1 being the highest', () => {
    expect(s.places.get('a')).toMatchObject({ country: { place: 2, of: 5 }, province: { place: 1, of: 3 } });
    expect(s.places.get('b')).toMatchObject({ country: { place: 5, of: 5 }, province: { place: 3, of: 3 } });
    expect(s.places.get('d')).toMatchObject({ country: { place: 4, of: 5 }, province: { place: 2, of: 2 } });
    expect(s.places.has('f')).toBe(false);
  });

  it('gives tied values the same place', () => {
    const tied = peerSummary(metric, [o('a1', 'a', 90), o('b1', 'b', 90), o('c1', 'c', 70)], ctx);
    expect([tied.places.get('a')!.country, tied.places.get('b')!.country, tied.places.get('c')!.country]).toEqual([
      { place: 1, of: 3 },
      { place: 1, of: 3 },
      { place: 3, of: 3 },
    ]);
  });

  it('carries the national value of each year it summarises, where one exists', () => {
    expect(s.years).toEqual([2022]);
    expect([...s.national]).toEqual([[2022, 89.7]]);
    const other = peerSummary(metric, [o('a1', 'a', 1, { year: 2019, period: '2019' })], ctx);
    expect(other.national.size).toBe(0);
  });

  it('has no range and no median without a comparable value', () => {
    const none = peerSummary(metric, [o('a2', 'a', 100, { kind: 'target' })], ctx);
    expect([none.regions, none.min, none.max, none.median]).toEqual([0, null, null, null]);
  });
});

describe('latestPerRegion', () => {
  it('counts a region once, by its latest period, preferring the period’s own report to a later restatement', () => {
    const reportYear = (id: string) => ({ 'r-2021': 2021, 'r-2022': 2022 })[id] ?? null;
    const rows = [
      o('old', 'a', 1, { year: 2020, period: '2020', report_id: 'r-2021' }),
      o('own', 'a', 2, { year: 2021, period: '2021', report_id: 'r-2021' }),
      o('restated', 'a', 3, { year: 2021, period: '2021', report_id: 'r-2022' }),
      o('unknown', 'b', 4, { year: null, period: 'Y' }),
      o('known', 'b', 5, { year: 2015, period: '2015' }),
    ];
    expect(
      latestPerRegion(rows, { reportYear })
        .map((x) => x.observation_id)
        .sort(),
    ).toEqual(['known', 'own']);
  });
});

describe('othersOf', () => {
  const s = peerSummary(metric, [o('a1', 'a', 96.57), o('b1', 'b', 80), o('c1', 'c', 92.6), o('d1', 'd', 85), o('e1', 'e', 99)], ctx);

  it('gives the range, median and count of every region but the one asked about', () => {
    // others of a: 80, 85, 92.6, 99
    expect(othersOf(s, 'a')).toEqual({ regions: 4, min: 80, max: 99, median: (85 + 92.6) / 2 });
    // others of e, the highest: 80, 85, 92.6, 96.57
    expect(othersOf(s, 'e')).toEqual({ regions: 4, min: 80, max: 96.57, median: (85 + 92.6) / 2 });
    // others of b, the lowest: 85, 92.6, 96.57, 99
    expect(othersOf(s, 'b')).toEqual({ regions: 4, min: 85, max: 99, median: (92.6 + 96.57) / 2 });
    // a region without a value of its own sees every region
    expect(othersOf(s, 'z')).toEqual({ regions: 5, min: 80, max: 99, median: 92.6 });
  });

  it('compares within a province when asked: exam lines differ from one province to the next', () => {
    expect(othersOf(s, 'a', '340000')).toEqual({ regions: 2, min: 80, max: 92.6, median: (80 + 92.6) / 2 });
    expect(othersOf(s, 'd', '350000')).toEqual({ regions: 1, min: 99, max: 99, median: 99 });
    expect(othersOf(s, 'a', '110000')).toBeNull();
  });

  it('says there are no others when the region is the only one', () => {
    const alone = peerSummary(metric, [o('a1', 'a', 5)], ctx);
    expect(othersOf(alone, 'a')).toBeNull();
  });

  it('agrees with a direct computation over the other regions, for ties and any size', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    const big = peerSummary(
      metric,
      values.map((v, i) => o(`x${i}`, `r${i}`, v)),
      ctx,
    );
    for (let i = 0; i < values.length; i++) {
      const rest = values.filter((_, j) => j !== i).sort((a, b) => a - b);
      const mid = (rest.length - 1) / 2;
      expect(othersOf(big, `r${i}`)).toEqual({
        regions: rest.length,
        min: rest[0],
        max: rest.at(-1),
        median: (rest[Math.floor(mid)]! + rest[Math.ceil(mid)]!) / 2,
      });
    }
  });
});

describe('PeerIndex', () => {
  it('keeps one summary per metric and kind of period, and none for metrics that are listed, never compared', () => {
    const index = new PeerIndex(ctx);
    index.add(metric, [o('a1', 'a', 1), o('b1', 'b', 2)]);
    index.add({ ...metric, metric_id: 'honours', compare: 'no' }, [o('a3', 'a', 1, { metric_id: 'honours' })]);
    index.add({ ...metric, metric_id: 'half', period_basis: 'half_year' }, [
      o('h1', 'a', 1, { metric_id: 'half', period: '2022H1' }),
      o('h2', 'b', 2, { metric_id: 'half' }),
    ]);
    expect(index.get('m', 'year')?.regions).toBe(2);
    expect(index.get('m', 'semester')).toBeUndefined();
    expect(index.get('honours', 'year')).toBeUndefined();
    // only the half-year value compares for a half-year metric
    expect(index.get('half', 'half_year')?.values.map((v) => v.observationId)).toEqual(['h1']);
  });
});
