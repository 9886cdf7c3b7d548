// A region at a glance: its headline figures against the peer summaries, with work that does not grow with the
// number of regions.
import { describe, expect, it } from 'vitest';
import { HEADLINE_METRICS, HEADLINE_ROWS, othersText, regionGlance, type GlanceData } from '../../src/site/region-glance.ts';
import { PeerIndex } from '../../src/site/peers.ts';
import { stripPositions } from '../../src/site/peer-strip.ts';
import { provinceCode } from '../../src/site/listing.ts';
import type { Observation } from '../../src/model/observation.ts';
import type { Region } from '../../src/model/region.ts';
import { observation } from '../observation.ts';
import { metric } from '../metric.ts';

const METRICS = [
  metric('preschool_gross_enrolment_rate'),
  metric('education_expenditure', { topic: 'funding', unit_base: 'CNY', measure: 'amount' }),
  metric('gaokao_undergraduate_rate', { topic: 'exams', compare: 'province' }),
  metric('schools_built', { topic: 'places', unit_base: 'count', measure: 'count' }),
  metric('teacher_honours', { topic: 'teachers', unit_base: 'count', measure: 'count', compare: 'no' }),
];
const region = (i: number): Region => {
  // two provinces, Anhui and Fujian, alternately
  const code = `${i % 2 ? '35' : '34'}${String(1001 + i).padStart(4, '0')}`;
  return {
    region_id: code,
    name_zh: `县${i}`,
    name_en: `County ${i}`,
    level: 'county',
    province_zh: '',
    province_en: '',
    gb_code: code,
    basis: 'explicit',
    evidence: '',
    reasoning_zh: '',
    reasoning_en: '',
  };
};

/** `n` regions, each with two years of every metric; an in-memory store that counts the rows it hands out. */
function dataset(n: number) {
  const regions = Array.from({ length: n }, (_, i) => region(i));
  const rows: Observation[] = regions.flatMap((r, i) =>
    METRICS.flatMap((m) =>
      [2021, 2022].map((year) =>
        observation({
          observation_id: `${r.region_id}-${m.metric_id}-${year}`,
          report_id: `${r.region_id}-${year}`,
          region_id: r.region_id,
          metric_id: m.metric_id,
          period: String(year),
          year,
          unit_base: m.unit_base,
          value_base: 50 + ((i * 7 + year) % 40),
        }),
      ),
    ),
  );
  const byRegion = Map.groupBy(rows, (o) => o.region_id);
  const byMetric = Map.groupBy(rows, (o) => o.metric_id);
  const regionOf = new Map(regions.map((r) => [r.region_id, r]));
  const peers = new PeerIndex({
    province: (id) => provinceCode(regionOf.get(id)),
    national: (m, year) => (m === 'preschool_gross_enrolment_rate' && year === 2022 ? 89.7 : null),
  });
  for (const m of METRICS) peers.add(m, byMetric.get(m.metric_id) ?? []);
  const read = { region: 0, metric: 0 };
  const data: GlanceData = {
    metric: new Map(METRICS.map((m) => [m.metric_id, m])),
    peers,
    metricStats: new Map(METRICS.map((m) => [m.metric_id, { regions: n }])),
    reportsByRegion: new Map(regions.map((r) => [r.region_id, [{ year: 2021 }, { year: 2022 }]])),
    store: {
      get: (kind, id) => {
        const list = (kind === 'region' ? byRegion : byMetric).get(id) ?? [];
        read[kind] += list.length;
        return list;
      },
    },
  };
  return { regions, data, read };
}

/** The marks a region page draws for its glance: one per strip mark, one per headline row. */
const marksDrawn = (glance: ReturnType<typeof regionGlance>) =>
  glance.headline.length +
  glance.compared.reduce((n, r) => {
    const strip = stripPositions(r.own.value_base!, r.others, r.national)!;
    return n + 3 + (strip.national === null ? 0 : 1);
  }, 0);

describe('regionGlance', () => {
  it('reads only the region’s own rows and draws as much, whether there are 20 regions or 400', () => {
    const small = dataset(20);
    const large = dataset(400);
    const a = regionGlance(small.regions[3]!, small.data);
    const b = regionGlance(large.regions[3]!, large.data);
    // 5 metrics × 2 years of its own; not one row of another region, not one metric file
    expect(small.read).toEqual({ region: 10, metric: 0 });
    expect(large.read).toEqual(small.read);
    expect(marksDrawn(b)).toBe(marksDrawn(a));
    expect(b.headline.length).toBe(a.headline.length);
    // …while the figures it shows do speak of all the others
    expect(a.headline[0]!.others!.regions).toBe(19);
    expect(b.headline[0]!.others!.regions).toBe(399);
  });

  it('lists the headline metrics first, in their order, and sets each latest value against the others', () => {
    const { regions, data } = dataset(6);
    const glance = regionGlance(regions[0]!, data);
    const ids = glance.headline.map((r) => r.metric.metric_id);
    expect(ids).toEqual(['preschool_gross_enrolment_rate', 'education_expenditure', 'gaokao_undergraduate_rate', 'schools_built']);
    expect(ids.slice(0, 3).every((id) => (HEADLINE_METRICS as readonly string[]).includes(id))).toBe(true);
    expect(glance.headline.length).toBeLessThanOrEqual(HEADLINE_ROWS);
    const preschool = glance.headline[0]!;
    expect(preschool.own.year).toBe(2022);
    expect(preschool.national).toBe(89.7);
    expect(preschool.others!.regions).toBe(5);
    expect(glance.reportYears).toEqual([2021, 2022]);
    // a metric listed, never compared, has no peers and no headline row
    expect(ids).not.toContain('teacher_honours');
  });

  it('ranks rates only, and compares an exam line within the region’s province only', () => {
    const { regions, data } = dataset(6);
    const glance = regionGlance(regions[0]!, data);
    const row = (id: string) => glance.headline.find((r) => r.metric.metric_id === id)!;
    expect(row('preschool_gross_enrolment_rate').place).toMatchObject({ of: 6 });
    // a total is shown with the others' range, never with a place
    expect(row('education_expenditure').place).toBeNull();
    expect(row('education_expenditure').others!.regions).toBe(5);
    // regions 0, 2, 4 are in Anhui: two others there
    expect(row('gaokao_undergraduate_rate').within).toBe('province');
    expect(row('gaokao_undergraduate_rate').others!.regions).toBe(2);
    expect(row('gaokao_undergraduate_rate').place).toMatchObject({ of: 3 });
  });

  it('says plainly when no other region has a comparable value, and names what only this region reports', () => {
    const { regions, data } = dataset(1);
    const glance = regionGlance(regions[0]!, { ...data, metricStats: new Map([['teacher_honours', { regions: 1 }]]) });
    const preschool = glance.headline.find((r) => r.metric.metric_id === 'preschool_gross_enrolment_rate')!;
    expect(preschool.others).toBeNull();
    expect(othersText(preschool, 'zh-cn')).toBe('暂无其他地区可比');
    expect(othersText(preschool, 'en')).toBe('No other region to compare with yet');
    expect(glance.compared).toEqual([]);
    expect(glance.unique.map((m) => m.metric_id)).toEqual(['teacher_honours']);
  });

  it('words the others’ range in the page’s language', () => {
    const { regions, data } = dataset(4);
    const row = regionGlance(regions[0]!, data).headline[0]!;
    const { min, max, median } = row.others!;
    expect(othersText(row, 'zh-cn')).toBe(`其他 3 个地区 ${min}%–${max}%，中位数 ${median}%`);
    expect(othersText(row, 'en')).toBe(`3 other regions ${min}%–${max}%, median ${median}%`);
  });
});
