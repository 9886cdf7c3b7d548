// Proof that every published number comes from its report: source.txt is cut verbatim from the snapshot, each
// quote occurs once in source.txt, and the figure inside the quote parses to the curated value.
import type { Problem } from './problems.ts';
import type { ValidReport } from './validate.ts';
import { jsonKeyLine } from '../lib/json-lines.ts';
import { sha256 } from '../lib/hash.ts';
import { codePointOffset } from '../lib/offsets.ts';
import { quoteOccurrences, sourceLineAt } from './source-index.ts';
import { parseFigure, type ParsedFigure } from '../text/figure.ts';
import type { FigureRow } from '../model/figure.ts';

type SourceLine = { start: number; text: string };

/** source.txt's lines with where each starts (a trailing CR is not part of the line). */
function sourceLines(source: string): SourceLine[] {
  const lines: SourceLine[] = [];
  for (let start = 0; start <= source.length;) {
    const end = source.indexOf('\n', start);
    const stop = end < 0 ? source.length : end;
    lines.push({ start, text: source.slice(start, stop).replace(/\r$/, '') });
    start = stop + 1;
  }
  return lines;
}

/** What the snapshot holds either side of a source line, within the snapshot's own line. */
export type LineEdges = { before: string; after: string };

/**
 * Finds a source line in the snapshot: as a whole snapshot line first (most are), else inside one, searching on from
 * where the previous line was found (source.txt keeps the snapshot's order), so that the search stays linear in
 * the report's length. Of several places, one whose edges are clean is taken.
 */
function locateLine(text: string, snapshot: string, search: { whole: Map<string, number>; from: number }): LineEdges | null {
  if (search.whole.has(text)) return { before: '', after: '' };
  let found: LineEdges | null = null;
  const tryFrom = (from: number) => {
    let tries = 0;
    for (let at = snapshot.indexOf(text, from); at >= 0 && tries++ < 100; at = snapshot.indexOf(text, at + 1)) {
      const lineStart = snapshot.lastIndexOf('\n', at - 1) + 1;
      const lineEnd = snapshot.indexOf('\n', at + text.length);
      const edges = {
        before: snapshot.slice(lineStart, at),
        after: snapshot.slice(at + text.length, lineEnd < 0 ? snapshot.length : lineEnd).replace(/\r$/, ''),
      };
      found ??= edges;
      search.from = at + text.length;
      if (!edges.before.length || !edges.after.length || (cleanCut(edges.before, text, 'before') && cleanCut(edges.after, text, 'after'))) {
        found = edges;
        return true;
      }
    }
    return false;
  };
  if (!tryFrom(search.from) && search.from > 0) tryFrom(0);
  return found;
}

const snapshotSearch = (snapshot: string) => {
  const whole = new Map<string, number>();
  snapshot.split('\n').forEach((line, i) => whole.set(line.replace(/\r$/, ''), i));
  return { whole, from: 0 };
};

// Where a sentence may be cut from the web page's text: at a sentence's end, at white space, or off a page number
// ("2、" before the text of page 2, "第6页 共6页" after the last). Anything else dropped at a line's edge is words of
// the sentence: 计划投资不到5亿元 cut to 5亿元 publishes a bare 5亿元.
const SENTENCE_END = /[。！？!?；;\s]/u;
const PAGE_FURNITURE = /^\s*(?:\d{1,4}\s*[、.．]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?)\s*$/u;

function cleanCut(dropped: string, kept: string, side: 'before' | 'after'): boolean {
  if (!dropped || PAGE_FURNITURE.test(dropped)) return true;
  const [outer, inner] = side === 'before' ? [dropped.at(-1)!, kept[0] ?? ''] : [dropped[0]!, kept.at(-1) ?? ''];
  return SENTENCE_END.test(outer) || SENTENCE_END.test(inner);
}

/** Each source line's edges in its snapshot (null where the line is not found, which proveSource reports). */
export function sourceLineEdges(report: ValidReport, snapshots: Pick<ReadonlyMap<string, string>, 'get'>): (LineEdges | null)[] {
  const snapshot = snapshots.get(report.meta.seed_file);
  if (snapshot === undefined) return [];
  const search = snapshotSearch(snapshot);
  return sourceLines(report.source).map((line) => (line.text.trim() ? locateLine(line.text, snapshot, search) : null));
}

export function proveSource(report: ValidReport, snapshots: Pick<ReadonlyMap<string, string>, 'get'>): Problem[] {
  const problems: Problem[] = [];
  const { meta, jsonPath, sourcePath, source } = report;
  const snapshot = snapshots.get(meta.seed_file);
  const search = snapshot === undefined ? null! : snapshotSearch(snapshot);
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
    for (const [i, line] of sourceLines(source).entries()) {
      if (line.text.trim() && !locateLine(line.text, snapshot, search)) {
        problems.push({
          path: sourcePath,
          line: i + 1,
          field: '(text)',
          message: `is not verbatim in data/snapshots/${meta.seed_file}`,
          got: line.text.slice(0, 40),
        });
      }
    }
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

// Characters a reader does not see: beside a figure they hide that "8亿元" is the end of 1\u200b8亿元.
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/u;
const DIGIT = /[0-9０-９]/u;
const showCode = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What is wrong with the figure at source[start, end) as a reader of source.txt sees it: an invisible character
 * beside or inside it, or digits glued to it beyond the quote's edges (a quote 8亿元 cut from 投资18亿元).
 */
function figureInSourceProblem(source: string, start: number, end: number): string | null {
  const inside = INVISIBLE.exec(source.slice(start, end));
  if (inside) return `holds the invisible character ${showCode(inside[0])} in source.txt; a reader does not see it`;
  let before = start;
  while (before > 0 && INVISIBLE.test(source[before - 1]!)) before--;
  let after = end;
  while (after < source.length && INVISIBLE.test(source[after]!)) after++;
  const near = source.slice(Math.max(0, before - 8), Math.min(source.length, after + 8));
  if (before < start || after > end) {
    const c = before < start ? source[start - 1]! : source[end]!;
    return `stands beside the invisible character ${showCode(c)} in source.txt ("${near}"); a reader sees the figure with what is beyond it`;
  }
  const figure = source.slice(start, end);
  // A point before the figure glues only after a digit: 13。7 is one number, 工作。20余所 two sentences.
  const gluedBefore = DIGIT.test(source[start - 1] ?? '') || (/[.。．]/u.test(source[start - 1] ?? '') && DIGIT.test(source[start - 2] ?? ''));
  if ((DIGIT.test(figure[0] ?? '') && gluedBefore) || (DIGIT.test(figure.at(-1) ?? '') && DIGIT.test(source[end] ?? '')))
    return `is part of a longer number in source.txt ("${near}"); quote the whole number`;
  return null;
}

/** The sentence's edges a figure's quote reaches in its line: words the snapshot has there and source.txt dropped. */
function droppedWords(
  report: Pick<ValidReport, 'source' | 'figures' | 'skipped'>,
  quoteStart: number,
  quoteEnd: number,
  edges: (LineEdges | null)[],
): string | null {
  const { source } = report;
  const { line: lineIndex, start: lineStart } = sourceLineAt(report, quoteStart);
  const edge = edges[lineIndex];
  if (!edge) return null;
  const lineEnd = source.indexOf('\n', quoteEnd);
  const text = source.slice(lineStart, lineEnd < 0 ? source.length : lineEnd).replace(/\r$/, '');
  // The quote's sentence runs to the line's start (or end) when no sentence ends between them.
  const reachesStart = !/[。！？!?；;]/u.test(source.slice(lineStart, quoteStart));
  const reachesEnd = !/[。！？!?；;]/u.test(text.slice(quoteEnd - lineStart, -1));
  if (reachesStart && !cleanCut(edge.before, text, 'before')) return edge.before.slice(-20);
  if (reachesEnd && !cleanCut(edge.after, text, 'after')) return edge.after.slice(0, 20);
  return null;
}

/**
 * Locates one curated figure in its source and proves its value; returns offsets in code points. `edges` (from
 * sourceLineEdges) proves too that source.txt kept the whole sentence the snapshot has around the quote.
 */
export function proveFigure(
  row: FigureRow,
  line: number,
  report: ValidReport,
  edges: (LineEdges | null)[] = [],
): { located: FigureOffsets | null; problems: Problem[] } {
  const path = report.figuresPath;
  const problems: Problem[] = [];
  const found = quoteOccurrences(report, row.quote);
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
  const seen = figureInSourceProblem(report.source, found.first + inQuote[0]!, found.first + inQuote[0]! + row.figure_text.length);
  if (seen) problems.push({ path, line, field: 'figure_text', message: seen, got: row.figure_text });
  const dropped = droppedWords(report, found.first, found.first + row.quote.length, edges);
  if (dropped !== null)
    problems.push({
      path,
      line,
      field: 'quote',
      message: `stands in a sentence whose words "${dropped}" the snapshot has and source.txt dropped at the line's edge; source.txt may drop page furniture only, never words of a sentence`,
      got: row.quote.length > 60 ? `${row.quote.slice(0, 60)}…` : row.quote,
    });
  if (seen || dropped !== null) return { located: null, problems };
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
