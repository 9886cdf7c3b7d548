// The pages of the site, built by Astro into `out`. An Astro build renders its pages one at a time on one core; the
// national edition's 70,000 pages are mostly region and report pages, so above LIST_THRESHOLD reports, on a machine
// with two cores or more, they are built by two Astro processes side by side: most region and report pages
// (ATLAS_PAGES=places) beside every other page and the rest of them (ATLAS_PAGES=rest; the share that evens the two
// is src/site/routes.ts's REST_PLACES_SHARE). The places process builds in a copy of the project, so that the two
// share no cache, and its pages are moved into the first's output when both are done: the same files, byte for
// byte, as one build's. ATLAS_SPLIT=1 or 0 forces one way or the other.
import { spawn } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { scratchProject } from '../scratch-project.ts';
import { hostHeaders, siteEntries } from '../../src/site/host-headers.ts';
import { LIST_THRESHOLD } from '../../src/site/listing.ts';

type Env = Record<string, string | undefined>;

/** Whether this dataset's pages are built by two processes: the national edition, given two cores. */
export function splitBuild(reports: number, env: Env = process.env, cores = availableParallelism()): boolean {
  if (env.ATLAS_SPLIT === '1') return true;
  if (env.ATLAS_SPLIT === '0') return false;
  return reports > LIST_THRESHOLD && cores >= 2;
}

/** Where each Astro process's log goes: this process's output, nowhere, or a file of the process's part each. */
export type PagesLog = 'inherit' | 'ignore' | ((part: 'all' | 'rest' | 'places') => string);

/** Runs Astro's build in `cwd`; resolves with its stderr's last lines on failure. */
function astroBuild(cwd: string, env: Env, log: PagesLog): Promise<string | null> {
  const part = (env.ATLAS_PAGES || 'all') as 'all' | 'rest' | 'places';
  const stdout = typeof log === 'function' ? openSync(log(part), 'w') : log;
  return new Promise((resolve) => {
    // through npx, as a reader runs it, so that the project's own Astro (or a test's stand-in on PATH) builds
    const child = spawn('npx', ['astro', 'build'], {
      cwd,
      env,
      stdio: ['ignore', stdout, 'pipe'],
    });
    if (typeof stdout === 'number') closeSync(stdout);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      if (log !== 'ignore') process.stderr.write(chunk);
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on('error', (e) => resolve(String(e)));
    child.on('close', (code) => resolve(code === 0 ? null : `astro build in ${cwd} failed (exit ${code})\n${stderr}`));
  });
}

/** A folder moved, across file systems too (the copy of the project is in the system's temporary folder). */
function move(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/** Every file under `dir`, relative to it. */
const filesOf = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();

/**
 * Builds the site's pages of the project in `cwd` into `out` (inside `cwd`: Astro keeps its build chunks beside an
 * output inside the project), reading the compiled data of ATLAS_DATA or public/data. Returns an error message, or
 * null when every page is written.
 */
export async function buildPages(cwd: string, out: string, env: Env = process.env, log: PagesLog = 'inherit'): Promise<string | null> {
  const data = env.ATLAS_DATA ?? join(cwd, 'public', 'data');
  const reports = existsSync(join(data, 'reports.json')) ? (JSON.parse(readFileSync(join(data, 'reports.json'), 'utf8')) as unknown[]).length : 0;
  if (!splitBuild(reports, env)) return astroBuild(cwd, { ...env, DIST_DIR: out, ATLAS_PAGES: '' }, log);
  const scratch = mkdtempSync(join(tmpdir(), 'atlas-places-'));
  try {
    scratchProject(scratch, null, cwd);
    // the repository address a build finds without REPO_URL
    if (existsSync(join(cwd, 'CITATION.cff'))) cpSync(join(cwd, 'CITATION.cff'), join(scratch, 'CITATION.cff'));
    const places = join(scratch, 'dist');
    const [rest, placed] = await Promise.all([
      astroBuild(cwd, { ...env, DIST_DIR: out, ATLAS_PAGES: 'rest' }, log),
      astroBuild(scratch, { ...env, DIST_DIR: places, ATLAS_DATA: data, ATLAS_PAGES: 'places' }, log),
    ]);
    if (rest || placed) return [rest, placed].filter(Boolean).join('\n');
    // both bundled the same scripts and styles; a difference would leave pages pointing at files not published
    const assets = (dir: string) => (existsSync(join(dir, '_astro')) ? filesOf(join(dir, '_astro')) : []);
    const differ = assets(out).join('\n') !== assets(places).join('\n');
    if (differ) return `the region and report pages were bundled with other assets than the rest of the site (${places}/_astro)`;
    // the region and report pages, each a folder of its own under regions/ and reports/, in both languages
    for (const lang of ['', 'en']) {
      for (const section of ['regions', 'reports']) {
        const from = join(places, lang, section);
        if (!existsSync(from)) continue;
        for (const page of readdirSync(from)) {
          const target = join(out, lang, section, page);
          if (existsSync(target)) return `${relative(out, target)} was built by both processes`;
          move(join(from, page), target);
        }
      }
    }
    writeFileSync(join(out, '_headers'), hostHeaders(siteEntries(out), `${(env.BASE_PATH || '/').replace(/\/$/, '')}/`));
    return null;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
