// Coverage: every numeric mention the extractor finds in a report is curated, skipped with a reason, or still to
// review, and the report page marks the last.
import { describe, expect, it } from 'vitest';
import { reportCoverage } from '../../src/pipeline/coverage.ts';
import { formatProblem } from '../../src/pipeline/problems.ts';
import { FIGURES, SOURCE, validFixture } from '../fixtures/dataset.ts';
import { observation } from '../observation.ts';

const SKIPPED_HEADER = 'quote,figure_text,reason';
/** A curated observation at the code-point span of `figure` in source.txt. */
const at = (figure: string) => {
  const start = Array.from(SOURCE.slice(0, SOURCE.indexOf(figure))).length;
  return observation({ figure_start: start, figure_end: start + Array.from(figure).length });
};
const coverage = (figures: string[], skipped?: string) => {
  const { report, problems } = validFixture({ figures: FIGURES, ...(skipped ? { skipped } : {}) });
  expect(problems.map(formatProblem)).toEqual([]);
  const result = reportCoverage(report!, figures.map(at));
  return { ...result.coverage, problems: result.problems.map(formatProblem) };
};

describe('a report’s coverage', () => {
  it('counts the mentions its curated figures cover', () => {
    const all = coverage(['18亿元', '9所', '500余万元', '3000余部', '58台', '98.5%', '1.2个百分点']);
    expect(all.mentions_curated).toBe(all.mentions_found);
    expect(all.to_review).toEqual([]);
    expect(all.mentions_found).toBeGreaterThanOrEqual(7);
  });

  it('lists a mention neither curated nor skipped as a code-point span to review', () => {
    const some = coverage(['18亿元', '9所', '500余万元', '3000余部', '98.5%', '1.2个百分点']);
    const start = Array.from(SOURCE.slice(0, SOURCE.indexOf('58台'))).length;
    expect(some.to_review).toEqual([`${start}-${start + 3}`]);
    expect(some.mentions_curated).toBe(some.mentions_found - 1);
  });

  it('counts a skipped mention as skipped, not to review', () => {
    const some = coverage(['18亿元', '9所', '500余万元', '3000余部', '98.5%', '1.2个百分点'], `${SKIPPED_HEADER}\n充电车58台,58台,equipment count\n`);
    expect(some).toMatchObject({ to_review: [], mentions_skipped: 1 });
  });

  it('names a skipped quote that is not in source.txt and a figure not in its quote, at their lines of skipped.csv', () => {
    const { problems } = coverage([], `${SKIPPED_HEADER}\n充电车59台,59台,equipment count\n充电车58台,60台,equipment count\n`);
    expect(problems).toEqual([
      'reports/004-zhangdian-2019/skipped.csv:2: quote: does not occur verbatim in source.txt (got "充电车59台")',
      'reports/004-zhangdian-2019/skipped.csv:3: figure_text: does not occur in the quote (got "60台")',
    ]);
  });
});
