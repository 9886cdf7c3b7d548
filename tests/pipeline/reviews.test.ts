// Second readings (data/reviews.csv): each verdict is held to its row as compiled and published as a table, so a
// researcher sees which comparison was checked, by whom, by which rule, and a verdict can never describe another row.
import { describe, expect, it } from 'vitest';
import { compileDataset } from '../../src/pipeline/compile.ts';
import { formatProblem } from '../../src/pipeline/problems.ts';
import { outputFiles } from '../../src/pipeline/publish.ts';
import { readDataset } from '../../src/pipeline/read.ts';
import { FIGURES, writeDataset } from '../fixtures/dataset.ts';

const HEADER = 'observation_id,compared_in,verdict,rule,reason_en,reason_zh,reviewer,reviewed_on\n';
const row = (id: string, comparedIn: string, verdict: string, rule = 'definition', date = '2026-12-02') =>
  `${id},${comparedIn},${verdict},${rule},The sentence counts what the metric defines.,原句统计的正是指标所定义的数量。,review,${date}\n`;
const compile = (reviews: string, figures = FIGURES) => {
  const dir = writeDataset({ reviews: HEADER + reviews, figures });
  return compileDataset(readDataset(dir, dir));
};
const problemsOf = (reviews: string, figures?: string) => compile(reviews, figures).problems.map(formatProblem);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A problem of reviews.csv at `line` and `field` whose message holds `text`. */
const at = (line: number, field: string, text: string) => expect.stringMatching(new RegExp(`reviews\\.csv:${line}: ${field}: .*${escape(text)}`));

describe('second readings', () => {
  it('publishes each reading with the metric its row is under now, and describes the table in datapackage.json', () => {
    const { compiled, problems } = compile(row('004-zhangdian-2019-f001', 'school_construction_investment', 'same_definition'));
    expect(problems).toEqual([]);
    expect(compiled!.reviews).toEqual([
      {
        observation_id: '004-zhangdian-2019-f001',
        compared_in: 'school_construction_investment',
        metric_id: 'school_construction_investment',
        verdict: 'same_definition',
        rule: 'definition',
        reason_en: 'The sentence counts what the metric defines.',
        reason_zh: '原句统计的正是指标所定义的数量。',
        reviewer: 'review',
        reviewed_on: '2026-12-02',
      },
    ]);
    const files = outputFiles(compiled!);
    expect(files.get('reviews.csv')!.split('\n')[1]).toMatch(
      /^004-zhangdian-2019-f001,school_construction_investment,school_construction_investment,same_definition,definition,/,
    );
    const resource = (JSON.parse(files.get('datapackage.json')!) as { resources: { name: string; schema: { fields: { name: string }[] } }[] }).resources.find(
      (r) => r.name === 'reviews',
    )!;
    expect(resource.schema.fields.map((f) => f.name)).toEqual([
      'observation_id',
      'compared_in',
      'metric_id',
      'verdict',
      'rule',
      'reason_en',
      'reason_zh',
      'reviewer',
      'reviewed_on',
    ]);
  });

  it('refuses a reading of a row that does not exist, a second reading of one row, and an unknown metric, vocabulary or date', () => {
    expect(
      problemsOf(
        row('004-zhangdian-2019-f099', 'schools_built_or_expanded', 'same_definition') +
          row('004-zhangdian-2019-f002', 'schools_built_or_expanded', 'same_definition') +
          row('004-zhangdian-2019-f002', 'schools_built_or_expanded', 'same_definition') +
          row('004-zhangdian-2019-f003', 'nonexistent_metric', 'same_definition') +
          row('004-zhangdian-2019-f003', 'preschool_gross_enrolment_rate', 'fine') +
          row('004-zhangdian-2019-f004', 'preschool_gross_enrolment_rate_change', 'same_definition', 'intuition') +
          row('004-zhangdian-2019-f004', 'preschool_gross_enrolment_rate_change', 'same_definition', 'definition', '2026-02-30'),
      ),
    ).toEqual([
      at(4, 'observation_id', 'reviewed twice, first on line 3'),
      at(5, 'compared_in', 'unknown metric'),
      at(6, 'verdict', 'Invalid option'),
      at(7, 'rule', 'Invalid option'),
      at(8, 'reviewed_on', 'is not a calendar date'),
    ]);
    expect(problemsOf(row('004-zhangdian-2019-f099', 'schools_built_or_expanded', 'same_definition'))).toEqual([
      at(2, 'observation_id', 'no such observation in the compiled data'),
    ]);
  });

  it('holds each verdict to its row: a verdict that no longer describes it is an error at its line', () => {
    const f001 = (flags: string, kind = 'actual', scope = ',') =>
      FIGURES.replace(
        'f001,school_construction_investment,2019,actual,18,亿元,,18亿元,投资18亿元的9所中小学建设稳步推进,,,,,',
        `f001,school_construction_investment,2019,${kind},18,亿元,,18亿元,投资18亿元的9所中小学建设稳步推进,${scope},,${flags},`,
      );
    const id = '004-zhangdian-2019-f001';
    const read = (verdict: string, figures = FIGURES, comparedIn = 'school_construction_investment') => problemsOf(row(id, comparedIn, verdict), figures);
    // same definition: of the metric it was read in, whole-region, an outcome, in no doubt
    expect(read('same_definition', FIGURES, 'schools_built_or_expanded')).toEqual([at(2, 'verdict', 'is published under school_construction_investment')]);
    expect(read('same_definition', f001('ambiguous_definition'))).toEqual([at(2, 'verdict', 'but it is flagged ambiguous_definition')]);
    expect(read('same_definition', f001('', 'target'))).toEqual([at(2, 'verdict', 'but it is a target for region')]);
    // each other verdict needs the change it names
    expect(read('different_definition')).toEqual([at(2, 'verdict', 'is still published under school_construction_investment: move it to a metric of its own')]);
    expect(read('target')).toEqual([at(2, 'verdict', 'its kind is actual')]);
    expect(read('part')).toEqual([at(2, 'verdict', 'its scope is region')]);
    expect(read('unclear')).toEqual([at(2, 'verdict', 'carries no ambiguous_definition, ambiguous_scope, ambiguous_period flag')]);
    expect(read('contradicted')).toEqual([at(2, 'verdict', 'no check of its report fails')]);
    // and is accepted once the row shows it
    expect(read('different_definition', FIGURES, 'schools_built_or_expanded')).toEqual([]);
    expect(read('target', f001('', 'target'))).toEqual([]);
    expect(read('part', f001('', 'actual', 'group:中小学,primary and secondary schools'))).toEqual([]);
    expect(read('unclear', f001('ambiguous_definition'))).toEqual([]);
  });

  it('reads a row another reading names as contradicted, as much as the other reading', () => {
    const second =
      'f005,school_construction_investment,2019,actual,500,万元,gt,500余万元,投资500余万元购置平板3000余部,,,alternative_to=f001,ambiguous_definition,另一读法,another reading\n';
    const figures = FIGURES.replace('投资18亿元的9所中小学建设稳步推进,,,,,', '投资18亿元的9所中小学建设稳步推进,,,,ambiguous_definition,') + second;
    expect(
      problemsOf(
        row('004-zhangdian-2019-f001', 'school_construction_investment', 'contradicted', 'disagreement') +
          row('004-zhangdian-2019-f005', 'school_construction_investment', 'contradicted', 'disagreement'),
        figures,
      ),
    ).toEqual([]);
  });
});
