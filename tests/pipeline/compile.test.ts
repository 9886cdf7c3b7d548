import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { compileDataset } from '../../src/pipeline/compile.ts';
import { formatProblem } from '../../src/pipeline/problems.ts';
import { readDataset } from '../../src/pipeline/read.ts';
import { outputFiles } from '../../src/pipeline/publish.ts';
import { StagedOutput } from '../../src/pipeline/staging.ts';
import { typedRecord } from '../../src/model/columns.ts';
import { FIGURES, METRICS, SOURCE, writeDataset } from '../fixtures/dataset.ts';

const compile = (files: Parameters<typeof writeDataset>[0] = {}) => {
  const dir = writeDataset(files);
  return compileDataset(readDataset(dir, dir));
};
const messages = (files: Parameters<typeof writeDataset>[0]) => compile(files).problems.map(formatProblem);
const FIGURES_PATH = 'reports/004-zhangdian-2019/figures.csv';

describe('compiling a valid report', () => {
  const { compiled, problems } = compile();

  it('publishes every figure with its value in base units', () => {
    expect(problems).toEqual([]);
    const byId = new Map(compiled!.observations.map((o) => [o.observation_id, o]));
    expect(byId.get('004-zhangdian-2019-f001')).toMatchObject({ value: 18, unit: '亿元', value_base: 1_800_000_000, unit_base: 'CNY' });
    expect(byId.get('004-zhangdian-2019-f004')).toMatchObject({ value: 1.2, unit_base: 'pp', period: '2019', year: 2019 });
  });

  it('locates each quote and figure in source.txt by code-point offsets', () => {
    const chars = Array.from(SOURCE);
    for (const o of compiled!.observations) {
      expect(chars.slice(o.quote_start!, o.quote_end!).join('')).toBe(o.quote);
      expect(chars.slice(o.figure_start!, o.figure_end!).join('')).toBe(o.figure_text);
    }
  });

  it('accepts a figures.csv saved with a BOM and CRLF line endings', () => {
    const crlf = compile({ figures: `\uFEFF${FIGURES.replaceAll('\n', '\r\n')}` });
    expect(crlf.problems).toEqual([]);
    expect(crlf.compiled!.observations).toEqual(compiled!.observations);
  });
});

describe('rejecting bad input', () => {
  const replaceRow = (id: string, row: string) => FIGURES.replace(new RegExp(`^${id},.*$`, 'm'), row);

  it('names the file, line and field of a value that is not a number', () => {
    expect(
      messages({ figures: replaceRow('f001', 'f001,school_construction_investment,2019,actual,十八,亿元,,18亿元,投资18亿元的9所中小学建设稳步推进,,,,,,') }),
    ).toEqual([`${FIGURES_PATH}:2: value: must be a number in ASCII digits, like 13.7 (got "十八")`]);
  });

  it('rejects an unknown metric and an unknown region', () => {
    const dir = writeDataset({ figures: replaceRow('f002', 'f002,schools_opened,2019,actual,9,所,,9所,投资18亿元的9所中小学建设稳步推进,,,,,,') });
    writeFileSync(join(dir, 'regions.csv'), 'region_id,name_zh,name_en,level,province_zh,province_en,gb_code,basis,evidence,reasoning_zh,reasoning_en\n');
    expect(compileDataset(readDataset(dir, dir)).problems.map(formatProblem)).toEqual([
      'reports/004-zhangdian-2019/figures.csv:3: metric_id: unknown metric (not in data/metrics.csv) (got "schools_opened")',
      'reports/004-zhangdian-2019/report.json:7: region_id: unknown region (not in data/regions.csv) (got "370303")',
    ]);
  });

  it('rejects a quote that is not in the source', () => {
    expect(
      messages({ figures: replaceRow('f001', 'f001,school_construction_investment,2019,actual,18,亿元,,18亿元,投资18亿元的9所中小学建设顺利推进,,,,,,') }),
    ).toEqual([`${FIGURES_PATH}:2: quote: does not occur verbatim in source.txt (got "投资18亿元的9所中小学建设顺利推进")`]);
  });

  it('rejects a value that does not match its quote, so a typo cannot slip in', () => {
    expect(
      messages({ figures: replaceRow('f001', 'f001,school_construction_investment,2019,actual,1.8,亿元,,18亿元,投资18亿元的9所中小学建设稳步推进,,,,,,') }),
    ).toEqual([`${FIGURES_PATH}:2: value: does not match the figure in the quote (18) (got "1.8")`]);
  });

  it('rejects a duplicate id', () => {
    expect(messages({ figures: replaceRow('f002', 'f001,schools_built_or_expanded,2019,actual,9,所,,9所,投资18亿元的9所中小学建设稳步推进,,,,,,') })).toEqual([
      `${FIGURES_PATH}:3: id: duplicate id, first on line 2 (got "f001")`,
    ]);
  });

  it('names a missing column', () => {
    const withoutScope = FIGURES.split('\n')
      .map((line) =>
        line
          .split(',')
          .filter((_, i) => i !== 9)
          .join(','),
      )
      .join('\n');
    expect(messages({ figures: withoutScope })).toContain(
      `${FIGURES_PATH}:1: scope: missing column (got "id,metric_id,period,kind,value,unit,qualifier,figure_text,quote,scope_en,check,flags,note_zh,note_en")`,
    );
  });

  it('rejects a metric whose unit does not fit the figure', () => {
    expect(
      messages({
        metrics: METRICS.replace(
          'schools_built_or_expanded,places,新建改扩建学校数,Schools built or expanded,count',
          'schools_built_or_expanded,places,新建改扩建学校数,Schools built or expanded,CNY',
        ),
      }),
    ).toEqual([`${FIGURES_PATH}:3: unit: is counted in count, but metric schools_built_or_expanded is in CNY (got "所")`]);
  });

  it('rejects source.txt lines that are not in the snapshot, and a stale checksum', () => {
    const edited = SOURCE.replace('稳步推进', '顺利推进');
    const problems = messages({ source: edited, figures: FIGURES.replaceAll('稳步推进', '顺利推进') }).join('\n');
    expect(problems).toMatch(/source\.txt:4: \(text\): is not verbatim in data\/snapshots\/004_0000\.txt/);
  });

  it('lists every problem of a run, not only the first', () => {
    const bad = FIGURES.replace('f001,school_construction_investment', 'f001,nope').replace('98.5,%,,98.5%', '98.6,%,,98.5%');
    expect(messages({ figures: bad })).toEqual([
      `${FIGURES_PATH}:2: metric_id: unknown metric (not in data/metrics.csv) (got "nope")`,
      `${FIGURES_PATH}:4: value: does not match the figure in the quote (98.5) (got "98.6")`,
    ]);
  });
});

describe('published output', () => {
  it('appends to more files than it keeps open without losing or reordering a chunk', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'atlas-append-')), 'data');
    const staged = new StagedOutput(out);
    const n = StagedOutput.MAX_OPEN * 3;
    for (let round = 0; round < 3; round++) for (let i = 0; i < n; i++) staged.append(`many/${i}.txt`, `${round}:${i};`);
    expect(staged.open.size).toBeLessThanOrEqual(StagedOutput.MAX_OPEN);
    staged.commit();
    for (let i = 0; i < n; i++) expect(readFileSync(join(out, 'many', `${i}.txt`), 'utf8')).toBe(`0:${i};1:${i};2:${i};`);
  });

  it('reads back from CSV to exactly the JSON', () => {
    const dir = writeDataset();
    const files = outputFiles(compileDataset(readDataset(dir, dir)).compiled!);
    const json = JSON.parse(files.get('observations.json')!);
    const csv = Papa.parse<Record<string, string>>(files.get('observations.csv')!, { header: true, skipEmptyLines: true }).data;
    const fromCsv = csv.map((row) => typedRecord('observations', row));
    expect(fromCsv).toEqual(json);
  });

  it('describes every published column in datapackage.json', () => {
    const dir = writeDataset();
    const files = outputFiles(compileDataset(readDataset(dir, dir)).compiled!);
    const pkg = JSON.parse(files.get('datapackage.json')!);
    for (const resource of pkg.resources.filter((r: { format: string }) => r.format === 'csv')) {
      const header = files.get(resource.path)!.split('\n')[0]!.split(',');
      expect(resource.schema.fields.map((f: { name: string }) => f.name)).toEqual(header);
    }
  });
});
