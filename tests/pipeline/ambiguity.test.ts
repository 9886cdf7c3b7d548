// The compile step refuses two whole-region values of one metric, period and kind unless the curator ties them.
import { describe, expect, it } from 'vitest';
import { compileDataset } from '../../src/pipeline/compile.ts';
import { formatProblem } from '../../src/pipeline/problems.ts';
import { readDataset } from '../../src/pipeline/read.ts';
import { FIGURES, METRICS, writeDataset } from '../fixtures/dataset.ts';

const PATH = 'reports/004-zhangdian-2019/figures.csv';
/** The fixture with `extra` rows, and with `firstFlags` on its first row (f001, 18亿元). */
const compile = (extra: string, firstFlags = '') => {
  const figures = firstFlags ? FIGURES.replace('投资18亿元的9所中小学建设稳步推进,,,,,', `投资18亿元的9所中小学建设稳步推进,,,,${firstFlags},`) : FIGURES;
  const dir = writeDataset({ figures: `${figures}${extra}` });
  return compileDataset(readDataset(dir, dir));
};
// 500余万元 of the same sentence family: a second investment figure of the report, written as a new row.
const SECOND = (
  scope: string,
  scopeEn: string,
  check: string,
  note = { zh: '', en: '' },
  flags = check.startsWith('alternative_to') ? 'ambiguous_definition' : '',
) =>
  `f005,school_construction_investment,2019,actual,500,万元,gt,500余万元,投资500余万元购置平板3000余部,${scope},${scopeEn},${check},${flags},${note.zh},${note.en}\n`;

describe('ambiguous whole-region values', () => {
  it('rejects a second whole-region value with its file, line and field, naming the first', () => {
    const { compiled, problems } = compile(SECOND('', '', ''));
    expect(compiled).toBeNull();
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        new RegExp(`^${PATH}:6: scope: a second whole-region value of school_construction_investment for 2019 \\(actual\\); the first is f001 on line 2`),
      ),
    ]);
  });

  it('accepts the same value as a part of the region, named in both languages', () => {
    const { compiled, problems } = compile(SECOND('group:教育信息化', 'education IT', ''));
    expect(problems).toEqual([]);
    expect(compiled!.observations.find((o) => o.observation_id.endsWith('f005'))).toMatchObject({ scope: 'group:教育信息化', scope_en: 'education IT' });
  });

  it('requires the English name of a part, and the part in the report’s own words', () => {
    expect(compile(SECOND('group:教育信息化', '', '')).problems.map(formatProblem)).toEqual([
      expect.stringContaining(`${PATH}:6: scope_en: names the part in English exactly when scope is not region`),
    ]);
    expect(compile(SECOND('group:tablets', 'tablets', '')).problems.map(formatProblem)).toEqual([
      expect.stringContaining(`${PATH}:6: scope: names the part in the report’s own Chinese words`),
    ]);
  });

  it('accepts another reading declared with its reason, and flags it', () => {
    expect(compile(SECOND('', '', 'alternative_to=f001')).problems.map(formatProblem)).toEqual([
      expect.stringContaining(`${PATH}:6: note_en: alternative_to needs the reason in note_zh and note_en`),
    ]);
    const { compiled, problems } = compile(SECOND('', '', 'alternative_to=f001', { zh: '另一读法', en: 'another reading' }), 'ambiguous_definition');
    expect(problems).toEqual([]);
    expect(compiled!.observations.find((o) => o.observation_id.endsWith('f005'))!.flags).toContain('alternative_value');
    expect(compiled!.observations.find((o) => o.observation_id.endsWith('f001'))!.flags).not.toContain('alternative_value');
  });

  it('refuses two readings of one quantity unless both are flagged unclear, so that neither is compared', () => {
    // 横峰 gives 453 borrowers in one section and 429 in another: the row read first is as unsettled as the other
    expect(compile(SECOND('', '', 'alternative_to=f001', { zh: '另一读法', en: 'another reading' })).problems.map(formatProblem)).toEqual([
      expect.stringContaining(`${PATH}:6: flags: alternative_to=f001: two readings of one quantity leave both unclear; flag f001 ambiguous_definition`),
    ]);
    expect(
      compile(SECOND('', '', 'alternative_to=f001', { zh: '另一读法', en: 'another reading' }, ''), 'ambiguous_definition').problems.map(formatProblem),
    ).toEqual([
      expect.stringContaining(`${PATH}:6: flags: alternative_to=f001: two readings of one quantity leave both unclear; flag f005 ambiguous_definition`),
    ]);
  });

  it('accepts a restatement only when it repeats the value, and only of the same key', () => {
    expect(compile(SECOND('', '', 'restates=f001')).problems.map(formatProblem)).toEqual([
      expect.stringContaining(`${PATH}:6: value: restates f001 (line 2), whose value is 1800000000 CNY`),
    ]);
    expect(compile(SECOND('', '', 'restates=f003')).problems.map(formatProblem)).toEqual([
      expect.stringContaining(`${PATH}:6: check: restates must name a whole-region row of the same metric, period and kind`),
    ]);
  });

  it('keeps targets, plans and other periods apart: they are not a second value', () => {
    const plan = `f005,school_construction_investment,2019,plan,500,万元,gt,500余万元,投资500余万元购置平板3000余部,,,,,,\n`;
    const prior = `f005,school_construction_investment,2018,actual,500,万元,gt,500余万元,投资500余万元购置平板3000余部,,,,,,\n`;
    expect(compile(plan).problems).toEqual([]);
    expect(compile(prior).problems).toEqual([]);
  });
});

describe('implausible rates', () => {
  it('flags a value above 100 of a metric declared a rate, and not the same value of an amount', () => {
    const flagsOf = (metrics?: string) => {
      const dir = writeDataset(metrics ? { metrics } : {});
      const { compiled } = compileDataset(readDataset(dir, dir));
      return compiled!.observations.find((o) => o.observation_id.endsWith('f001'))!.flags;
    };
    expect(flagsOf()).not.toContain('rate_above_100');
    expect(flagsOf(METRICS.replace(',amount,yes,year,all,投资', ',rate,yes,year,all,投资'))).toContain('rate_above_100');
  });
});
