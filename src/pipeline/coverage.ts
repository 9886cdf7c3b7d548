// How completely a report has been read: every numeric mention the extractor finds is curated, deliberately
// skipped (skipped.csv, with a reason), or still to review.
import type { Problem } from './problems.ts';
import type { ValidReport } from './validate.ts';
import { codePointOffset, occurrences } from '../lib/offsets.ts';
import { findMentions } from '../text/mentions.ts';
import type { Observation } from '../model/observation.ts';

export type Coverage = {
  mentions_found: number;
  mentions_curated: number;
  mentions_skipped: number;
  /** Mentions neither curated nor skipped, as code-point spans "start-end" for the report page to mark. */
  to_review: string[];
};

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];

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
    const found = occurrences(report.source, data.quote);
    const inQuote = data.quote.indexOf(data.figure_text);
    if (found.count === 0)
      problems.push({ path: skippedPath, line, field: 'quote', message: 'does not occur verbatim in source.txt', got: data.quote.slice(0, 40) });
    else if (inQuote < 0) problems.push({ path: skippedPath, line, field: 'figure_text', message: 'does not occur in the quote', got: data.figure_text });
    else skipped.push([cp(found.first + inQuote), cp(found.first + inQuote + data.figure_text.length)]);
  }
  let isCurated = 0;
  let isSkipped = 0;
  const toReview: string[] = [];
  for (const span of mentions) {
    if (curated.some((c) => overlaps(c, span))) isCurated++;
    else if (skipped.some((s) => overlaps(s, span))) isSkipped++;
    else toReview.push(`${span[0]}-${span[1]}`);
  }
  return { coverage: { mentions_found: mentions.length, mentions_curated: isCurated, mentions_skipped: isSkipped, to_review: toReview }, problems };
}
