// A report's source.txt indexed once for the proofs that look things up in it: where every curated and skipped
// quote occurs, and which line an index is on. Looking each up over the whole text made compiling one report
// quadratic in its length (a 100,000-row figures.csv, a 50 MB source.txt).
import { LineStarts, occurrences, occurrencesOfAll } from '../lib/offsets.ts';
import type { ValidReport } from './validate.ts';

type Index = { source: string; quotes: Map<string, { count: number; first: number }>; lines: LineStarts };
const indexes = new WeakMap<Pick<ValidReport, 'source'>, Index>();

function indexOf(report: Pick<ValidReport, 'source' | 'figures' | 'skipped'>): Index {
  let index = indexes.get(report);
  if (!index || index.source !== report.source) {
    const quotes = [...(report.figures ?? []).map((f) => f.data.quote), ...(report.skipped ?? []).map((s) => s.data.quote)].filter(Boolean);
    index = { source: report.source, quotes: occurrencesOfAll(report.source, quotes), lines: new LineStarts(report.source) };
    indexes.set(report, index);
  }
  return index;
}

/** occurrences(report.source, quote), from the index when the quote is one of the report's. */
export function quoteOccurrences(report: Pick<ValidReport, 'source' | 'figures' | 'skipped'>, quote: string): { count: number; first: number } {
  return indexOf(report).quotes.get(quote) ?? occurrences(report.source, quote);
}

/** The 0-based line of source.txt that a UTF-16 index is on, and where that line starts and ends. */
export function sourceLineAt(report: Pick<ValidReport, 'source' | 'figures' | 'skipped'>, at: number): { line: number; start: number; end: number } {
  const { starts } = indexOf(report).lines;
  const line = indexOf(report).lines.lineOf(at);
  return { line, start: starts[line]!, end: line + 1 < starts.length ? starts[line + 1]! - 1 : report.source.length };
}
