// Cuts a report's text into plain runs and quoted sentences, with the figures inside marked, so the report page
// can anchor every observation on its sentence. Offsets are code points, as published.
import type { Observation } from '../model/observation.ts';

/** A run of text; `figureOf` names the observations whose figure it is; `review` marks a mention not yet reviewed. */
export type Piece = { text: string; figureOf: string[]; review?: boolean };
export type Segment = { kind: 'text'; pieces: Piece[] } | { kind: 'quote'; anchors: string[]; pieces: Piece[] };

type Span = { start: number; end: number; ids: string[] };

/** Merges overlapping spans, so quotes that share words become one highlighted passage. */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.ids.push(...span.ids);
    } else merged.push({ ...span, ids: [...span.ids] });
  }
  return merged;
}

export function segmentSource(source: string, observations: Observation[], review: [number, number][] = []): Segment[] {
  const chars = Array.from(source);
  const located = observations.filter((o) => o.quote_start !== null && o.quote_end !== null);
  const quotes = mergeSpans(located.map((o) => ({ start: o.quote_start!, end: o.quote_end!, ids: [o.observation_id] })));
  const figures = mergeSpans(
    located.filter((o) => o.figure_start !== null).map((o) => ({ start: o.figure_start!, end: o.figure_end!, ids: [o.observation_id] })),
  );
  const segments: Segment[] = [];
  let cursor = 0;
  for (const quote of quotes) {
    if (quote.start > cursor) segments.push({ kind: 'text', pieces: plain(cursor, quote.start) });
    const pieces: Piece[] = [];
    let at = quote.start;
    for (const figure of figures.filter((f) => f.start >= quote.start && f.end <= quote.end)) {
      if (figure.start > at) pieces.push({ text: chars.slice(at, figure.start).join(''), figureOf: [] });
      pieces.push({ text: chars.slice(figure.start, figure.end).join(''), figureOf: figure.ids });
      at = figure.end;
    }
    if (quote.end > at) pieces.push({ text: chars.slice(at, quote.end).join(''), figureOf: [] });
    segments.push({ kind: 'quote', anchors: quote.ids, pieces });
    cursor = quote.end;
  }
  if (cursor < chars.length) segments.push({ kind: 'text', pieces: plain(cursor, chars.length) });
  return segments;

  // Text outside quotes, with the mentions still to review marked for maintainers.
  function plain(from: number, to: number): Piece[] {
    const pieces: Piece[] = [];
    let at = from;
    for (const [start, end] of review.filter(([a, b]) => a >= from && b <= to).sort((x, y) => x[0] - y[0])) {
      if (start < at) continue;
      if (start > at) pieces.push({ text: chars.slice(at, start).join(''), figureOf: [] });
      pieces.push({ text: chars.slice(start, end).join(''), figureOf: [], review: true });
      at = end;
    }
    if (to > at) pieces.push({ text: chars.slice(at, to).join(''), figureOf: [] });
    return pieces;
  }
}
