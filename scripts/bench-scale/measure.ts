// Running one step of the benchmark as a child process, with its wall time and peak memory (max RSS): by
// /usr/bin/time -v or, where that is missing, by a preload that records process.resourceUsage().maxRSS of every
// node process of the step. And the sizes of what a step wrote.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true']).status === 0 ? '/usr/bin/time' : null;

/** Where logs go (`work`/logs) and how long a step may take. */
export type Bench = { work: string; timeoutMs: number };
export type Step = { ok: boolean; wall_s: number; peak_rss_mb: number | null; log: string; error?: string };
export type Files = { files: number; bytes: number; largest: string; largest_bytes: number };
export type Pages = { pages: number; largest_page: string; largest_page_gz: number; median_page_gz: number };

export const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

const rssHook = (work: string) => join(work, 'rss-hook.mjs');

/** Without /usr/bin/time, every node process of a step records its peak memory through this preload. */
export function installRssHook(work: string): void {
  mkdirSync(work, { recursive: true });
  writeFileSync(
    rssHook(work),
    "import { appendFileSync } from 'node:fs';\nprocess.on('exit', () => { if (process.env.BENCH_RSS_FILE) appendFileSync(process.env.BENCH_RSS_FILE, `${process.pid} ${process.resourceUsage().maxRSS}\\n`); });\n",
  );
}

export function run(bench: Bench, name: string, command: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Step {
  const log = join(bench.work, 'logs', `${name}.log`);
  mkdirSync(dirname(log), { recursive: true });
  const rssFile = join(bench.work, 'logs', `${name}.rss`);
  rmSync(rssFile, { force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  // vitest or npm may have set these; Astro would take them for its own (see tests/e2e/paths.ts)
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
  let argv = command;
  if (TIME) argv = [TIME, '-v', ...command];
  else {
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(rssHook(bench.work)).href}`.trim();
    env.BENCH_RSS_FILE = rssFile;
  }
  const fd = openSync(log, 'w');
  // The previous step's output still being written back to disk is not this step's cost: flush it first.
  spawnSync('sync', [], { stdio: 'ignore' });
  const started = performance.now();
  const result = spawnSync(argv[0]!, argv.slice(1), {
    cwd: options.cwd ?? REPO,
    env,
    stdio: ['ignore', fd, fd],
    timeout: bench.timeoutMs,
    killSignal: 'SIGKILL',
  });
  const wall_s = (performance.now() - started) / 1000;
  closeSync(fd);
  const text = readFileSync(log, 'utf8');
  const peak = peakRss(text, rssFile);
  const ok = result.status === 0;
  const error = ok ? undefined : result.error ? String(result.error.message) : lastError(text, result.status);
  return {
    ok,
    wall_s: round(wall_s, 2),
    peak_rss_mb: peak === null ? null : Math.round(peak),
    log: log.startsWith(REPO) ? relative(REPO, log) : log,
    ...(error ? { error: error.slice(0, 300) } : {}),
  };
}

/** A step's peak memory in MB: the largest single process of the step, as /usr/bin/time reports it. */
function peakRss(log: string, rssFile: string): number | null {
  let peak: number | null = null;
  if (TIME) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(log);
    if (m) peak = Number(m[1]) / 1024;
  } else if (existsSync(rssFile)) {
    // maxRSS is in kilobytes
    peak = Math.max(
      ...readFileSync(rssFile, 'utf8')
        .trim()
        .split('\n')
        .map((line) => Number(line.split(' ')[1]) / 1024),
    );
  }
  // a step whose work runs in a process it does not wait for (Pagefind) prints that process's peak itself
  const reported = /pagefind peak memory: (\d+) MB/.exec(log);
  if (reported) peak = Math.max(peak ?? 0, Number(reported[1]));
  return peak;
}

/** The last line of a failed step's log that names an error, else its exit status. */
function lastError(log: string, status: number | null): string {
  return (
    log
      .split('\n')
      .filter((l) => /error/i.test(l) && !/^\s*(Command exited|Exit status)/.test(l))
      .slice(-1)[0]
      ?.trim() ?? `exit status ${status}`
  );
}

/** Files under `dir` that pass `filter`: how many, their bytes, the largest. */
export function files(dir: string, filter: (path: string) => boolean = () => true): Files {
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
export function pages(dist: string): Pages {
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
