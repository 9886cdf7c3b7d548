// Per-unit values: two figures one report states for the same thing, divided by the build under a metric of
// measure average, declared in data/per-unit.csv; never mistaken for a stated figure, never more certain than its inputs.
import { describe, expect, it } from 'vitest';
import { compileDataset } from '../../src/pipeline/compile.ts';
import { formula } from '../../src/pipeline/per-unit.ts';
import { formatProblem } from '../../src/pipeline/problems.ts';
import { readDataset } from '../../src/pipeline/read.ts';
import { FIGURES, METRICS, writeDataset } from '../fixtures/dataset.ts';

// 投资18亿元的9所中小学: the money and the schools of the same nine projects
const PER_SCHOOL = `school_investment_per_school,funding,校均建设投资,Investment per school,CNY,,由本站计算：建设投资 ÷ 学校数。,Computed by this site: investment ÷ schools.,average,yes,year,all,\n`;
const DECLARED = 'metric_id,numerator,denominator\nschool_investment_per_school,004-zhangdian-2019-f001,004-zhangdian-2019-f002\n';
const compile = (files: { perUnit?: string; metrics?: string; figures?: string } = {}) => {
  const dir = writeDataset({
    metrics: files.metrics ?? METRICS + PER_SCHOOL,
    perUnit: files.perUnit ?? DECLARED,
    ...(files.figures ? { figures: files.figures } : {}),
  });
  return compileDataset(readDataset(dir, dir));
};
const problemsOf = (files: Parameters<typeof compile>[0]) => compile(files).problems.map(formatProblem);

describe('per-unit values', () => {
  it('divides the declared numerator by its denominator, names both inputs and says how, in both languages', () => {
    const { compiled, problems } = compile();
    expect(problems).toEqual([]);
    const o = compiled!.observations.find((x) => x.metric_id === 'school_investment_per_school')!;
    expect(o).toMatchObject({
      observation_id: '004-zhangdian-2019-d-school_investment_per_school-2019',
      kind: 'derived',
      value: 200000000,
      value_base: 200000000,
      unit: '元',
      unit_base: 'CNY',
      period: '2019',
      scope: 'region',
      quote: '',
      figure_text: '',
      inputs: ['004-zhangdian-2019-f001', '004-zhangdian-2019-f002'],
    });
    expect(o.checks_en).toBe('derived: 18亿元 (004-zhangdian-2019-f001) ÷ 9所 (004-zhangdian-2019-f002) = 200000000 yuan, rounded to 2 decimals');
    const [num, den] = o.inputs.map((id) => compiled!.observations.find((x) => x.observation_id === id)!);
    expect(o.checks_zh).toBe(formula(num!, den!, { unit_base: 'CNY' }, o.value!, 'zh'));
    expect(formula(num!, den!, { unit_base: 'CNY' }, o.value!, 'zh')).toBe(
      '本站推算：18亿元（004-zhangdian-2019-f001）÷ 9所（004-zhangdian-2019-f002）= 200000000元，保留两位小数',
    );
    expect(compiled!.metrics.find((m) => m.metric_id === 'school_investment_per_school')!.derived_from).toBe(
      'school_construction_investment;schools_built_or_expanded',
    );
  });

  it('rounds to two decimals and carries its inputs’ doubts', () => {
    // 58台 of the next clause, only to divide 18亿元 by a number it does not divide
    const chargers = 'f006,schools_built_or_expanded,2019S2,actual,58,台,,58台,充电车58台,group:充电车,chargers,,,,\n';
    const figures = `${FIGURES.replace('投资18亿元的9所中小学建设稳步推进,,,,,', '投资18亿元的9所中小学建设稳步推进,,,,ambiguous_period,')}${chargers}`;
    const perUnit = `${DECLARED}school_investment_per_school,004-zhangdian-2019-f001,004-zhangdian-2019-f006\n`;
    expect(problemsOf({ figures, perUnit })).toEqual([expect.stringContaining('per-unit.csv:3: denominator: covers group:充电车, the numerator region')]);
    const whole = `${FIGURES.replace('投资18亿元的9所中小学建设稳步推进,,,,,', '投资18亿元的9所中小学建设稳步推进,,,,ambiguous_period,')}${chargers.replace(',group:充电车,chargers,', ',,,')}`;
    const { compiled, problems } = compile({ figures: whole, perUnit: perUnit.replace(`${DECLARED.split('\n')[1]}\n`, '') });
    expect(problems).toEqual([]);
    const o = compiled!.observations.find((x) => x.kind === 'derived')!;
    expect(o).toMatchObject({ value: 31034482.76, period: '2019S2' });
    // 18亿元 is flagged: its quotient is as unclear
    expect(o.flags).toEqual(['ambiguous_period']);
  });

  it('divides only exact figures: nothing is computed from a bound or an approximation', () => {
    const tablets = 'f005,school_construction_investment,2019,actual,500,万元,gt,500余万元,投资500余万元购置平板3000余部,group:教育信息化,education IT,,,,\n';
    const perUnit = 'metric_id,numerator,denominator\nschool_investment_per_school,004-zhangdian-2019-f005,004-zhangdian-2019-f002\n';
    expect(problemsOf({ figures: FIGURES + tablets, perUnit })).toEqual([
      expect.stringContaining('per-unit.csv:2: numerator: is qualified (gt: 500余万元); a per-unit value divides exact figures'),
    ]);
  });

  it('refuses a declaration it cannot honour, naming the file, line and field, and publishes nothing', () => {
    const at = (line: number, field: string, text: string) => expect.stringContaining(`per-unit.csv:${line}: ${field}: ${text}`);
    expect(problemsOf({ perUnit: `${DECLARED}nonexistent,004-zhangdian-2019-f001,004-zhangdian-2019-f002\n` })).toEqual([at(3, 'metric_id', 'unknown metric')]);
    expect(
      problemsOf({ perUnit: 'metric_id,numerator,denominator\nschool_construction_investment,004-zhangdian-2019-f001,004-zhangdian-2019-f002\n' }),
    ).toEqual([at(2, 'metric_id', 'is a amount; a per-unit value is an average')]);
    expect(problemsOf({ perUnit: 'metric_id,numerator,denominator\nschool_investment_per_school,004-zhangdian-2019-f001,000-p1-anon-city-f002\n' })).toEqual([
      at(2, 'denominator', 'must be another observation of the numerator’s report'),
    ]);
    expect(problemsOf({ perUnit: 'metric_id,numerator,denominator\nschool_investment_per_school,004-zhangdian-2019-f001,004-zhangdian-2019-f009\n' })).toEqual([
      at(2, 'denominator', '004-zhangdian-2019 has no figure f009'),
    ]);
    expect(problemsOf({ perUnit: 'metric_id,numerator,denominator\nschool_investment_per_school,000-p9-nowhere-f001,000-p9-nowhere-f002\n' })).toEqual([
      at(2, 'numerator', 'names report 000-p9-nowhere, which data/reports/ does not hold'),
    ]);
    // a rate in yuan: the numerator is not counted in the metric's unit
    expect(problemsOf({ perUnit: 'metric_id,numerator,denominator\nschool_investment_per_school,004-zhangdian-2019-f003,004-zhangdian-2019-f002\n' })).toEqual([
      at(2, 'numerator', 'is counted in %, but school_investment_per_school (its value per unit) is in CNY'),
    ]);
  });

  it('refuses inputs that are not two exact outcomes of one thing and one period', () => {
    const row = (f002: string) => FIGURES.replace('f002,schools_built_or_expanded,2019,actual,9,所,,9所,投资18亿元的9所中小学建设稳步推进,,,,,', f002);
    const at = (text: string) => [expect.stringContaining(`per-unit.csv:2: denominator: ${text}`)];
    expect(problemsOf({ figures: row('f002,schools_built_or_expanded,2019,plan,9,所,,9所,投资18亿元的9所中小学建设稳步推进,,,,,') })).toEqual(at('is a plan'));
    expect(problemsOf({ figures: row('f002,schools_built_or_expanded,2018,actual,9,所,,9所,投资18亿元的9所中小学建设稳步推进,,,,,') })).toEqual(
      at('is for 2018, the numerator for 2019: one must lie within the other'),
    );
    expect(
      problemsOf({ figures: row('f002,schools_built_or_expanded,2019,actual,9,所,,9所,投资18亿元的9所中小学建设稳步推进,group:中小学,schools,,,') }),
    ).toEqual(at('covers group:中小学, the numerator region: both must describe the same thing'));
    // a semester's count within the year's stock is fine: 63173 pupils in spring ÷ the year's 186 schools
    const { compiled } = compile({ figures: row('f002,schools_built_or_expanded,2019S1,actual,9,所,,9所,投资18亿元的9所中小学建设稳步推进,,,,,') });
    expect(compiled!.observations.find((o) => o.kind === 'derived')!.period).toBe('2019S1');
  });

  it('refuses a report’s own figure under a metric this site computes', () => {
    const figures = `${FIGURES}f005,school_investment_per_school,2019,actual,2,亿元,,18亿元,投资18亿元的9所中小学建设稳步推进,,,,,,\n`;
    expect(problemsOf({ figures })).toContainEqual(expect.stringMatching(/figures\.csv:6: metric_id: is computed by this site from data\/per-unit\.csv/));
  });
});
