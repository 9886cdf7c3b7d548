// Positions in text: occurrences of a quote, and offsets counted in code points as published.

/** Counts non-overlapping occurrences and returns the first index. */
export function occurrences(haystack: string, needle: string): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) {
    if (first < 0) first = i;
    count++;
  }
  return { count, first };
}

/** Converts a UTF-16 index to a code-point offset, so offsets mean the same in JavaScript and Python. */
export function codePointOffset(text: string, utf16Index: number): number {
  return codePointMapper(text)(utf16Index);
}

// The compile step converts several offsets per figure of the same report text: counting from the start each time
// made it quadratic in the report's length. The mapper of the last text asked for is kept.
let lastMapped: { text: string; map: (utf16Index: number) => number } | null = null;

function codePointMapper(text: string): (utf16Index: number) => number {
  if (lastMapped?.text === text) return lastMapped.map;
  let map: (utf16Index: number) => number;
  if (!/[\udc00-\udfff]/.test(text)) {
    // no trailing surrogate: every code unit is a code point (offsets past the end count only up to it)
    map = (i) => Math.min(Math.max(i, 0), text.length);
  } else {
    const table = new Int32Array(text.length + 1);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      table[i + 1] = table[i]! + (c < 0xdc00 || c > 0xdfff ? 1 : 0);
    }
    map = (i) => table[Math.min(Math.max(i, 0), text.length)]!;
  }
  lastMapped = { text, map };
  return map;
}

/** Quotes shorter than this are searched for one by one (few are); longer ones through the index. */
const WINDOW = 6;
const BASE = 0x9e3779b1;

/** A hash of haystack[at, at + WINDOW) that can roll one code unit on (see occurrencesOfAll). */
function windowHash(text: string, at: number): number {
  let h = 0;
  for (let j = 0; j < WINDOW; j++) h = (Math.imul(h, BASE) + text.charCodeAt(at + j)) | 0;
  return h;
}

/**
 * occurrences() of many needles in one haystack, in one pass over it: each needle is keyed by a hash of its first
 * code units, and the haystack is read once with a rolling hash of as many, each hit checked in place. Searching
 * the whole text once per quote made a report's compile quadratic (100,000 quotes in a 50 MB text).
 */
export function occurrencesOfAll(haystack: string, needles: Iterable<string>): Map<string, { count: number; first: number }> {
  const found = new Map<string, { count: number; first: number; end: number }>();
  const byHash = new Map<number, string[]>();
  for (const needle of needles) {
    if (found.has(needle)) continue;
    if (needle.length < WINDOW) {
      found.set(needle, { ...occurrences(haystack, needle), end: 0 });
      continue;
    }
    found.set(needle, { count: 0, first: -1, end: 0 });
    const h = windowHash(needle, 0);
    const same = byHash.get(h);
    if (same) same.push(needle);
    else byHash.set(h, [needle]);
  }
  if (byHash.size && haystack.length >= WINDOW) {
    // BASE^(WINDOW-1), the weight of the code unit that leaves the window
    let top = 1;
    for (let j = 1; j < WINDOW; j++) top = Math.imul(top, BASE);
    let h = windowHash(haystack, 0);
    for (let at = 0; ; at++) {
      const candidates = byHash.get(h);
      if (candidates) {
        for (const needle of candidates) {
          const f = found.get(needle)!;
          // non-overlapping, as occurrences() counts them
          if (at >= f.end && haystack.startsWith(needle, at)) {
            if (f.first < 0) f.first = at;
            f.count++;
            f.end = at + needle.length;
          }
        }
      }
      if (at + WINDOW >= haystack.length) break;
      h = (Math.imul(h - Math.imul(haystack.charCodeAt(at), top), BASE) + haystack.charCodeAt(at + WINDOW)) | 0;
    }
  }
  return new Map([...found].map(([needle, { count, first }]) => [needle, { count, first }]));
}

/** Where each line of a text starts, and which line an index is on, in O(log lines). */
export class LineStarts {
  readonly starts: number[];
  constructor(text: string) {
    this.starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  /** The 0-based line of a UTF-16 index. */
  lineOf(index: number): number {
    let [lo, hi] = [0, this.starts.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
