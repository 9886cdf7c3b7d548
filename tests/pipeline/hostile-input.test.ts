// Broken and hostile data folders (issue 16): each case is one error at its file, line and field, no follow-ons.
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDataset } from '../../src/pipeline/compile.ts';
import { formatProblem } from '../../src/pipeline/problems.ts';
import { readDataset } from '../../src/pipeline/read.ts';
import { outputFiles } from '../../src/pipeline/publish.ts';
import { sha256 } from '../../src/lib/hash.ts';
import { FIGURES, METRICS, REGIONS, SNAPSHOT, SOURCE, reportJson, writeDataset, type FixtureFiles } from '../fixtures/dataset.ts';

const REPORT = 'reports/004-zhangdian-2019';
const messages = (files: FixtureFiles, change?: (dir: string) => void) => {
  const dir = writeDataset(files);
  change?.(dir);
  return compileDataset(readDataset(dir, dir)).problems.map(formatProblem);
};
const row = (id: string, replace: (cells: string[]) => void) =>
  FIGURES.replace(new RegExp(`^${id},.*$`, 'm'), (line) => {
    const cells = line.split(',');
    replace(cells);
    return cells.join(',');
  });
// Column positions read from the fixture's header, so a new column (scope_en) cannot shift them silently.
const COLUMNS = FIGURES.split('\n')[0]!.split(',');
const PERIOD = COLUMNS.indexOf('period');
const VALUE = COLUMNS.indexOf('value');
const NOTE = COLUMNS.indexOf('note_en');
const NOTE_ZH = COLUMNS.indexOf('note_zh');

describe('long strings and control characters', () => {
  it('rejects a 100 KB name with one error naming file, line and field', () => {
    const long = 'Zhangdian'.repeat(12_000);
    expect(messages({ regions: REGIONS.replace('Zhangdian District', long) })).toEqual([
      `regions.csv:2: name_en: is ${long.length} characters long; at most 200 are allowed (got "${long.slice(0, 60)}…")`,
    ]);
  });

  it('rejects a 100 KB note and a 100 KB report title, and still lists figures.csv problems', () => {
    const out = messages({ figures: row('f001', (c) => (c[NOTE] = 'x'.repeat(100_000))), report: reportJson({ title_en: 'y'.repeat(100_000) }) });
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(new RegExp(`^${REPORT}/figures.csv:2: note_en: is 100000 characters long; at most 2000`));
    expect(out[1]).toMatch(new RegExp(`^${REPORT}/report.json:4: title_en: is 100000 characters long; at most 300`));
  });

  it('rejects a NUL byte or an escape in any text field instead of publishing it raw', () => {
    expect(messages({ figures: row('f001', (c) => (c[NOTE] = 'before\u0000after')) })).toEqual([
      `${REPORT}/figures.csv:2: note_en: contains the control character U+0000 at character 7; data/ text holds none (got "before\\u0000after")`,
    ]);
    const source = readFileSync(join(writeDataset(), REPORT, 'source.txt'), 'utf8').replace('推动了', '推动\u0000了');
    expect(messages({ source, report: reportJson({}, source) })).toContain(
      `${REPORT}/source.txt:3: (text): contains the control character U+0000 (got "2019,全区教育和体育系统在区委区政府的正确领导下,推动\\u0000了张店教育体育工作又好又快发展。")`,
    );
    expect(messages({ report: reportJson({ notes_zh: '响铃', notes_en: 'bell\u0007' }) })).toEqual([
      `${REPORT}/report.json:22: notes_en: contains the control character U+0007 at character 5; data/ text holds none (got "bell\\u0007")`,
    ]);
  });
});

describe('implausible periods and numbers', () => {
  it.each([
    ['0000', 'has the year 0, outside 1949–2100'],
    ['9999', 'has the year 9999, outside 1949–2100'],
    ['2022-2019', 'is a span that ends before it starts'],
    ['Y+9', "is more than 5 years from the report's year"],
  ])('rejects the period %s', (period, message) => {
    expect(messages({ figures: row('f001', (c) => (c[PERIOD] = period)) })).toEqual([`${REPORT}/figures.csv:2: period: ${message} (got "${period}")`]);
  });

  it('accepts the plausible periods of the real data', () => {
    for (const period of ['1949', '2100', '2014-2018', '2015H1', 'Y', 'Y-5', 'Y+5']) {
      expect(messages({ figures: row('f001', (c) => (c[PERIOD] = period)) }).filter((m) => m.includes('period'))).toEqual([]);
    }
  });

  it('rejects a 400-digit value, which would be published as Infinity, and any value of more than 15 digits', () => {
    const huge = '9'.repeat(400);
    const out = messages({ figures: row('f001', (c) => (c[VALUE] = huge)) });
    expect(out).toEqual([`${REPORT}/figures.csv:2: value: is 400 characters long; at most 200 are allowed (got "${huge.slice(0, 60)}…")`]);
    const long = '1234567890123456';
    expect(messages({ figures: row('f001', (c) => (c[VALUE] = long)) })).toEqual([
      `${REPORT}/figures.csv:2: value: has more than 15 digits; no report figure has that many (got "${long}")`,
    ]);
  });

  it('rejects a figures.csv with a header and no rows, as it rejects an empty one', () => {
    expect(messages({ figures: FIGURES.split('\n')[0] + '\n' })).toEqual([
      `${REPORT}/figures.csv:2: (row): has no figure rows: a report folder publishes at least one figure`,
    ]);
  });
});

describe('one error for one mistake', () => {
  it('reports a JSON syntax error at its true line', () => {
    const broken = reportJson().replace('"kind": "annual_summary",', '"kind": "annual_summary"');
    expect(messages({ report: broken })).toEqual([expect.stringMatching(new RegExp(`^${REPORT}/report.json:9: \\(file\\): not valid JSON: `))]);
  });

  it('lists the problems of figures.csv even when report.json is invalid', () => {
    expect(messages({ report: reportJson({ kind: 'memo' }), figures: row('f002', (c) => (c[VALUE] = '九')) })).toEqual([
      `${REPORT}/figures.csv:3: value: must be a number in ASCII digits, like 13.7 (got "九")`,
      `${REPORT}/report.json:8: kind: Invalid option: expected one of "annual_summary"|"half_year_summary"|"summary_and_plan"|"plan"|"other" (got "memo")`,
    ]);
  });

  it('reports a bad metrics.csv row once, not again for every figure of that metric', () => {
    const bad = METRICS.replace('school_construction_investment,funding,', 'school_construction_investment,finance,');
    expect(messages({ metrics: bad })).toEqual([
      'metrics.csv:2: topic: Invalid option: expected one of "access"|"places"|"funding"|"aid"|"exams"|"teachers"|"quality"|"governance" (got "finance")',
    ]);
  });
});

describe('encodings', () => {
  const toGbk = (text: string): Buffer => {
    // Node has no GBK encoder; a GBK file is made by mapping each character through the decoder's table
    const table = new Map<string, number[]>();
    const decoder = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++)
      for (let lo = 0x40; lo <= 0xfe; lo++)
        if (lo !== 0x7f) {
          const ch = decoder.decode(new Uint8Array([hi, lo]));
          if (!table.has(ch)) table.set(ch, [hi, lo]);
        }
    return Buffer.from(Array.from(text).flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f]))));
  };

  it('names GBK in one error for a GBK figures.csv, and nothing else', () => {
    expect(messages({}, (dir) => writeFileSync(join(dir, REPORT, 'figures.csv'), toGbk(FIGURES)))).toEqual([
      `${REPORT}/figures.csv:1: (file): is not UTF-8; it looks like GB18030 — convert it with: iconv -f GB18030 -t UTF-8`,
    ]);
  });

  it('names GBK in one error for a GBK source.txt or snapshot', () => {
    expect(messages({}, (dir) => writeFileSync(join(dir, REPORT, 'source.txt'), toGbk(readFileSync(join(dir, REPORT, 'source.txt'), 'utf8'))))).toEqual([
      `${REPORT}/source.txt:1: (file): is not UTF-8; it looks like GB18030 — convert it with: iconv -f GB18030 -t UTF-8`,
    ]);
    expect(messages({}, (dir) => writeFileSync(join(dir, 'snapshots', '004_0000.txt'), toGbk(SNAPSHOT)))).toEqual([
      'data/snapshots/004_0000.txt:1: (file): is not UTF-8; it looks like GB18030 — convert it with: iconv -f GB18030 -t UTF-8',
    ]);
  });

  it('calls UTF-8 cut mid-character damaged UTF-8, not another encoding', () => {
    const cut = Buffer.from(FIGURES).subarray(0, Buffer.from(FIGURES).length - 2);
    const cutMid = Buffer.concat([cut.subarray(0, cut.lastIndexOf(0xe4) + 1)]);
    const [message] = messages({}, (dir) => writeFileSync(join(dir, REPORT, 'figures.csv'), cutMid));
    expect(message).toMatch(
      /figures.csv:1: \(file\): is UTF-8 with 1 invalid byte sequence, the first at its end \(the file is cut in the middle of a character\)/,
    );
    expect(message).not.toMatch(/GB18030|UTF-16|iconv/);
  });

  it('names UTF-16LE text, with or without a byte order mark, instead of calling it binary', () => {
    for (const bom of [true, false]) {
      const bytes = Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(FIGURES, 'utf16le')]);
      const out = messages({}, (dir) => writeFileSync(join(dir, REPORT, 'figures.csv'), bytes));
      expect(out).toHaveLength(1);
      expect(out[0]).toMatch(/figures.csv:1: \(file\): is not UTF-8.*UTF-16LE.*iconv -f UTF-16LE -t UTF-8/);
    }
  });
});

describe('symbolic links', () => {
  it('refuses a snapshot and a source.txt that are links to files outside data/', () => {
    const outside = join(tmpdir(), `atlas-outside-${process.pid}.txt`);
    writeFileSync(outside, 'secret\n');
    const out = messages({}, (dir) => {
      rmSync(join(dir, REPORT, 'source.txt'));
      symlinkSync(outside, join(dir, REPORT, 'source.txt'));
      rmSync(join(dir, 'snapshots', '004_0000.txt'));
      symlinkSync(outside, join(dir, 'snapshots', '004_0000.txt'));
    });
    expect(out).toEqual([`${REPORT}/source.txt:1: (file): is a symbolic link (or inside one); data/ holds real files only: copy the file in`]);
    const seed = messages({}, (dir) => {
      rmSync(join(dir, 'snapshots', '004_0000.txt'));
      symlinkSync(outside, join(dir, 'snapshots', '004_0000.txt'));
    });
    expect(seed).toEqual(['data/snapshots/004_0000.txt:1: (file): is a symbolic link (or inside one); data/ holds real files only: copy the file in']);
  });

  it('refuses a report folder that is a link', () => {
    const out = messages({}, (dir) => {
      const real = join(dir, 'elsewhere');
      mkdirSync(real);
      for (const f of ['report.json', 'source.txt', 'figures.csv']) writeFileSync(join(real, f), readFileSync(join(dir, REPORT, f)));
      rmSync(join(dir, REPORT), { recursive: true });
      symlinkSync(real, join(dir, REPORT));
    });
    expect(out).toContain(`${REPORT}/report.json:1: (file): is a symbolic link (or inside one); data/ holds real files only: copy the file in`);
  });
});

describe('formula-leading cells in published CSVs', () => {
  it('prefixes text that a spreadsheet would run, in every table, and leaves numbers alone', () => {
    const formula = '=HYPERLINK("http://evil.example")';
    const dir = writeDataset({
      metrics: METRICS.replace('学校建设投资,Investment in school construction', `学校建设投资,"${formula.replaceAll('"', '""')}"`),
      regions: REGIONS.replace('The title names the district.', '@SUM(1+1)'),
      figures: row('f001', (c) => ((c[NOTE_ZH] = '+命令'), (c[NOTE] = '+cmd'))),
      report: reportJson({ title_en: '-2+3', notes_zh: '=1+1', notes_en: '=1+1' }),
    });
    const { compiled, problems } = compileDataset(readDataset(dir, dir));
    expect(problems).toEqual([]);
    const files = outputFiles(compiled!);
    expect(files.get('metrics.csv')).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(files.get('regions.csv')).toContain(`'@SUM(1+1)`);
    expect(files.get('observations.csv')).toContain(`'+cmd`);
    expect(files.get('reports.csv')).toContain(`'-2+3`);
    expect(files.get('reports.csv')).toContain(`'=1+1`);
    for (const [path, text] of files) {
      if (!path.endsWith('.csv')) continue;
      for (const line of text.split('\n')) for (const cell of line.split(',')) expect(cell.replace(/^"/, ''), path).not.toMatch(/^[=+@\t\r]/);
    }
    // JSON keeps the text as written
    expect(JSON.parse(files.get('metrics.json')!).find((m: { metric_id: string }) => m.metric_id === 'school_construction_investment').name_en).toBe(formula);
  });
});

describe('provenance sees what a reader sees', () => {
  // The fixture's sentence with a zero-width space (or a word joiner) inside 18: a reader sees 投资18亿元.
  const withSnapshot = (snapshot: string, files: FixtureFiles) =>
    messages({ ...files, report: reportJson({ seed_sha256: sha256(snapshot) }, files.source ?? SOURCE) }, (dir) =>
      writeFileSync(join(dir, 'snapshots', '004_0000.txt'), snapshot),
    );
  const hidden = (c: string) => {
    const snapshot = SNAPSHOT.replace('投资18亿元', `投资1${c}8亿元`);
    return {
      snapshot,
      source: snapshot
        .split('\n')
        .filter((line) => !line.includes('字号'))
        .join('\n'),
    };
  };

  it('refuses a figure beside an invisible character, where the sentence reads a longer number', () => {
    for (const c of ['\u200b', '\u2060']) {
      const figures = row('f001', (cells) => {
        cells[VALUE] = '8';
        cells[COLUMNS.indexOf('figure_text')] = '8亿元';
        cells[COLUMNS.indexOf('quote')] = '8亿元的9所中小学建设稳步推进';
      }).replace(/^f002,.*\n/m, '');
      const code = c === '\u200b' ? '200B' : '2060';
      const { snapshot, source } = hidden(c);
      expect(withSnapshot(snapshot, { source, figures })).toEqual([
        expect.stringMatching(new RegExp(`^${REPORT}/figures.csv:2: figure_text: stands beside the invisible character U\\+${code} in source.txt`)),
      ]);
    }
  });

  it('refuses a quote cut inside a longer number, even without an invisible character', () => {
    const figures = row('f001', (cells) => {
      cells[VALUE] = '8';
      cells[COLUMNS.indexOf('figure_text')] = '8亿元';
      cells[COLUMNS.indexOf('quote')] = '8亿元的9所中小学建设稳步推进';
    });
    expect(messages({ figures })).toEqual([
      `${REPORT}/figures.csv:2: figure_text: is part of a longer number in source.txt ("教育投入,投资18亿元的9所中小学建设"); quote the whole number (got "8亿元")`,
    ]);
  });

  it('refuses a source.txt line that dropped the words of its sentence that qualify the figure', () => {
    // 计划投资不到5亿元建设新校 in the snapshot; source.txt keeps only 5亿元建设新校, an unqualified 5亿元.
    const snapshot = SNAPSHOT.replace('全区学前三年', '计划投资不到5亿元建设新校。\n全区学前三年');
    const source = SOURCE.replace('全区学前三年', '5亿元建设新校。\n全区学前三年');
    const figures = `${FIGURES}f005,school_construction_investment,2020,target,5,亿元,,5亿元,5亿元建设新校,,,,,,\n`;
    expect(withSnapshot(snapshot, { source, figures })).toEqual([
      `${REPORT}/figures.csv:6: quote: stands in a sentence whose words "计划投资不到" the snapshot has and source.txt dropped at the line's edge; source.txt may drop page furniture only, never words of a sentence (got "5亿元建设新校")`,
    ]);
  });

  it('lets source.txt drop page furniture at a line edge: a page number, a page footer, text after a sentence end', () => {
    const snapshot = SNAPSHOT.replace(
      '全区学前三年毛入园率达到98.5%,比上年提高1.2个百分点。',
      '2、全区学前三年毛入园率达到98.5%,比上年提高1.2个百分点。第1页 共1页',
    );
    expect(withSnapshot(snapshot, {})).toEqual([]);
  });
});
