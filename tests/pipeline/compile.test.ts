import { mkdtempSync, readFileSync } from 'node:fs';
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
import { FIGURES, writeDataset } from '../fixtures/dataset.ts';

const compile = (files: Parameters<typeof writeDataset>[0] = {}) => {
  const dir = writeDataset(files);
  return compileDataset(readDataset(dir, dir));
};
const messages = (files: Parameters<typeof writeDataset>[0]) => compile(files).problems.map(formatProblem);
const FIGURES_PATH = 'reports/004-zhangdian-2019/figures.csv';

// The compile step as a whole; each stage has its own tests (validate, provenance, normalise, checks, coverage…).
describe('compiling a valid report', () => {
  const { compiled, problems } = compile();

  it('publishes every figure of the report', () => {
    expect(problems).toEqual([]);
    expect(compiled!.observations.map((o) => o.observation_id)).toEqual(['f001', 'f002', 'f003', 'f004'].map((id) => `004-zhangdian-2019-${id}`));
  });

  it('accepts a figures.csv saved with a BOM and CRLF line endings', () => {
    const crlf = compile({ figures: `\uFEFF${FIGURES.replaceAll('\n', '\r\n')}` });
    expect(crlf.problems).toEqual([]);
    expect(crlf.compiled!.observations).toEqual(compiled!.observations);
  });

  it('lists every problem of a run, of every stage, not only the first', () => {
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
