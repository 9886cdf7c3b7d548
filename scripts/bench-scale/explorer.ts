// The data explorer at national scale: the explorer page of a build of the site, served by the project's static
// server (byte ranges) with a level's compiled tables as its data, opened in headless Chromium with a province and a
// metric in its address. The first filtered result is timed by the page itself (from its script's start to the rows
// on screen); the bytes and requests of its Parquet reads are counted at the browser. Median of three fresh visits.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO, run, type Bench } from './measure.ts';

export type ExplorerResult = {
  ok: boolean;
  error?: string;
  path: string;
  first_result_ms: number | null;
  runs_ms: number[];
  rows: string;
  read_bytes: number;
  requests: number;
  file_bytes: number;
};

/** The explorer page and its scripts do not depend on the data: one build of the real site serves every level. */
function explorerSite(bench: Bench): string | null {
  const dist = join(bench.work, 'explorer-site');
  if (existsSync(join(dist, 'data', 'explore', 'index.html'))) return dist;
  if (!existsSync(join(REPO, 'public', 'data', 'observations.parquet'))) run(bench, 'explorer-data', [process.execPath, 'scripts/build-data.ts']);
  // Astro's prerender chunks import packages from beside the output folder: outside the project it needs the
  // project's node_modules in reach, as the scratch projects of the site levels have.
  const modules = join(bench.work, 'node_modules');
  if (!existsSync(modules)) symlinkSync(join(REPO, 'node_modules'), modules);
  const astro = run(bench, 'explorer-astro', [process.execPath, join(REPO, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], { env: { DIST_DIR: dist } });
  return astro.ok ? dist : null;
}

/** A site root whose data/ is the level's compiled output and whose pages are the real build's. */
function composeRoot(dist: string, out: string, root: string): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'data'), { recursive: true });
  for (const entry of readdirSync(dist)) if (entry !== 'data') symlinkSync(join(dist, entry), join(root, entry));
  for (const entry of readdirSync(out)) symlinkSync(join(out, entry), join(root, 'data', entry));
  symlinkSync(join(dist, 'data', 'explore'), join(root, 'data', 'explore'));
}

/** The most common province among the level's regions and its first rate metric: a researcher's first question. */
function question(out: string): string {
  const regions = JSON.parse(readFileSync(join(out, 'regions.json'), 'utf8')) as { gb_code: string }[];
  const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as { metric_id: string; unit_base: string }[];
  const counts = new Map<string, number>();
  for (const r of regions) if (/^\d{6}$/.test(r.gb_code)) counts.set(`${r.gb_code.slice(0, 2)}0000`, (counts.get(`${r.gb_code.slice(0, 2)}0000`) ?? 0) + 1);
  const province = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const metric = (metrics.find((m) => m.unit_base === '%') ?? metrics[0])!.metric_id;
  return `data/explore/?province=${province}&metric=${metric}`;
}

export function measureExplorer(bench: Bench, tag: string, out: string): ExplorerResult {
  const path = question(out);
  const failed = (error: string): ExplorerResult => ({
    ok: false,
    error,
    path,
    first_result_ms: null,
    runs_ms: [],
    rows: '',
    read_bytes: 0,
    requests: 0,
    file_bytes: 0,
  });
  const dist = explorerSite(bench);
  if (!dist) return failed('the site build for the explorer failed (see logs/explorer-astro.log)');
  const root = join(bench.work, `${tag}-explorer-root`);
  composeRoot(dist, out, root);
  const step = run(bench, `${tag}-explorer`, [process.execPath, join(REPO, 'scripts', 'bench-scale', 'explorer-visit.ts'), root, path]);
  rmSync(root, { recursive: true, force: true });
  const last = readFileSync(resolve(REPO, step.log), 'utf8')
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .at(-1);
  if (!step.ok || !last) return failed(step.error ?? 'no result');
  return { ok: true, path, ...(JSON.parse(last) as Omit<ExplorerResult, 'ok' | 'path'>) };
}
