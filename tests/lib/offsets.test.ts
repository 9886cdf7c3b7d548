// The one-pass search that proves every quote of a report: it must find exactly what searching the text once per
// quote finds (count of non-overlapping occurrences and the first), and the line of every index.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineStarts, occurrences, occurrencesOfAll } from '../../src/lib/offsets.ts';

// few distinct characters, so that needles occur, overlap and share their first code units; an astral character
// (two code units) and line breaks among them
const text = (maxLength: number) => fc.string({ unit: fc.constantFrom('a', 'b', '\n', '学', '。', '𠀀'), maxLength });

describe('occurrencesOfAll', () => {
  it('finds what occurrences() finds, for every needle', () => {
    fc.assert(
      fc.property(text(80), fc.array(text(10), { maxLength: 10 }), (haystack, needles) => {
        const wanted = needles.filter(Boolean);
        const all = occurrencesOfAll(haystack, wanted);
        for (const needle of wanted) expect(all.get(needle)).toEqual(occurrences(haystack, needle));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts overlapping places as occurrences() does, and tells quotes that share their start apart', () => {
    const haystack = '学校学校学校学校学校学校学校，学校学校学校学校学校学校乙';
    const all = occurrencesOfAll(haystack, ['学校学校学校学校', '学校学校学校学校学校学校乙', '学校学校学校学校学校学校丙']);
    expect(all.get('学校学校学校学校')).toEqual({ count: 2, first: 0 });
    expect(all.get('学校学校学校学校学校学校乙')).toEqual({ count: 1, first: 15 });
    expect(all.get('学校学校学校学校学校学校丙')).toEqual({ count: 0, first: -1 });
  });
});

describe('LineStarts', () => {
  it('gives the line of every index', () => {
    fc.assert(
      fc.property(text(60), (t) => {
        const lines = new LineStarts(t);
        for (let i = 0; i <= t.length; i++) expect(lines.lineOf(i)).toBe(t.slice(0, i).split('\n').length - 1);
      }),
      { numRuns: 500 },
    );
  });
});
