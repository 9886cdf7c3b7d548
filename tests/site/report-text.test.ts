import { describe, expect, it } from 'vitest';
import { segmentSource } from '../../src/site/report-text.ts';
import type { Observation } from '../../src/model/observation.ts';

const source = '加大教育投入,投资18亿元的9所中小学建设稳步推进;投资500余万元购置平板3000余部。';
const obs = (id: string, quote: string, figure: string): Observation => {
  const qs = source.indexOf(quote);
  const fs = qs + quote.indexOf(figure);
  return {
    observation_id: id,
    quote,
    figure_text: figure,
    quote_start: qs,
    quote_end: qs + quote.length,
    figure_start: fs,
    figure_end: fs + figure.length,
  } as Observation;
};

describe('segmentSource', () => {
  it('keeps the text whole and marks each figure inside its sentence', () => {
    const segments = segmentSource(source, [obs('a', '投资18亿元的9所中小学建设稳步推进', '18亿元'), obs('b', '投资18亿元的9所中小学建设稳步推进', '9所')]);
    const text = segments.map((s) => s.pieces.map((p) => p.text).join('')).join('');
    expect(text).toBe(source);
    const quote = segments.find((s) => s.kind === 'quote')!;
    expect(quote.kind === 'quote' && quote.anchors).toEqual(['a', 'b']);
    expect(quote.kind === 'quote' && quote.pieces.filter((p) => p.figureOf.length).map((p) => p.text)).toEqual(['18亿元', '9所']);
  });

  it('merges overlapping quotes into one passage so every anchor still lands on its sentence', () => {
    const segments = segmentSource(source, [obs('a', '投资18亿元的9所', '18亿元'), obs('b', '9所中小学建设稳步推进', '9所')]);
    const quotes = segments.filter((s) => s.kind === 'quote');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.kind === 'quote' && quotes[0]!.anchors.sort()).toEqual(['a', 'b']);
  });

  it('marks mentions still to review outside the curated sentences', () => {
    const segments = segmentSource(
      source,
      [obs('a', '投资18亿元的9所中小学建设稳步推进', '18亿元')],
      [[source.indexOf('3000余部'), source.indexOf('3000余部') + 6]],
    );
    const review = segments.flatMap((s) => s.pieces).filter((p) => p.review);
    expect(review.map((p) => p.text)).toEqual(['3000余部']);
  });

  it('counts offsets in code points, so a character outside the BMP does not shift the marks', () => {
    const text = '𠀀投资18亿元';
    const o = { observation_id: 'x', quote: '投资18亿元', figure_text: '18亿元', quote_start: 1, quote_end: 7, figure_start: 3, figure_end: 7 } as Observation;
    const quote = segmentSource(text, [o]).find((s) => s.kind === 'quote')!;
    expect(quote.kind === 'quote' && quote.pieces.map((p) => p.text)).toEqual(['投资', '18亿元']);
  });
});
