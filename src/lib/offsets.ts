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
