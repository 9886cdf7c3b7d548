// npm run bench:data-scale [-- --rows 10000,30000,100000 --source-mb 5,15,50] — npm run data on one very large
// report, in a temporary folder: a figures.csv of N rows (the synthetic report's figures repeated, each copy with
// a scope of its own), and a source.txt of N MB (mostly prose, 420 figures a megabyte). Prints the time, the peak memory and the
// growth exponent between sizes (1 = linear). --keep leaves the datasets in place (to profile one). The machine may be shared: the figures are measurements, not a test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { sha256 } from '../src/lib/hash.ts';
import { synthesize } from './synth/synthesize.ts';
import { commandLine, usageErrors, wholeNumber } from './lib/args.ts';
import { csvText } from '../src/lib/csv.ts';

const { rows, sourceMb, keep } = usageErrors('bench:data-scale', () => {
  const { values } = commandLine({
    rows: { type: 'string', default: '10000,30000,100000' },
    'source-mb': { type: 'string', default: '5,15,50' },
    keep: { type: 'boolean', default: false },
  });
  const list = (option: string, text: string, max: number) => text.split(',').map((t) => wholeNumber(`--${option}`, t.trim(), 1, max));
  return { rows: list('rows', values.rows!, 1_000_000), sourceMb: list('source-mb', values['source-mb']!, 500), keep: values.keep! };
});

const REPO = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'atlas-data-scale-'));

/** One synthetic report, the template every size is made from. */
const base = join(work, 'base');
synthesize({ regions: 1, years: 1, seed: 1, metrics: 40, out: base });
const reportId = readdirSync(join(base, 'reports'))[0]!;
const reportDir = join(base, 'reports', reportId);
const meta = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) as Record<string, unknown>;
const template = Papa.parse<Record<string, string>>(readFileSync(join(reportDir, 'figures.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
const title = readFileSync(join(reportDir, 'source.txt'), 'utf8').split('\n')[0]!;
const columns = Object.keys(template[0]!);

/** Writes a dataset of one report: `copies` copies of the template's figures, and `fillerLines` lines of prose. */
function dataset(name: string, copies: number, fillerLines: number): { dir: string; rows: number; bytes: number } {
  const dir = join(work, name);
  spawnSync('cp', ['-r', base, dir]);
  const out = join(dir, 'reports', reportId);
  rmSync(join(out, 'skipped.csv'));
  const lines = [title];
  const figureRows: Record<string, string>[] = [];
  const filler = '坚持公益普惠方向，扩大学前教育资源，推动各类教育协调发展，办好人民满意的教育。';
  const fillerEvery = copies ? Math.ceil(fillerLines / copies) : fillerLines;
  for (let c = 0; c < Math.max(copies, 1); c++) {
    for (let f = 0; f < fillerEvery; f++) lines.push(filler);
    if (!copies) break;
    const marker = `第${c + 1}片区`;
    const quoted = new Map<string, string>();
    for (const row of template) {
      const quote = quoted.get(row.quote!) ?? `${marker}${row.quote}`;
      if (!quoted.has(row.quote!)) {
        quoted.set(row.quote!, quote);
        lines.push(`${quote}。`);
      }
      // ids within a copy keep their cross-checks (ratio_of=f025/f024) pointing inside the copy
      const id = (local: string) => `${local}_${c + 1}`;
      figureRows.push({ ...row, id: id(row.id!), check: row.check!.replace(/\bf\d+\b/g, id), quote, scope: `area:${marker}`, scope_en: `Area ${c + 1}` });
    }
  }
  const source = `${lines.join('\n')}\n`;
  writeFileSync(join(out, 'source.txt'), source);
  writeFileSync(join(dir, 'snapshots', meta.seed_file as string), source);
  writeFileSync(
    join(out, 'figures.csv'),
    csvText(
      columns,
      figureRows.map((r) => columns.map((c) => r[c])),
    ),
  );
  writeFileSync(join(out, 'report.json'), `${JSON.stringify({ ...meta, seed_sha256: sha256(source), source_sha256: sha256(source) }, null, 2)}\n`);
  return { dir, rows: figureRows.length, bytes: Buffer.byteLength(source) };
}

type Result = { label: string; size: number; seconds: number; peakMb: number; ok: boolean };

/** npm run data on a dataset: wall time and the peak resident memory (GNU time's maximum RSS). */
function compile(dir: string): { seconds: number; peakMb: number; ok: boolean; output: string } {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(REPO, 'scripts', 'build-data.ts')], {
    env: { ...process.env, DATA_DIR: dir, OUT_DIR: join(dir, 'out') },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const seconds = (performance.now() - started) / 1000;
  const peakKb = Number(run.stderr.trim().split('\n').at(-1));
  return { seconds, peakMb: peakKb / 1024, ok: run.status === 0, output: `${run.stdout}${run.stderr}`.slice(0, 2000) };
}

const results: Result[] = [];
const measure = (label: string, size: number, dir: string) => {
  const r = compile(dir);
  if (!r.ok) console.error(`${label} ${size}: npm run data failed:\n${r.output}`);
  results.push({ label, size, seconds: r.seconds, peakMb: r.peakMb, ok: r.ok });
  console.log(
    `${label.padEnd(12)} ${String(size).padStart(9)}  ${r.seconds.toFixed(1).padStart(7)} s  ${r.peakMb.toFixed(0).padStart(6)} MB${r.ok ? '' : '  (failed)'}`,
  );
  if (!keep) rmSync(dir, { recursive: true, force: true });
};

console.log(`npm run data on one report (${work})\n`);
console.log('what              size     time     peak');
for (const n of rows) {
  const d = dataset(`rows-${n}`, Math.round(n / template.length), 0);
  measure('rows', d.rows, d.dir);
}
const fillerBytes = Buffer.byteLength('坚持公益普惠方向，扩大学前教育资源，推动各类教育协调发展，办好人民满意的教育。\n');
for (const mb of sourceMb) {
  // 420 figures a megabyte in a long text of prose: the text's length is what grows, and the figures with it
  const d = dataset(`source-${mb}mb`, 10 * mb, Math.round((mb * 1e6) / fillerBytes));
  measure('source bytes', d.bytes, d.dir);
}

/** Growth exponent between consecutive sizes: log(time ratio) / log(size ratio); 1 is linear, 2 quadratic. */
for (const label of ['rows', 'source bytes']) {
  const series = results.filter((r) => r.label === label && r.ok);
  for (let i = 1; i < series.length; i++) {
    const [a, b] = [series[i - 1]!, series[i]!];
    const k = Math.log(b.size / a.size);
    console.log(
      `${label}: ${a.size} → ${b.size}: time exponent ${(Math.log(b.seconds / a.seconds) / k).toFixed(2)}, memory exponent ${(Math.log(b.peakMb / a.peakMb) / k).toFixed(2)}`,
    );
  }
}
if (!keep) rmSync(work, { recursive: true, force: true });
process.exit(results.every((r) => r.ok) ? 0 : 1);
