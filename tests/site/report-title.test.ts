// A report is titled by its region, year and kind, with what the site inferred said once — never by the source's own
// "…工作计划 篇1" or "（无标题）", which name neither place nor year.
import { describe, expect, it } from 'vitest';
import { bureauType, reportTitle, type TitledRegion, type TitledReport } from '../../src/site/report-title.ts';
import reports from '../../public/data/reports.json' with { type: 'json' };
import regions from '../../public/data/regions.json' with { type: 'json' };

const linquan: TitledRegion = { name_zh: '临泉县', name_en: 'Linquan County', level: 'county', basis: 'inferred', province_zh: '安徽省', province_en: 'Anhui' };
// 000-p2-anon-county: "教育体育局工作总结及下一步工作计划 篇2", bureau blanked as ____县教育局
const part2: TitledReport = { bureau: '____县教育局', kind: 'summary_and_plan', period: '2022', year: 2022, year_basis: 'inferred' };

describe('reportTitle', () => {
  it('names the region, the year and the kind, and says once what was inferred', () => {
    expect(reportTitle(part2, linquan, 'zh-cn')).toBe('临泉县教育局 2022 年工作总结和计划（地区与年份为推断）');
    expect(reportTitle(part2, linquan, 'en')).toBe('Education bureau of Linquan County: work summary and plan for 2022 (region and year inferred)');
  });

  it('adds nothing where the report states its region and year', () => {
    const zhangdian: TitledRegion = { ...linquan, name_zh: '张店区', name_en: 'Zhangdian District, Zibo', level: 'district', basis: 'explicit' };
    const report: TitledReport = { bureau: '张店区教育和体育局', kind: 'annual_summary', period: '2019', year: 2019, year_basis: 'explicit' };
    expect(reportTitle(report, zhangdian, 'zh-cn')).toBe('张店区教育和体育局 2019 年工作总结');
    expect(reportTitle(report, zhangdian, 'en')).toBe('Education and sports bureau of Zhangdian District, Zibo: work summary for 2019');
  });

  it('says a half year as such, and a year the report blanks as unknown', () => {
    const jinjiang: TitledRegion = { ...linquan, name_zh: '晋江市', name_en: 'Jinjiang', level: 'county_city' };
    const h1: TitledReport = { bureau: '市教育局', kind: 'summary_and_plan', period: '2015H1', year: 2015, year_basis: 'explicit' };
    expect(reportTitle(h1, jinjiang, 'zh-cn')).toBe('晋江市教育局 2015 年上半年工作总结和计划（地区为推断）');
    expect(reportTitle(h1, jinjiang, 'en')).toBe('Education bureau of Jinjiang: work summary and plan for the first half of 2015 (region inferred)');
    const blanked: TitledReport = { bureau: '教育局', kind: 'plan', period: 'Y', year: null, year_basis: 'unknown' };
    expect(reportTitle(blanked, linquan, 'zh-cn')).toBe('临泉县教育局工作计划（地区为推断，年份不详）');
    expect(reportTitle(blanked, linquan, 'en')).toBe('Education bureau of Linquan County: work plan (region inferred; year unknown)');
  });

  it('calls a region that could not be identified 某县, with its province where known', () => {
    const county: TitledRegion = {
      name_zh: '未具名县（003篇c）',
      name_en: 'Unnamed county (003 part c)',
      level: 'county',
      basis: 'unknown',
      province_zh: '',
      province_en: '',
    };
    const report: TitledReport = { bureau: '____县教育局', kind: 'plan', period: 'Y', year: null, year_basis: 'unknown' };
    expect(reportTitle(report, county, 'zh-cn')).toBe('某县教育局工作计划（地区与年份不详）');
    expect(reportTitle(report, county, 'en')).toBe('Education bureau of an unnamed county: work plan (region and year unknown)');
    const city: TitledRegion = { ...county, level: 'city', province_zh: '四川省', province_en: 'Sichuan' };
    const plan2011: TitledReport = { ...report, period: '2011', year: 2011, year_basis: 'inferred' };
    expect(reportTitle(plan2011, city, 'zh-cn')).toBe('四川省某市教育局 2011 年工作计划（年份为推断，地区不详）');
    expect(reportTitle(plan2011, city, 'en')).toBe(
      'Education bureau of an unnamed prefecture-level city in Sichuan: work plan for 2011 (year inferred; region unknown)',
    );
  });

  it('keeps the kind of bureau the report names, in Simplified characters', () => {
    expect(bureauType('縣教體局')).toBe('教体局');
    expect(bureauType('张店区教育和体育局')).toBe('教育和体育局');
    expect(bureauType('____市教育局')).toBe('教育局');
    expect(bureauType('区委办公室')).toBeNull();
  });

  it('titles every published report apart, by its place and year, in both languages', () => {
    const byId = new Map(regions.map((r) => [r.region_id, r as TitledRegion]));
    for (const locale of ['zh-cn', 'en'] as const) {
      const titles = reports.map((r) => reportTitle(r as TitledReport, byId.get(r.region_id), locale));
      expect(new Set(titles).size).toBe(reports.length);
      for (const [i, title] of titles.entries()) {
        expect(title).not.toMatch(/篇\d|无标题|untitled|part \d/i);
        if (reports[i]!.year !== null) expect(title).toContain(String(reports[i]!.year));
      }
    }
  });
});
