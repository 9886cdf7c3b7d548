// What a comparison may draw, decided once: a sorted axis only for size-free measures, totals in region-code order,
// per-province metrics grouped by province; one row order for both languages, said in a sentence.
import { describe, expect, it } from 'vitest';
import { comparisonSpec, fit, fittedTicks, type ComparisonRow } from '../../src/charts/comparison.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { chartForm, formFor, hasComparisonChart, markForm, orderNote, rowOrder } from '../../src/site/chart-form.ts';
import { comparisonRows, nameSaysLevel } from '../../src/site/chart-rows.ts';
import type { Region } from '../../src/model/region.ts';
import { observation } from '../observation.ts';

const metric = (measure: 'rate' | 'count' | 'amount' | 'average' | 'change', compare: 'yes' | 'province' | 'no' = 'yes') => ({
  measure,
  compare,
  derived_from: '',
  period_basis: 'year' as const,
});

const region = (id: string, name_zh: string, name_en: string, level: Region['level'], province_zh: string, province_en: string): Region => ({
  region_id: id,
  name_zh,
  name_en,
  level,
  province_zh,
  province_en,
  gb_code: /^\d{6}$/.test(id) ? id : '',
  basis: 'explicit',
  evidence: '',
  reasoning_zh: '',
  reasoning_en: '',
});
const REGIONS = new Map(
  [
    region('441700', '阳江市', 'Yangjiang', 'city', '广东省', 'Guangdong'),
    region('341221', '临泉县', 'Linquan County', 'county', '安徽省', 'Anhui'),
    region('340826', '宿松县', 'Susong County', 'county', '安徽省', 'Anhui'),
    region('370303', '张店区', 'Zhangdian District, Zibo', 'district', '山东省', 'Shandong'),
  ].map((r) => [r.region_id, r]),
);
const obs = (region_id: string, value: number, extra: Parameters<typeof observation>[0] = {}) =>
  observation({ observation_id: `o-${region_id}`, region_id, report_id: `r-${region_id}`, period: '2022', year: 2022, value, value_base: value, ...extra });
// Values chosen so that value order, code order and province-name order all differ.
const OBSERVATIONS = [obs('441700', 50), obs('341221', 90), obs('340826', 70), obs('370303', 95)];
const rowsFor = (m: ReturnType<typeof metric>, locale: 'zh-cn' | 'en') =>
  comparisonRows(OBSERVATIONS, {
    locale,
    region: (id) => REGIONS.get(id),
    national: () => null,
    href: (o) => `#obs-${o.observation_id}`,
    byProvince: m.compare === 'province',
    order: { form: chartForm(m, OBSERVATIONS), measure: m.measure },
  });
const regionsOf = (rows: ComparisonRow[]) => rows.map((r) => r.regionId);

describe('chartForm', () => {
  it('ranks only rates, changes and averages; lists totals unranked; groups per-province metrics; draws nothing for one region or a local measure', () => {
    expect(chartForm(metric('rate'), OBSERVATIONS)).toBe('ranked');
    expect(chartForm(metric('average'), OBSERVATIONS)).toBe('ranked');
    expect(chartForm(metric('count'), OBSERVATIONS)).toBe('unranked');
    expect(chartForm(metric('amount'), OBSERVATIONS)).toBe('unranked');
    expect(chartForm(metric('rate', 'province'), OBSERVATIONS)).toBe('by-province');
    expect(chartForm(metric('count', 'province'), OBSERVATIONS)).toBe('by-province');
    expect(chartForm(metric('rate', 'no'), OBSERVATIONS)).toBe('none');
    expect(chartForm(metric('rate'), [obs('341221', 1), { ...obs('341221', 2), observation_id: 'x' }])).toBe('none');
    expect(formFor(metric('rate'), 2)).toBe('ranked');
  });

  it('answers "has a comparison chart" from observations or from a count of comparable regions alike', () => {
    expect(hasComparisonChart(metric('count'), OBSERVATIONS)).toBe(true);
    expect(hasComparisonChart(metric('count'), 1)).toBe(false);
    expect(hasComparisonChart(metric('rate', 'no'), OBSERVATIONS)).toBe(false);
    // a part of a region is not a comparable value: one whole region is not a comparison
    expect(hasComparisonChart(metric('rate'), [obs('341221', 1), obs('340826', 2, { scope: 'school:一中', scope_en: 'No. 1 School' })])).toBe(false);
  });

  it('writes the form on the SVG root', () => {
    expect(markForm('<svg viewBox="0 0 1 1"></svg>', 'unranked')).toBe('<svg data-form="unranked" viewBox="0 0 1 1"></svg>');
  });
});

describe('row order', () => {
  it('ranks rates by value within level groups, levels from the prefecture down', () => {
    expect(regionsOf(rowsFor(metric('rate'), 'zh-cn'))).toEqual(['441700', '341221', '340826', '370303']);
  });

  it('puts totals in GB/T 2260 code order, never by value', () => {
    expect(regionsOf(rowsFor(metric('count'), 'zh-cn'))).toEqual(['340826', '341221', '370303', '441700']);
  });

  it('groups per-province metrics by province in code order, by value within a province', () => {
    expect(regionsOf(rowsFor(metric('rate', 'province'), 'zh-cn'))).toEqual(['341221', '340826', '370303', '441700']);
  });

  it('is the same in both languages, for every form', () => {
    for (const m of [metric('rate'), metric('count'), metric('rate', 'province'), metric('count', 'province')])
      expect(regionsOf(rowsFor(m, 'en'))).toEqual(regionsOf(rowsFor(m, 'zh-cn')));
  });

  it('orders rows given in any order the same way', () => {
    const rows = rowsFor(metric('rate'), 'en');
    expect(regionsOf(rowOrder([...rows].reverse(), 'ranked', { measure: 'rate' }))).toEqual(regionsOf(rows));
  });

  it('says what the order is, in both languages', () => {
    expect(orderNote('unranked', { measure: 'count' }, 'zh-cn')).toContain('GB/T 2260');
    expect(orderNote('unranked', { measure: 'count' }, 'en')).toMatch(/not ranked/);
    expect(orderNote('ranked', { measure: 'rate' }, 'zh-cn', 2)).toContain('按行政级别分组');
    expect(orderNote('by-province', { measure: 'rate' }, 'en')).toMatch(/within a province only/);
    expect(orderNote('none', { measure: 'rate' }, 'en')).toBe('');
  });
});

describe('labels', () => {
  it('say the level once: by the heading on a ranked chart, in the label elsewhere unless the name says it', () => {
    expect(rowsFor(metric('rate'), 'zh-cn').map((r) => r.label)).toEqual(['阳江市 · 2022', '临泉县 · 2022', '宿松县 · 2022', '张店区 · 2022']);
    expect(rowsFor(metric('count'), 'zh-cn').map((r) => r.label)).toContain('阳江市（地级市） · 2022');
    expect(rowsFor(metric('count'), 'zh-cn').map((r) => r.label)).toContain('临泉县 · 2022');
    expect(rowsFor(metric('count'), 'en').map((r) => r.label)).toContain('Linquan County · 2022');
    expect(rowsFor(metric('count'), 'en').map((r) => r.label)).toContain('Zhangdian District, Zibo · 2022');
    expect(nameSaysLevel('Yangjiang', 'prefecture-level city', 'en')).toBe(false);
  });

  it('carry one inferred mark, for the region or the year', () => {
    const [row] = comparisonRows([obs('341221', 90, { flags: ['region_inferred', 'year_inferred'] })], {
      locale: 'zh-cn',
      region: (id) => REGIONS.get(id),
      national: () => null,
      href: () => '#',
    });
    expect(row!.label).toBe('临泉县 · 2022*');
    expect(row!.label.match(/\*/g)).toHaveLength(1);
  });

  it('cut English between words, never inside one', () => {
    expect(fit('Unnamed city (prefecture-level city) · 2022', 34)).toBe('Unnamed city (prefecture-level…');
    expect(fit('未具名地级市（四川省，来源 003 第 2 篇）', 20)).toBe('未具名地级市（四川…');
  });

  it('never leave an axis with one tick', () => {
    expect(fittedTicks([0, 1_370_000_000], () => '1,370,000,000 CNY', 80).length).toBeGreaterThanOrEqual(2);
  });
});

describe('the chart of each form', () => {
  it('heads each group; a province with one region says it has no peer there', () => {
    const rows = rowsFor(metric('rate', 'province'), 'zh-cn');
    const svg = renderSvg(comparisonSpec(rows, { locale: 'zh-cn', form: 'by-province' }), 't');
    expect(svg).toContain('>安徽省</text>');
    expect(svg).toContain('>山东省（本省无其他地区可比）</text>');
    const en = renderSvg(comparisonSpec(rowsFor(metric('rate', 'province'), 'en'), { locale: 'en', form: 'by-province', layout: 'narrow' }), 't');
    expect(en).toContain('>Guangdong (no other region of this province)</text>');
  });

  it('labels the national value on the plot with its year', () => {
    const rows = rowsFor(metric('rate'), 'zh-cn').map((r) => ({ ...r, national: 89.7 }));
    expect(renderSvg(comparisonSpec(rows, { locale: 'zh-cn', form: 'ranked' }), 't')).toContain('>全国 89.7%（2022）</text>');
    const en = rowsFor(metric('rate'), 'en').map((r, i) => ({ ...r, national: 89.7 - i, year: 2022 - i }));
    const svg = renderSvg(comparisonSpec(en, { locale: 'en', form: 'ranked' }), 't');
    expect(svg).toContain('>National 89.7% (2022)</text>');
    expect(svg).toContain('>National 86.7% (2019)</text>');
  });

  it('makes every link a target of at least 24 × 24 px', () => {
    const svg = renderSvg(comparisonSpec(rowsFor(metric('count'), 'zh-cn'), { locale: 'zh-cn', form: 'unranked' }), 't');
    const links = svg.match(/<a [^>]*>[^]*?<\/a>/g)!;
    expect(links).toHaveLength(4);
    for (const a of links) expect(Number(/ r="([\d.]+)"/.exec(a)?.[1] ?? 0) * 2).toBeGreaterThanOrEqual(24);
  });
});
