import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCells, toCsv } from '../../src/lib/csv.ts';
import { safeCell, unsafeCell } from '../../src/lib/csv-safe.ts';
import { typedRecord } from '../../src/model/columns.ts';

describe('formula-safe CSV cells', () => {
  it.each(['=1+1', '+1', '-cmd', '@SUM(A1)', '\t=1', '\r=1', "'=1", "''+x"])('makes %j inert and reads it back unchanged', (text) => {
    expect(safeCell(text).startsWith("'")).toBe(true);
    expect(unsafeCell(safeCell(text))).toBe(text);
  });

  it('leaves ordinary text, and a text that starts with an apostrophe, as written', () => {
    for (const text of ['张店区', '2014-2018', "'quoted'", 'Y-1', '']) {
      expect(safeCell(text)).toBe(text);
      expect(unsafeCell(text)).toBe(text);
    }
  });

  it('keeps numbers numeric: a negative change is data, not a formula', () => {
    expect(csvCells({ value: -482, note: '-482' }, ['value', 'note'])).toEqual(['-482', "'-482"]);
    expect(toCsv([{ value: -4.5, flags: ['=x', 'y'] }], ['value', 'flags'])).toBe("value,flags\n-4.5,'=x;y\n");
  });

  it('reads a published row back to the values written', () => {
    const csv = toCsv([{ observation_id: 'a', value: -3, note_en: '=HYPERLINK("x")', flags: [] as string[] }], ['observation_id', 'value', 'note_en', 'flags']);
    const [record] = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(typedRecord('observations', record!)).toMatchObject({ value: -3, note_en: '=HYPERLINK("x")' });
  });
});
