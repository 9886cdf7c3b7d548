// How completely a report has been read: every numeric mention the extractor finds is curated, deliberately
// skipped (skipped.csv, with a reason), or still to review.
import type { Problem } from './problems.ts';
import type { ValidReport } from './validate.ts';
import { codePointOffset } from '../lib/offsets.ts';
import { quoteOccurrences } from './source-index.ts';
import { findMentions } from '../text/mentions.ts';
import type { Observation } from '../model/observation.ts';

export type Coverage = {
  mentions_found: number;
  mentions_curated: number;
  mentions_skipped: number;
  /** Mentions neither curated nor skipped, as code-point spans "start-end" for the report page to mark. */
  to_review: string[];
};

/**
 * Whether a span overlaps any of a set of spans, each answered in O(log n): the spans sorted by start with the
 * furthest end reached so far (testing every curated span against every mention was quadratic in a report's size).
 */
function overlapTest(spans: [number, number][]): (span: [number, number]) => boolean {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const furthest: number[] = [];
  for (const [i, s] of sorted.entries()) furthest.push(Math.max(s[1], furthest[i - 1] ?? -Infinity));
  return ([start, end]) => {
    // the last span that starts before `end`
    let [lo, hi] = [0, sorted.length - 1];
    if (hi < 0 || sorted[0]![0] >= end) return false;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sorted[mid]![0] < end) lo = mid;
      else hi = mid - 1;
    }
    return furthest[lo]! > start;
  };
}

export function reportCoverage(report: ValidReport, observations: Observation[]): { coverage: Coverage; problems: Problem[] } {
  const problems: Problem[] = [];
  const cp = (i: number) => codePointOffset(report.source, i);
  const mentions = findMentions(report.source)
    .filter((m) => m.category === 'figure' || m.category === 'range' || m.category === 'unreadable')
    .map((m) => [cp(m.start), cp(m.end)] as [number, number]);
  const curated = observations.filter((o) => o.figure_start !== null).map((o) => [o.figure_start!, o.figure_end!] as [number, number]);
  const skippedPath = report.figuresPath.replace(/figures\.csv$/, 'skipped.csv');
  const skipped: [number, number][] = [];
  for (const { line, data } of report.skipped) {
    const found = quoteOccurrences(report, data.quote);
    const inQuote = data.quote.indexOf(data.figure_text);
    if (found.count === 0)
      problems.push({ path: skippedPath, line, field: 'quote', message: 'does not occur verbatim in source.txt', got: data.quote.slice(0, 40) });
    else if (inQuote < 0) problems.push({ path: skippedPath, line, field: 'figure_text', message: 'does not occur in the quote', got: data.figure_text });
    else skipped.push([cp(found.first + inQuote), cp(found.first + inQuote + data.figure_text.length)]);
  }
  let isCurated = 0;
  let isSkipped = 0;
  const toReview: string[] = [];
  const [overlapsCurated, overlapsSkipped] = [overlapTest(curated), overlapTest(skipped)];
  for (const span of mentions) {
    if (overlapsCurated(span)) isCurated++;
    else if (overlapsSkipped(span)) isSkipped++;
    else toReview.push(`${span[0]}-${span[1]}`);
  }
  return { coverage: { mentions_found: mentions.length, mentions_curated: isCurated, mentions_skipped: isSkipped, to_review: toReview }, problems };
}
