// The compile step run as npm run data runs it, in a process of its own, and over the real dataset.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDataset } from '../../src/pipeline/compile.ts';
import { readDataset } from '../../src/pipeline/read.ts';
import { outputFiles } from '../../src/pipeline/publish.ts';
import { FIGURES, writeDataset } from '../fixtures/dataset.ts';
import { realOutput } from '../real-dataset.ts';

function runBuild(dataDir: string, outDir: string) {
  return spawnSync(process.execPath, ['scripts/build-data.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, OUT_DIR: outDir },
    encoding: 'utf8',
  });
}

describe('npm run data', () => {
  it('exits non-zero, prints every problem and leaves the previous output untouched', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'atlas-out-')), 'data');
    expect(runBuild(writeDataset(), out).status).toBe(0);
    const before = readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name), 'utf8')] as const);
    expect(before.length).toBeGreaterThan(10);
    const bad = writeDataset({ figures: FIGURES.replace('f001,school_construction_investment', 'f001,nope').replace('f002,schools', 'f001,schools') });
    const result = runBuild(bad, out);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/figures\.csv:2: metric_id: unknown metric/);
    expect(result.stderr).toMatch(/figures\.csv:3: id: duplicate id/);
    expect(result.stderr).toMatch(/was left as it was/);
    for (const [file, content] of before) expect(readFileSync(file, 'utf8')).toBe(content);
  });
});

describe('published output', () => {
  it('is byte-identical when compiled twice', () => {
    const dir = writeDataset();
    const [a, b] = [outputFiles(compileDataset(readDataset(dir, dir)).compiled!), outputFiles(compileDataset(readDataset(dir, dir)).compiled!)];
    expect([...a.entries()]).toEqual([...b.entries()]);
    const outA = join(mkdtempSync(join(tmpdir(), 'atlas-a-')), 'data');
    const outB = join(mkdtempSync(join(tmpdir(), 'atlas-b-')), 'data');
    runBuild(dir, outA);
    runBuild(dir, outB);
    expect(execFileSync('diff', ['-r', outA, outB], { encoding: 'utf8' })).toBe('');
  });

  it('is the same whether compiled in memory or report by report, as npm run data does, on the real dataset', () => {
    const { files: expected, binary } = realOutput();
    const out = join(mkdtempSync(join(tmpdir(), 'atlas-stream-')), 'data');
    expect(runBuild('data', out).status).toBe(0);
    const written = (dir: string, prefix = ''): string[] =>
      readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? written(dir, join(prefix, e.name)) : [join(prefix, e.name)]));
    expect(written(out).sort()).toEqual([...expected.keys(), ...binary.keys()].sort());
    for (const [path, content] of expected) expect(readFileSync(join(out, path), 'utf8'), path).toBe(content);
    for (const [path, content] of binary) expect(Buffer.compare(readFileSync(join(out, path)), Buffer.from(content)), path).toBe(0);
  });

  it('splits observations.json by metric and by region: every observation in exactly one file of each, in order', () => {
    const { files } = realOutput();
    const all = JSON.parse(files.get('observations.json')!);
    for (const [folder, key] of [
      ['by-metric', 'metric_id'],
      ['by-region', 'region_id'],
    ] as const) {
      const split = [...files].filter(([path]) => path.startsWith(`${folder}/`));
      expect(split.map(([path]) => path).sort()).toEqual([...new Set(all.map((o: Record<string, string>) => `${folder}/${o[key]}.json`))].sort());
      for (const [path, content] of split) {
        const id = path.slice(folder.length + 1, -'.json'.length);
        expect(JSON.parse(content), path).toEqual(all.filter((o: Record<string, string>) => o[key] === id));
        // one observation per line, so a reader can also stream it
        expect(content.split('\n').length, path).toBe(JSON.parse(content).length + 3);
      }
    }
  });
});
