// Proof that every published number comes from its report: source.txt is cut verbatim from the snapshot, each
// quote occurs once in source.txt, and the figure inside the quote parses to the curated value.
import type { Problem } from './problems.ts';
import type { ValidReport } from './validate.ts';
import { jsonKeyLine } from '../lib/json-lines.ts';
import { sha256 } from '../lib/hash.ts';
import { codePointOffset, occurrences } from '../lib/offsets.ts';
import { parseFigure, type ParsedFigure } from '../text/figure.ts';
import type { FigureRow } from '../model/figure.ts';

export function proveSource(report: ValidReport, snapshots: Pick<ReadonlyMap<string, string>, 'get'>): Problem[] {
  const problems: Problem[] = [];
  const { meta, jsonPath, sourcePath, source } = report;
  const snapshot = snapshots.get(meta.seed_file);
  const jsonText = (key: string) => jsonKeyLine(report.jsonText, key);
  if (snapshot === undefined) {
    problems.push({ path: jsonPath, line: jsonText('seed_file'), field: 'seed_file', message: 'no such file in data/snapshots/', got: meta.seed_file });
  } else {
    const seedHash = sha256(snapshot);
    if (seedHash !== meta.seed_sha256) {
      problems.push({
        path: jsonPath,
        line: jsonText('seed_sha256'),
        field: 'seed_sha256',
        message: `does not match data/snapshots/${meta.seed_file} (${seedHash})`,
        got: meta.seed_sha256,
      });
    }
    for (const field of ['source_index_no', 'source_issued', 'source_publisher'] as const) {
      const value = meta[field];
      if (value !== undefined && !snapshot.includes(value)) {
        problems.push({
          path: jsonPath,
          line: jsonText(field),
          field,
          message: `is not verbatim in data/snapshots/${meta.seed_file}`,
          got: value.slice(0, 40),
        });
      }
    }
    source.split('\n').forEach((line, i) => {
      const text = line.replace(/\r$/, '');
      if (text.trim() && !snapshot.includes(text)) {
        problems.push({
          path: sourcePath,
          line: i + 1,
          field: '(text)',
          message: `is not verbatim in data/snapshots/${meta.seed_file}`,
          got: text.slice(0, 40),
        });
      }
    });
  }
  const sourceHash = sha256(source);
  if (sourceHash !== meta.source_sha256) {
    problems.push({
      path: jsonPath,
      line: jsonText('source_sha256'),
      field: 'source_sha256',
      message: `does not match source.txt (${sourceHash}); update it after reviewing the change`,
      got: meta.source_sha256,
    });
  }
  meta.year_evidence.forEach((quote, i) => {
    if (!source.includes(quote)) {
      problems.push({ path: jsonPath, line: jsonText('year_evidence'), field: `year_evidence.${i}`, message: 'does not occur in source.txt', got: quote });
    }
  });
  return problems;
}

/**
 * Where a figure's text stands in its quote, as a whole number: "8个" does not count inside "18个", nor "1.7" inside
 * "21.7". More than one place means the curator must say which.
 */
function figureOccurrences(quote: string, figureText: string): number[] {
  const at: number[] = [];
  for (let i = quote.indexOf(figureText); i >= 0; i = quote.indexOf(figureText, i + 1)) {
    const gluedBefore = /^[0-9０-９.。．]/.test(figureText) && /[0-9０-９.。．]/.test(quote[i - 1] ?? '');
    const gluedAfter = /[0-9０-９]$/.test(figureText) && /[0-9０-９]/.test(quote[i + figureText.length] ?? '');
    if (!gluedBefore && !gluedAfter) at.push(i);
  }
  return at;
}

/**
 * The figure inside a figure_text: its longest readable part, so a curator can tell two equal figures of one sentence
 * apart by the words around them ("覆盖率100%", "11所小学、幼儿园"). A tie goes to the later start.
 */
function figureWithin(figureText: string): { offset: number; length: number; parsed: ParsedFigure } {
  const whole = parseFigure(figureText);
  // A blanked number ("220__个") stays unreadable: no part of it is a figure.
  if (whole.ok || /[_＿]/.test(figureText)) return { offset: 0, length: figureText.length, parsed: whole };
  let best: { offset: number; length: number; parsed: ParsedFigure } | null = null;
  const n = Math.min(figureText.length, 80);
  for (let length = n - 1; length > 0 && !best; length--) {
    for (let offset = n - length; offset >= 0; offset--) {
      const parsed = parseFigure(figureText.slice(offset, offset + length));
      if (parsed.ok) {
        best = { offset, length, parsed };
        break;
      }
    }
  }
  return best ?? { offset: 0, length: figureText.length, parsed: whole };
}

export type FigureOffsets = { quote_start: number; quote_end: number; figure_start: number; figure_end: number };

/** Locates one curated figure in its source and proves its value; returns offsets in code points. */
export function proveFigure(row: FigureRow, line: number, report: ValidReport): { located: FigureOffsets | null; problems: Problem[] } {
  const path = report.figuresPath;
  const problems: Problem[] = [];
  const found = occurrences(report.source, row.quote);
  if (found.count !== 1) {
    problems.push({
      path,
      line,
      field: 'quote',
      message: found.count === 0 ? 'does not occur verbatim in source.txt' : `occurs ${found.count} times in source.txt; quote more of the sentence`,
      got: row.quote.length > 60 ? `${row.quote.slice(0, 60)}…` : row.quote,
    });
  }
  const inQuote = figureOccurrences(row.quote, row.figure_text);
  if (inQuote.length === 0) problems.push({ path, line, field: 'figure_text', message: 'does not occur in the quote', got: row.figure_text });
  if (inQuote.length > 1) {
    problems.push({
      path,
      line,
      field: 'figure_text',
      message: `occurs ${inQuote.length} times in the quote; include the words just before it (覆盖率100%)`,
      got: row.figure_text,
    });
  }
  const figure = figureWithin(row.figure_text);
  const parsed = figure.parsed;
  if (!parsed.ok) {
    if (!row.flags.includes('garbled_in_source')) {
      problems.push({ path, line, field: 'figure_text', message: `cannot be read as a figure: ${parsed.reason}`, got: row.figure_text });
    }
  } else {
    if (row.value === '' || Number(row.value) !== parsed.value) {
      problems.push({ path, line, field: 'value', message: `does not match the figure in the quote (${parsed.valueText})`, got: row.value });
    }
    if (row.unit !== parsed.unit)
      problems.push({ path, line, field: 'unit', message: `does not match the figure in the quote (${parsed.unit})`, got: row.unit });
    if (row.qualifier !== parsed.qualifier) {
      problems.push({ path, line, field: 'qualifier', message: `does not match the figure in the quote (${parsed.qualifier || 'none'})`, got: row.qualifier });
    }
  }
  if (found.count !== 1 || inQuote.length !== 1) return { located: null, problems };
  const figureAt = found.first + inQuote[0]! + figure.offset;
  const cp = (i: number) => codePointOffset(report.source, i);
  return {
    located: {
      quote_start: cp(found.first),
      quote_end: cp(found.first + row.quote.length),
      figure_start: cp(figureAt),
      figure_end: cp(figureAt + figure.length),
    },
    problems,
  };
}
