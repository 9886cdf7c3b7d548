// Validation: every source file against the schemas of src/model, and ids that refer to nothing; each problem at
// its file, line and field, every one in one run.
import { describe, expect, it } from 'vitest';
import { formatProblem, sortProblems } from '../../src/pipeline/problems.ts';
import { FIGURES, REGIONS, reportJson, validFixture, type FixtureFiles } from '../fixtures/dataset.ts';

const FIGURES_PATH = 'reports/004-zhangdian-2019/figures.csv';
const JSON_PATH = 'reports/004-zhangdian-2019/report.json';
// in the order a curator reads them, file by file, as the compile step prints them
const messages = (files: FixtureFiles) => sortProblems(validFixture(files).problems).map(formatProblem);
const replaceRow = (id: string, row: string) => FIGURES.replace(new RegExp(`^${id},.*$`, 'm'), row);

describe('a valid report', () => {
  it('passes with its figure rows at their lines', () => {
    const { report, problems } = validFixture();
    expect(problems).toEqual([]);
    expect(report!.figures.map((f) => [f.line, f.data.id])).toEqual([
      [2, 'f001'],
      [3, 'f002'],
      [4, 'f003'],
      [5, 'f004'],
    ]);
    expect(report!.meta.report_id).toBe('004-zhangdian-2019');
  });
});

describe('figures.csv', () => {
  it('names the file, line and field of a value that is not a number', () => {
    expect(
      messages({ figures: replaceRow('f001', 'f001,school_construction_investment,2019,actual,十八,亿元,,18亿元,投资18亿元的9所中小学建设稳步推进,,,,,,') }),
    ).toEqual([`${FIGURES_PATH}:2: value: must be a number in ASCII digits, like 13.7 (got "十八")`]);
  });

  it('rejects an unknown metric and an unknown region', () => {
    expect(
      messages({
        figures: replaceRow('f002', 'f002,schools_opened,2019,actual,9,所,,9所,投资18亿元的9所中小学建设稳步推进,,,,,,'),
        regions: `${REGIONS.split('\n')[0]}\n`,
      }),
    ).toEqual([
      `${FIGURES_PATH}:3: metric_id: unknown metric (not in data/metrics.csv) (got "schools_opened")`,
      `${JSON_PATH}:7: region_id: unknown region (not in data/regions.csv) (got "370303")`,
    ]);
  });

  it('rejects a duplicate id', () => {
    expect(messages({ figures: replaceRow('f002', 'f001,schools_built_or_expanded,2019,actual,9,所,,9所,投资18亿元的9所中小学建设稳步推进,,,,,,') })).toEqual([
      `${FIGURES_PATH}:3: id: duplicate id, first on line 2 (got "f001")`,
    ]);
  });

  it('names a missing column', () => {
    const withoutScope = FIGURES.split('\n')
      .map((line) =>
        line
          .split(',')
          .filter((_, i) => i !== 9)
          .join(','),
      )
      .join('\n');
    expect(messages({ figures: withoutScope })).toContain(
      `${FIGURES_PATH}:1: scope: missing column (got "id,metric_id,period,kind,value,unit,qualifier,figure_text,quote,scope_en,check,flags,note_zh,note_en")`,
    );
  });
});

describe('report.json', () => {
  it('names a report id that is not its folder at the line of the key', () => {
    expect(messages({ report: reportJson({ report_id: '004-zhangdian-2020' }) })).toEqual([
      `${JSON_PATH}:2: report_id: must equal its folder name "004-zhangdian-2019" (got "004-zhangdian-2020")`,
    ]);
  });

  it('still lists the problems of figures.csv when report.json is not a report', () => {
    const problems = messages({
      report: reportJson({ year_basis: 'sometimes' }),
      figures: replaceRow('f002', 'f002,schools_opened,2019,actual,9,所,,9所,投资18亿元的9所中小学建设稳步推进,,,,,,'),
    });
    expect(problems).toEqual([
      `${FIGURES_PATH}:3: metric_id: unknown metric (not in data/metrics.csv) (got "schools_opened")`,
      expect.stringMatching(new RegExp(`^${JSON_PATH}:\\d+: year_basis: `)),
    ]);
  });
});
