// Lines of a JSON file as written, so a problem found in its parsed value points at the line a person edits.
import { describe, expect, it } from 'vitest';
import { jsonKeyLine, jsonPathLines } from '../../src/lib/json-lines.ts';

// a release record's shape: a table named "metrics" under "columns" before the top-level "metrics"
const TEXT = `{
 "version": "1.0.0",
 "columns": {
  "observations": ["a", "b"],
  "metrics": [
   "metric_id",
   "unit_base"
  ]
 },
 "metrics": {
  "enrolment": "0123abcd:",
  "teachers": 12
 },
 "splits": [
  {"from": "x", "to": ["y"]},
  {
   "from": "p",
   "to": ["q", "r"]
  }
 ]
}
`;

describe('jsonPathLines', () => {
  const lineOf = jsonPathLines(TEXT);

  it('gives the line of a key by its path, not of the first key of that name', () => {
    expect(lineOf(['version'])).toBe(2);
    expect(lineOf(['columns', 'metrics'])).toBe(5);
    expect(lineOf(['metrics'])).toBe(10);
    expect(jsonKeyLine(TEXT, 'metrics')).toBe(5);
    expect(lineOf(['metrics', 'teachers'])).toBe(12);
  });

  it('gives the line of an array element by its index, and of keys inside it', () => {
    expect(lineOf(['columns', 'metrics', 1])).toBe(7);
    expect(lineOf(['splits', 0])).toBe(15);
    expect(lineOf(['splits', 1])).toBe(16);
    expect(lineOf(['splits', 1, 'to'])).toBe(18);
  });

  it('gives the nearest written ancestor for a path the text does not hold, and line 1 for none', () => {
    expect(lineOf(['metrics', 'absent'])).toBe(10);
    expect(lineOf(['splits', 1, 'to', 5])).toBe(18);
    expect(lineOf(['nowhere'])).toBe(1);
    expect(lineOf([])).toBe(1);
  });

  it('reads keys with escapes and strings holding brackets, commas and colons', () => {
    const lines = jsonPathLines('{\n "a\\"b": "x,]}:",\n "c": [1,\n  "{"]\n}');
    expect(lines(['a"b'])).toBe(2);
    expect(lines(['c', 1])).toBe(4);
  });
});
