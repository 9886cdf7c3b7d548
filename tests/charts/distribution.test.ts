import { describe, expect, it } from 'vitest';
import type { ComparisonRow } from '../../src/charts/comparison.ts';
import { AGGREGATE_THRESHOLD, aggregates, chartSpec, distribution, distributionSpec, fitKeepingEnd } from '../../src/charts/distribution.ts';
import { pngDensity, renderSvg, PNG_MAX_PX } from '../../src/charts/render.ts';
import { expectSvgSnapshot } from './snapshot.ts';

const row = (id: string, value: number, extra: Partial<ComparisonRow> = {}): ComparisonRow => ({
  observationId: id,
  label: `地区${id}（县）· ${extra.year ?? 2020}`,
  value,
  unitBase: '%',
  kind: 'actual',
  qualifier: '',
  flagged: false,
  href: `/reports/x/#obs-${id}`,
  title: `${id}: ${value}%`,
  national: null,
  regionId: `r${id}`,
  year: 2020,
  wholeRegion: true,
  ...extra,
});

/** n rows spread over ten years, deterministic pseudo-random values. */
function many(n: number): ComparisonRow[] {
  let seed = 7;
  const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: n }, (_, i) => {
    const year = 2014 + (i % 10);
    return row(String(i), Math.round(600 + next() * 4000) / 10, { year, label: `地区${i}（县）· ${year}`, national: year >= 2018 ? 88.5 : null });
  });
}

/** Drawn SVG elements: what a browser has to lay out and paint. */
const marks = (svg: string) => svg.match(/<(?:rect|line|circle|path|text|a)\b/g)?.length ?? 0;

describe('the switch to distributions', () => {
  it('happens above the threshold and not at or below it', () => {
    expect(AGGREGATE_THRESHOLD).toBe(40);
    expect(aggregates(many(AGGREGATE_THRESHOLD))).toBe(false);
    expect(aggregates(many(AGGREGATE_THRESHOLD + 1))).toBe(true);
    expect(chartSpec(many(AGGREGATE_THRESHOLD), 'zh-cn').kind).toBe('rows');
    const above = chartSpec(many(AGGREGATE_THRESHOLD + 1), 'zh-cn');
    expect(above.kind).toBe('distribution');
  });

  it('keeps a row per value below the threshold: one linked mark each', () => {
    const svg = renderSvg(chartSpec(many(AGGREGATE_THRESHOLD), 'en').wide, 't');
    expect(svg.match(/<a /g)).toHaveLength(AGGREGATE_THRESHOLD);
  });
});

describe('distribution', () => {
  it('computes count, quartiles (R-7), extremes and the national value per year, by hand', () => {
    // 2020: 1, 2, 3, 4, 10 → Q1 2, median 3, Q3 4. 2021: 1, 2, 3, 4 → Q1 1.75, median 2.5, Q3 3.25.
    const rows = [
      ...[10, 1, 4, 2, 3].map((v, i) => row(`a${i}`, v, { year: 2020, national: 2.5 })),
      ...[4, 3, 2, 1].map((v, i) => row(`b${i}`, v, { year: 2021 })),
      row('t', 99, { year: 2021, kind: 'target' }),
      row('p', 50, { year: 2021, wholeRegion: false }),
      row('u', 7, { year: null }),
    ];
    const d = distribution(rows, 'en');
    expect(d.groups.map(({ year, n, min, q1, median, q3, max, national }) => ({ year, n, min, q1, median, q3, max, national }))).toEqual([
      { year: 2020, n: 5, min: 1, q1: 2, median: 3, q3: 4, max: 10, national: 2.5 },
      { year: 2021, n: 4, min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4, national: null },
      { year: null, n: 1, min: 7, q1: 7, median: 7, q3: 7, max: 7, national: null },
    ]);
    expect(d.groups[0]!.label).toBe('2020 (n = 5)');
    expect(d.groups[2]!.label).toBe('year unknown (n = 1)');
    // The target and the part of a region stay out of the distributions, and are counted as left out.
    expect(d.n).toBe(10);
    expect(d.excluded).toBe(2);
    expect(d.wholeRegionOnly).toBe(true);
    // Ranked 10, 7, 4, 4, 3, 3, 2, 2, 1, 1: the three highest and the three lowest.
    expect(d.highlights.map((h) => [h.end, h.value])).toEqual([
      ['highest', 10],
      ['highest', 7],
      ['highest', 4],
      ['lowest', 2],
      ['lowest', 1],
      ['lowest', 1],
    ]);
    expect(d.highlights[0]!.label).toBe('highest · 地区a0（县）· 2020');
  });

  it('counts each region once a year: the value of that year’s own report, not a later report’s restatement', () => {
    const rows = [
      // region A: 2020's own report says 50; the 2021 report restates 2020 as 48 (its baseline)
      row('a-2020', 50, { regionId: 'A', year: 2020, reportYear: 2020 }),
      row('a-2021-prior', 48, { regionId: 'A', year: 2020, reportYear: 2021 }),
      row('a-2021', 55, { regionId: 'A', year: 2021, reportYear: 2021 }),
      // region B has no 2020 report: of two restatements the latest report's counts
      row('b-2021-prior', 30, { regionId: 'B', year: 2020, reportYear: 2021 }),
      row('b-2022-prior', 31, { regionId: 'B', year: 2020, reportYear: 2022 }),
      row('c', 40, { regionId: 'C', year: 2020, reportYear: 2020 }),
    ];
    const d = distribution(rows, 'en');
    expect(d.groups.map((g) => [g.year, g.n, g.min, g.max])).toEqual([
      [2020, 3, 31, 50],
      [2021, 1, 55, 55],
    ]);
    expect(d.n).toBe(4);
    expect(d.regions).toBe(3);
    expect(d.restated).toBe(2);
    expect(d.excluded).toBe(0);
    expect(d.highlights.map((h) => h.observationId)).not.toContain('a-2021-prior');
  });

  it('uses every value when there is no whole-region achieved value, and says so', () => {
    const d = distribution([row('a', 1, { kind: 'target' }), row('b', 3, { kind: 'plan' })], 'zh-cn');
    expect(d.wholeRegionOnly).toBe(false);
    expect(d.groups[0]).toMatchObject({ n: 2, median: 2, label: '2020（2 个）' });
  });
});

describe('distributionSpec', () => {
  it('draws a bounded number of marks for 10,000 rows: about as many as for 100 rows over the same years', () => {
    const big = renderSvg(chartSpec(many(10_000), 'zh-cn').wide, 't');
    const small = renderSvg(chartSpec(many(100), 'zh-cn').wide, 't');
    // The same marks but for axis ticks and the national ticks of the highlighted values.
    expect(Math.abs(marks(big) - marks(small))).toBeLessThanOrEqual(12);
    expect(marks(big)).toBeLessThan(150);
    // Links only to the six highlighted sentences.
    expect(big.match(/<a /g)).toHaveLength(6);
    expect(big.length).toBeLessThan(40_000);
    const height = Number(/viewBox="0 0 720 (\d+)"/.exec(big)![1]);
    expect(height).toBe((10 + 6) * 28 + 50 + 12 + 16); // rows, frame, the unit under the axis, the national value’s label
  });

  it('marks the national value only in the years that have one', () => {
    const d = distribution(many(1000), 'en');
    const svg = renderSvg(distributionSpec(d, { locale: 'en' }), 't');
    // 2018–2023 in the distributions; and the highlights of those years.
    const nationalTicks = (svg.match(/stroke="#c2410c"[^]*?<\/g>/g) ?? []).join('').match(/<line /g)?.length ?? 0;
    expect(nationalTicks).toBe(6 + d.highlights.filter((h) => h.national !== null).length);
  });

  it('has labels above the rows in the narrow layout', () => {
    const svg = renderSvg(distributionSpec(distribution(many(200), 'zh-cn'), { locale: 'zh-cn', layout: 'narrow' }), 't');
    expect(svg).toContain('viewBox="0 0 360 ');
    expect(svg).toContain('>2014（20 个）</text>');
    expect(svg).not.toContain('aria-label="y-axis tick label"');
  });

  it('matches its snapshot', () => {
    expectSvgSnapshot('distribution-zh', renderSvg(chartSpec(many(300), 'zh-cn').wide, 'test'));
    expectSvgSnapshot('distribution-en-narrow', renderSvg(chartSpec(many(300), 'en').narrow, 'test'));
  });

  it('throws at once on an unknown option', () => {
    expect(() => distributionSpec(distribution(many(50), 'en'), { locale: 'en', colour: 'red' } as never)).toThrow(/unknown option "colour"/);
  });
});

describe('fitKeepingEnd', () => {
  it('cuts a long label in its name, never in its year', () => {
    expect(fitKeepingEnd('highest · County 632919, Qinghai (county) · 2022', 30)).toBe('highest · County 63291… · 2022');
    expect(fitKeepingEnd('2022 (n = 32)', 30)).toBe('2022 (n = 32)');
  });
});

describe('pngDensity', () => {
  it('keeps two pixels per unit for ordinary charts and never exceeds the longest side viewers accept', () => {
    expect(pngDensity(720, 1200)).toBe(144);
    expect(pngDensity(720, 16_383)).toBe(144);
    for (const height of [16_384, 40_000, 1_000_000]) {
      const density = pngDensity(720, height);
      expect(density).toBeLessThan(144);
      expect(Math.ceil((height * density) / 72)).toBeLessThan(PNG_MAX_PX);
    }
  });
});
