// CSV is written in one place: lib/csv.ts frames it ("\n" line ends, a final newline, papaparse's quoting) and makes
// published cells formula-safe; data files keep their text as written.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvHeader, csvOfRecords, csvRows, csvText, toCsv } from '../../src/lib/csv.ts';

const root = new URL('../../', import.meta.url).pathname;

describe('writing CSV', () => {
  it('frames a table: header, rows quoted where needed, "\\n" line ends and a final newline', () => {
    expect(
      csvText(
        ['a', 'b'],
        [
          ['1', 'x,y'],
          ['', 'say "hi"'],
        ],
      ),
    ).toBe('a,b\n1,"x,y"\n,"say ""hi"""\n');
    expect(csvHeader(['a', 'b']) + csvRows(['a', 'b'], [['1', '2']]) + '\n').toBe(csvText(['a', 'b'], [['1', '2']]));
    expect(csvOfRecords([{ id: 'r1', n: 2, none: null }])).toBe('id,n,none\nr1,2,\n');
  });

  it('keeps a data file’s text as written, and makes a published cell that a spreadsheet would run inert', () => {
    expect(csvText(['quote'], [['-482 人']])).toBe('quote\n-482 人\n');
    expect(toCsv([{ quote: '=1+1', value: -482, list: ['a', 'b'] }], ['quote', 'value', 'list'])).toBe("quote,value,list\n'=1+1,-482,a;b\n");
  });

  it('reads back what it writes', () => {
    const rows = [
      ['多行\n文字', '逗号,引号"'],
      ['', ' 空格 '],
    ];
    expect(Papa.parse(csvText(['a', 'b'], rows), { header: false, skipEmptyLines: true }).data).toEqual([['a', 'b'], ...rows]);
  });

  it('is the only writer: no other source file calls Papa.unparse', () => {
    const files = ['src', 'scripts'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(ts|astro|mjs)$/.test(f))
        .map((f) => join(dir, f)),
    );
    const writers = files.filter((f) => readFileSync(join(root, f), 'utf8').includes('Papa.unparse'));
    expect(writers).toEqual([join('src', 'lib', 'csv.ts')]);
  });
});
