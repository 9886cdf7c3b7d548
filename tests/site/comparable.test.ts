// Which values may share a comparison axis, and how their rows read.
import { describe, expect, it } from 'vitest';
import { partition } from '../../src/site/comparable.ts';
import { comparisonRows, periodLabel } from '../../src/site/chart-rows.ts';
import { observation } from '../observation.ts';
import type { Observation } from '../../src/model/observation.ts';
import type { Region } from '../../src/model/region.ts';

const base = observation({ figure_text: '10%' });
const o = (id: string, over: Partial<Observation>): Observation => ({ ...base, observation_id: id, ...over });
const metric = { derived_from: '', period_basis: 'year' as const, compare: 'yes' as const };

describe('partition', () => {
  const all = [
    o('a1', { region_id: 'a' }),
    o('b1', { region_id: 'b', value_base: 20 }),
    o('b2', { region_id: 'b', kind: 'target' }),
    o('b3', { region_id: 'b', scope: 'group:幼儿园', scope_en: 'kindergartens' }),
    o('c1', { region_id: 'c', period: '2022S1' }),
    o('c2', { region_id: 'c', flags: ['restatement'] }),
    o('d1', { region_id: 'd', value_base: null }),
  ];

  it('draws only whole-region actual values of the metric’s period basis', () => {
    const p = partition(metric, all);
    expect(p.compared.map((x) => x.observation_id)).toEqual(['a1', 'b1']);
    expect(p.targets.map((x) => x.observation_id)).toEqual(['b2']);
    expect(p.parts.map((x) => x.observation_id)).toEqual(['b3']);
    expect(p.other.map((x) => x.observation_id)).toEqual(['c1', 'c2', 'd1']);
    expect(p.regions).toBe(2);
  });

  it('lists every row the source leaves in doubt with its reason, and never draws it', () => {
    const rows = [
      o('a1', { region_id: 'a' }),
      o('b1', { region_id: 'b', flags: ['ambiguous_definition', 'region_inferred'] }),
      o('c1', { region_id: 'c', flags: ['ambiguous_scope'] }),
      o('d1', { region_id: 'd', flags: ['ambiguous_period'] }),
      // 7487 − 6825 = 662, stated 746: every row of the failed check is contradicted
      o('e1', { region_id: 'e', flags: ['inconsistent_change'] }),
      o('f1', { region_id: 'f' }),
    ];
    const p = partition(metric, rows);
    expect(p.compared.map((x) => x.observation_id)).toEqual(['a1', 'f1']);
    expect(p.unclear.map((x) => x.observation_id)).toEqual(['b1', 'c1', 'd1', 'e1']);
    expect(Object.fromEntries(p.reasons)).toEqual({ b1: 'ambiguous_definition', c1: 'ambiguous_scope', d1: 'ambiguous_period', e1: 'contradicted' });
    expect(p.regions).toBe(2);
    // a target or a part keeps its own group, whatever its flags: neither is drawn anyway
    const q = partition(metric, [
      o('t1', { kind: 'target', flags: ['ambiguous_definition'] }),
      o('p1', { scope: 'group:x', scope_en: 'x', flags: ['ambiguous_scope'] }),
    ]);
    expect([q.targets.length, q.parts.length, q.unclear.length]).toEqual([1, 1, 0]);
  });

  it('compares neither of two values a report gives for one quantity: the row read first and its other reading', () => {
    // 横峰: 429 borrowers in one section, 453 in another (alternative_to); a third region states one value
    const rows = [
      o('h47', { report_id: 'r-h', region_id: 'h', value_base: 429 }),
      o('h10', { report_id: 'r-h', region_id: 'h', value_base: 453, flags: ['alternative_value'] }),
      o('h99', { report_id: 'r-h', region_id: 'h', value_base: 5, period: '2021', year: 2021 }),
      o('y1', { report_id: 'r-y', region_id: 'y', value_base: 6746 }),
      o('z1', { report_id: 'r-z', region_id: 'z', value_base: 462 }),
    ];
    const p = partition(metric, rows);
    expect(p.compared.map((x) => x.observation_id)).toEqual(['h99', 'y1', 'z1']);
    expect(p.unclear.map((x) => x.observation_id)).toEqual(['h47', 'h10']);
    expect([p.reasons.get('h47'), p.reasons.get('h10')]).toEqual(['two_values', 'two_values']);
  });

  it('says why each other whole-region value is listed apart', () => {
    const p = partition(metric, all);
    expect(Object.fromEntries(p.reasons)).toEqual({ c1: 'period', c2: 'restatement', d1: 'unreadable' });
    expect(partition({ ...metric, compare: 'no' }, all).reasons.get('a1')).toBe('listed');
    expect(partition({ ...metric, derived_from: 'x' }, all).reasons.get('a1')).toBe('kind');
  });

  it('ranks nothing for a metric declared not comparable, and only derived values for a derived metric', () => {
    expect(partition({ ...metric, compare: 'no' }, all).compared).toEqual([]);
    expect(partition({ ...metric, derived_from: 'x' }, [...all, o('e1', { region_id: 'e', kind: 'derived' })]).compared.map((x) => x.observation_id)).toEqual([
      'e1',
    ]);
    expect(partition({ ...metric, period_basis: 'semester' }, all).compared.map((x) => x.observation_id)).toEqual(['c1']);
  });
});

describe('row labels', () => {
  const regions: Record<string, Region> = {
    a: {
      region_id: 'a',
      name_zh: '甲县',
      name_en: 'Jia County',
      level: 'county',
      province_zh: '安徽省',
      province_en: 'Anhui',
      gb_code: '',
      basis: 'inferred',
      evidence: '',
      reasoning_zh: '',
      reasoning_en: '',
    },
  };
  const ctx = (locale: 'zh-cn' | 'en', byProvince = false) => ({
    locale,
    region: (id: string) => regions[id],
    national: () => null,
    href: () => '#',
    byProvince,
  });

  it('marks an inferred region and year on the row once, says the level once, and draws the qualifier with the value', () => {
    const [row] = comparisonRows([o('a1', { flags: ['region_inferred', 'year_inferred'], qualifier: 'le' })], ctx('zh-cn'));
    // 甲县 says it is a county: not 甲县*（县） · 2022*
    expect(row!.label).toBe('甲县 · 2022*');
    expect(row!.title).toContain('≤10%');
    expect(row!.title).toContain('地区由本站据原文推断');
  });

  it('names the province first for metrics defined per province', () => {
    expect(comparisonRows([o('a1', {})], ctx('en', true))[0]!.label).toBe('Anhui · Jia County · 2022');
  });

  it('writes periods in words, never as codes', () => {
    expect(periodLabel({ period: '2022H2', year: 2022 }, 'en')).toBe('second half of 2022');
    expect(periodLabel({ period: '2022S1', year: 2022 }, 'zh-cn')).toBe('2022年春季学期');
    expect(periodLabel({ period: 'Y', year: null }, 'zh-cn')).toBe('年份不明（报告当年）');
    expect(periodLabel({ period: 'Y-1', year: null }, 'en')).toBe('year unknown (the year before the report)');
  });
});
