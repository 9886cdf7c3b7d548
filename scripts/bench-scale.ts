// npm run bench:scale [-- --levels 0.01,0.1,1 --site-levels 0.01 --seed 1 --work DIR --keep --timeout-min 60]
//
// How the build grows from the nine curated reports to every county-level bureau for ten years. For each level of
// national scale (1 = 3,200 regions × 10 years × 40 metrics ≈ 1.4 M observations, 32,000 reports) it generates
// the synthetic dataset (scripts/synth.ts, timed on its own), compiles it (scripts/build-data.ts) and, for the
// levels in --site-levels, builds the site from it (astro build) and its search index (scripts/search-index.ts).
// Every step runs as a child process; wall time is measured here, peak memory (max RSS) by /usr/bin/time -v or,
// where that is missing, by a preload that records process.resourceUsage().maxRSS of every node process of the
// step. It prints a table, writes bench/results/scale.json and fits each cost's growth exponent: the least-squares
// slope of log(cost) against log(observations) over the measured levels (1 = linear).
//
// The site is built in a scratch copy of the project (src/, public/, configs; node_modules linked package by
// package) so that Astro's caches and public/data of the working tree are never touched; the compiled synthetic
// data is that copy's public/data, as the real data is the real site's.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { scratchProject } from './scratch-project.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FULL = { regions: 3200, years: 10, metrics: 40 };
const TARGETS = { data_s: 60, data_rss_mb: 2048, site_s: 15 * 60, page_gz_kb: 200 };
/** GitHub Pages publishes at most 1 GB. */
const PAGES_LIMIT = 1e9;
/**
 * A Parquet-only edition of the downloads: the tables as Parquet (and the small dictionary tables as CSV too), without
 * observations.csv/.json and the by-metric/by-region JSON splits, which repeat the same rows three more times.
 */
const DUPLICATE_DOWNLOAD = /^data\/(observations\.(csv|json)|by-metric\/|by-region\/|(metrics|regions|reports|reference)\.json$)/;

const { values } = parseArgs({
  options: {
    levels: { type: 'string', default: '0.01,0.1,1' },
    'site-levels': { type: 'string', default: '0.01' },
    seed: { type: 'string', default: '1' },
    work: { type: 'string', default: join(tmpdir(), 'bureau-atlas-scale') },
    keep: { type: 'boolean', default: false },
    'timeout-min': { type: 'string', default: '60' },
  },
});
const parseLevels = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
const siteLevels = parseLevels(values['site-levels']!);
const levels = [...new Set([...parseLevels(values.levels!), ...siteLevels])].sort((a, b) => a - b);
if (levels.some((l) => !(l > 0 && l <= 1.03))) {
  console.error('levels are fractions of national scale, from 0 (exclusive) to 1');
  process.exit(2);
}
const WORK = resolve(values.work!);
if (WORK === REPO || WORK.startsWith(`${REPO}/data`) || WORK.startsWith(`${REPO}/public`) || WORK.startsWith(`${REPO}/src`)) {
  console.error(`--work ${WORK}: choose a folder outside the project's data, public and src`);
  process.exit(2);
}
const timeoutMs = Number(values['timeout-min']) * 60_000;

// ---------------------------------------------------------------------------------------------------------------
// Running one step as a child process, with its wall time and peak memory.

type Step = { ok: boolean; wall_s: number; peak_rss_mb: number | null; log: string; error?: string };
const TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true']).status === 0 ? '/usr/bin/time' : null;
const RSS_HOOK = join(WORK, 'rss-hook.mjs');

function run(name: string, command: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Step {
  const log = join(WORK, 'logs', `${name}.log`);
  mkdirSync(dirname(log), { recursive: true });
  const rssFile = join(WORK, 'logs', `${name}.rss`);
  rmSync(rssFile, { force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  // vitest or npm may have set these; Astro would take them for its own (see tests/e2e/paths.ts)
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
  let argv = command;
  if (TIME) argv = [TIME, '-v', ...command];
  else {
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(RSS_HOOK).href}`.trim();
    env.BENCH_RSS_FILE = rssFile;
  }
  const fd = openSync(log, 'w');
  const started = performance.now();
  const result = spawnSync(argv[0]!, argv.slice(1), { cwd: options.cwd ?? REPO, env, stdio: ['ignore', fd, fd], timeout: timeoutMs, killSignal: 'SIGKILL' });
  const wall_s = (performance.now() - started) / 1000;
  closeSync(fd);
  const text = readFileSync(log, 'utf8');
  let peak: number | null = null;
  if (TIME) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
    if (m) peak = Number(m[1]) / 1024;
  } else if (existsSync(rssFile)) {
    // maxRSS is in kilobytes; the largest single process of the step, as /usr/bin/time reports it
    peak = Math.max(
      ...readFileSync(rssFile, 'utf8')
        .trim()
        .split('\n')
        .map((line) => Number(line.split(' ')[1]) / 1024),
    );
  }
  // a step whose work runs in a process it does not wait for (Pagefind) prints that process's peak itself
  const reported = /pagefind peak memory: (\d+) MB/.exec(text);
  if (reported) peak = Math.max(peak ?? 0, Number(reported[1]));
  const ok = result.status === 0;
  const error = ok
    ? undefined
    : result.error
      ? String(result.error.message)
      : (text
          .split('\n')
          .filter((l) => /error/i.test(l) && !/^\s*(Command exited|Exit status)/.test(l))
          .slice(-1)[0]
          ?.trim() ?? `exit status ${result.status}`);
  return {
    ok,
    wall_s: round(wall_s, 2),
    peak_rss_mb: peak === null ? null : Math.round(peak),
    log: log.startsWith(REPO) ? relative(REPO, log) : log,
    ...(error ? { error: error.slice(0, 300) } : {}),
  };
}

const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

type Files = { files: number; bytes: number; largest: string; largest_bytes: number };
function files(dir: string, filter: (path: string) => boolean = () => true): Files {
  const out: Files = { files: 0, bytes: 0, largest: '', largest_bytes: 0 };
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (filter(path)) {
        const size = statSync(path).size;
        out.files++;
        out.bytes += size;
        if (size > out.largest_bytes) Object.assign(out, { largest: relative(dir, path), largest_bytes: size });
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** The largest HTML page once gzipped (what a static host sends), and how many pages there are. */
function pages(dist: string): { pages: number; largest_page: string; largest_page_gz: number; median_page_gz: number } {
  const sizes: [string, number][] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) sizes.push([relative(dist, path), gzipSync(readFileSync(path), { level: 9 }).length]);
    }
  };
  if (existsSync(dist)) walk(dist);
  sizes.sort((a, b) => b[1] - a[1]);
  const median = sizes.length ? sizes[Math.floor(sizes.length / 2)]![1] : 0;
  return { pages: sizes.length, largest_page: sizes[0]?.[0] ?? '', largest_page_gz: sizes[0]?.[1] ?? 0, median_page_gz: median };
}

/** Least-squares slope of log(y) on log(x): the exponent b of y ≈ a·x^b. */
function exponent(points: [number, number][]): number | null {
  const usable = points.filter(([x, y]) => x > 0 && y > 0);
  if (usable.length < 2) return null;
  const lx = usable.map(([x]) => Math.log(x));
  const ly = usable.map(([, y]) => Math.log(y));
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  const sxx = lx.reduce((s, x) => s + (x - mx) ** 2, 0);
  if (sxx === 0) return null;
  return round(lx.reduce((s, x, i) => s + (x - mx) * (ly[i]! - my), 0) / sxx, 2);
}

// ---------------------------------------------------------------------------------------------------------------

mkdirSync(WORK, { recursive: true });
writeFileSync(
  RSS_HOOK,
  "import { appendFileSync } from 'node:fs';\nprocess.on('exit', () => { if (process.env.BENCH_RSS_FILE) appendFileSync(process.env.BENCH_RSS_FILE, `${process.pid} ${process.resourceUsage().maxRSS}\\n`); });\n",
);

type LevelResult = {
  level: number;
  regions: number;
  years: number;
  metrics: number;
  reports: number;
  observations: number;
  synth: Step & { bytes: number; files: number };
  data: Step & Files;
  site?: { astro: Step; search_index: Step | null } & Files & ReturnType<typeof pages> & { deploy_parquet_only: Files; downloads: Record<string, number> };
};
const results: LevelResult[] = [];

for (const level of levels) {
  const regions = Math.max(1, Math.round(FULL.regions * level));
  const tag = `${round(level * 100, 2)}pct`;
  const dir = join(WORK, tag);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const data = join(dir, 'synthetic');
  const out = join(dir, 'out');
  console.error(`— ${tag}: ${regions} regions × ${FULL.years} years × ${FULL.metrics} metrics`);
  const synth = run(`${tag}-synth`, [
    process.execPath,
    'scripts/synth.ts',
    '--regions',
    String(regions),
    '--years',
    String(FULL.years),
    '--metrics',
    String(FULL.metrics),
    '--seed',
    values.seed!,
    '--out',
    data,
  ]);
  if (!synth.ok) throw new Error(`synth failed at ${tag}: ${synth.error} (see ${synth.log})`);
  const marker = JSON.parse(readFileSync(join(data, '.synthetic.json'), 'utf8')) as { reports: number; observations: number };
  const synthFiles = files(data);
  console.error(`  synth ${synth.wall_s} s`);
  const compile = run(`${tag}-data`, [process.execPath, 'scripts/build-data.ts'], { env: { DATA_DIR: data, OUT_DIR: out } });
  const compiled = /^(\d+) observations/m.exec(readFileSync(resolve(REPO, compile.log), 'utf8'));
  if (compile.ok && Number(compiled?.[1]) !== marker.observations) {
    Object.assign(compile, { ok: false, error: `published ${compiled?.[1]} observations, synth expected ${marker.observations}` });
  }
  console.error(`  data compile ${compile.wall_s} s, ${compile.peak_rss_mb} MB${compile.ok ? '' : ` FAILED: ${compile.error}`}`);
  const result: LevelResult = {
    level,
    regions,
    years: FULL.years,
    metrics: FULL.metrics,
    reports: marker.reports,
    observations: marker.observations,
    synth: { ...synth, bytes: synthFiles.bytes, files: synthFiles.files },
    data: { ...compile, ...files(out) },
  };
  if (compile.ok && siteLevels.includes(level)) {
    const root = join(dir, 'site-root');
    const dist = join(dir, 'dist');
    scratchProject(root, out);
    const astro = run(`${tag}-astro`, [process.execPath, join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd: root,
      env: { ATLAS_DATA: join(root, 'public', 'data'), DIST_DIR: dist },
    });
    console.error(`  astro build ${astro.wall_s} s, ${astro.peak_rss_mb} MB${astro.ok ? '' : ` FAILED: ${astro.error}`}`);
    const search = astro.ok ? run(`${tag}-search`, [process.execPath, 'scripts/search-index.ts'], { env: { DIST_DIR: dist } }) : null;
    if (search) console.error(`  search index ${search.wall_s} s, ${search.peak_rss_mb} MB${search.ok ? '' : ` FAILED: ${search.error}`}`);
    const downloads = Object.fromEntries(
      ['observations.csv', 'observations.json', 'observations.parquet'].map((f) => [
        f,
        existsSync(join(dist, 'data', f)) ? statSync(join(dist, 'data', f)).size : 0,
      ]),
    );
    result.site = {
      astro,
      search_index: search,
      ...files(dist),
      ...pages(dist),
      deploy_parquet_only: files(dist, (path) => !DUPLICATE_DOWNLOAD.test(relative(dist, path))),
      downloads,
    };
  }
  results.push(result);
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------------------------
// Exponents, targets, table, JSON.

type Cost = { key: string; label: string; get: (r: LevelResult) => number | null | undefined };
const ok = (s: Step | null | undefined) => (s?.ok ? s : null);
const COSTS: Cost[] = [
  { key: 'synth_s', label: 'synth wall time', get: (r) => r.synth.wall_s },
  { key: 'data_s', label: 'data compile wall time', get: (r) => ok(r.data)?.wall_s },
  { key: 'data_rss_mb', label: 'data compile peak memory', get: (r) => ok(r.data)?.peak_rss_mb },
  { key: 'data_bytes', label: 'data output size', get: (r) => (r.data.ok ? r.data.bytes : null) },
  { key: 'data_files', label: 'data output files', get: (r) => (r.data.ok ? r.data.files : null) },
  { key: 'astro_s', label: 'astro build wall time', get: (r) => ok(r.site?.astro)?.wall_s },
  { key: 'astro_rss_mb', label: 'astro build peak memory', get: (r) => ok(r.site?.astro)?.peak_rss_mb },
  { key: 'search_s', label: 'search index wall time', get: (r) => ok(r.site?.search_index)?.wall_s },
  { key: 'search_rss_mb', label: 'search index peak memory', get: (r) => ok(r.site?.search_index)?.peak_rss_mb },
  { key: 'site_bytes', label: 'site output size', get: (r) => (r.site?.astro.ok ? r.site.bytes : null) },
  { key: 'site_files', label: 'site output files', get: (r) => (r.site?.astro.ok ? r.site.files : null) },
  { key: 'deploy_parquet_bytes', label: 'deploy size, Parquet-only downloads', get: (r) => (r.site?.astro.ok ? r.site.deploy_parquet_only.bytes : null) },
  { key: 'largest_page_gz', label: 'largest page (gzip)', get: (r) => (r.site?.astro.ok ? r.site.largest_page_gz : null) },
];
// Over all measured levels, and between the two largest only: fixed costs (starting node, loading Astro) flatten
// the slope at small levels; the top pair says how the cost grows where it matters.
const exponents: Record<string, number | null> = {};
const exponentsTop: Record<string, number | null> = {};
for (const cost of COSTS) {
  const points = results.flatMap((r) => {
    const y = cost.get(r);
    return y === null || y === undefined ? [] : [[r.observations, y] as [number, number]];
  });
  exponents[cost.key] = exponent(points);
  exponentsTop[cost.key] = exponent(points.slice(-2));
}

const full = results.find((r) => r.level === 1);
const overTarget: string[] = [];
if (full) {
  if (!full.data.ok) overTarget.push(`data compile at 100 % failed: ${full.data.error}`);
  else {
    if (full.data.wall_s > TARGETS.data_s) overTarget.push(`data compile at 100 %: ${full.data.wall_s} s > ${TARGETS.data_s} s`);
    if ((full.data.peak_rss_mb ?? 0) > TARGETS.data_rss_mb) overTarget.push(`data compile at 100 %: ${full.data.peak_rss_mb} MB > ${TARGETS.data_rss_mb} MB`);
  }
}
for (const r of results) {
  if (!r.site) continue;
  const pct = `${round(r.level * 100, 2)} %`;
  if (!r.site.astro.ok) overTarget.push(`site build at ${pct} failed after ${r.site.astro.wall_s} s: ${r.site.astro.error}`);
  else {
    if (r.site.search_index && !r.site.search_index.ok)
      overTarget.push(
        `search index at ${pct} failed after ${r.site.search_index.wall_s} s (peak ${r.site.search_index.peak_rss_mb} MB): ${r.site.search_index.error}`,
      );
    const total = r.site.astro.wall_s + (r.site.search_index?.wall_s ?? 0);
    if (total > TARGETS.site_s) overTarget.push(`site build at ${pct}: ${round(total)} s > ${TARGETS.site_s} s`);
    if (r.site.largest_page_gz > TARGETS.page_gz_kb * 1024)
      overTarget.push(`largest page at ${pct}: ${r.site.largest_page} ${round(r.site.largest_page_gz / 1024, 1)} KB gz > ${TARGETS.page_gz_kb} KB`);
  }
}
for (const [key, b] of Object.entries(exponentsTop))
  if (b !== null && b > 1.15) overTarget.push(`${COSTS.find((c) => c.key === key)!.label} grows faster than linearly (exponent ${b})`);

const report = {
  generated: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? '',
    memory_gb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    peak_memory_by: TIME ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS',
  },
  full_scale: FULL,
  seed: values.seed,
  targets: TARGETS,
  levels: results,
  exponents,
  exponents_top_two_levels: exponentsTop,
  over_target: overTarget,
};
mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
writeFileSync(join(REPO, 'bench', 'results', 'scale.json'), `${JSON.stringify(report, null, 2)}\n`);

const mb = (bytes: number) => round(bytes / 1e6, 1);
const cell = (s: Step | null | undefined, value: (s: Step) => string) => (!s ? '–' : s.ok ? value(s) : 'FAILED');
const header = [
  'level',
  'regions',
  'reports',
  'observations',
  'synth s',
  'compile s',
  'compile MB',
  'data files',
  'data MB',
  'astro s',
  'astro MB',
  'search s',
  'search MB',
  'site files',
  'site MB',
  'deploy MB (Parquet-only downloads)',
  'fits GitHub Pages (1 GB)',
  'observations csv / json / parquet MB',
  'largest page gz',
];
const rows = results.map((r) => [
  `${round(r.level * 100, 2)} %`,
  String(r.regions),
  String(r.reports),
  String(r.observations),
  String(r.synth.wall_s),
  cell(r.data, (s) => String(s.wall_s)),
  cell(r.data, (s) => String(s.peak_rss_mb)),
  r.data.ok ? String(r.data.files) : '–',
  r.data.ok ? String(mb(r.data.bytes)) : '–',
  cell(r.site?.astro, (s) => String(s.wall_s)),
  cell(r.site?.astro, (s) => String(s.peak_rss_mb)),
  cell(r.site?.search_index, (s) => String(s.wall_s)),
  cell(r.site?.search_index, (s) => String(s.peak_rss_mb)),
  r.site?.astro.ok ? String(r.site.files) : '–',
  r.site?.astro.ok ? String(mb(r.site.bytes)) : '–',
  r.site?.astro.ok ? `${mb(r.site.deploy_parquet_only.bytes)} (${r.site.deploy_parquet_only.files} files)` : '–',
  r.site?.astro.ok ? (r.site.bytes <= PAGES_LIMIT ? 'yes' : r.site.deploy_parquet_only.bytes <= PAGES_LIMIT ? 'Parquet-only edition' : 'no') : '–',
  r.site?.astro.ok ? ['observations.csv', 'observations.json', 'observations.parquet'].map((f) => mb(r.site!.downloads[f] ?? 0)).join(' / ') : '–',
  r.site?.astro.ok ? `${round(r.site.largest_page_gz / 1024, 1)} KB` : '–',
]);
const table = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
console.log(`\n${table}\n`);
const show = (e: Record<string, number | null>) =>
  Object.entries(e)
    .filter(([, b]) => b !== null)
    .map(([k, b]) => `${k} ${b}`)
    .join(' · ') || 'need two levels';
console.log(`growth exponents (log-log slope against observations; 1 = linear), all levels: ${show(exponents)}`);
console.log(`growth exponents between the two largest levels measured: ${show(exponentsTop)}`);
for (const r of results)
  if (r.site && !r.site.astro.ok) console.log(`site build at ${round(r.level * 100, 2)} %: FAILED after ${r.site.astro.wall_s} s — ${r.site.astro.error}`);
console.log(overTarget.length ? `over target:\n  ${overTarget.join('\n  ')}` : 'all measured costs within target');
console.log(`→ bench/results/scale.json (${cpus().length} CPUs, ${TIME ? '/usr/bin/time -v' : 'resourceUsage'} for peak memory)`);
