// The site tier's builds, made once per run: the real site under a sub-path as GitHub Pages serves it (DIST), the
// same commit a second time with its pages built by two processes (DIST_AGAIN: a build repeats byte for byte, and
// the national edition's two-process build gives the same files as one) and the site as a fork builds it, with no
// address, sub-path or repository (DIST_UNCONFIGURED). npm run data runs once for all three. An Astro build keeps
// about one core busy, so the builds run side by side, as many at once as the machine has cores (BUILDS_AT_ONCE
// overrides); the extra two each build in a copy of the project, so that no two builds share Astro's caches.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { scratchProject } from '../../scripts/scratch-project.ts';
import { buildPages } from '../../scripts/lib/pages-build.ts';
import { atMost } from './at-most.ts';
import { BASE_PATH, DIST, DIST_AGAIN, DIST_UNCONFIGURED, REPO_URL, SITE_URL, buildEnv } from './paths.ts';

const REPO = process.cwd();
const CONFIGURED = { BASE_PATH, SITE_URL, REPO_URL };

/** Runs a command to its end; rejects with its stderr when it fails. */
function run(command: string, args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${[command, ...args].join(' ')} failed (exit ${code}):\n${stderr}`))));
  });
}

/**
 * The site of public/data built in a copy of the project into `out`, with the given configuration only; `split`
 * builds its pages in two processes as the national edition is built (scripts/lib/pages-build.ts).
 */
async function buildCopy(out: string, config: Record<string, string>, options: { searchIndex: boolean; split: boolean }, roots: string[]): Promise<void> {
  const root = join(mkdtempSync(join(tmpdir(), 'atlas-site-')), 'project');
  roots.push(root);
  scratchProject(root, join(REPO, 'public', 'data'));
  // the repository address a build finds without REPO_URL
  copyFileSync(join(REPO, 'CITATION.cff'), join(root, 'CITATION.cff'));
  const env = buildEnv({ ...config, ATLAS_DATA: join(root, 'public', 'data'), DIST_DIR: out, ATLAS_SPLIT: options.split ? '1' : '0' });
  for (const key of Object.keys(CONFIGURED)) if (!(key in config)) delete env[key];
  const failed = await buildPages(root, out, env, 'ignore');
  if (failed) throw new Error(failed);
  if (options.searchIndex) await run(process.execPath, ['scripts/search-index.ts'], { env });
}

export default async function setup(): Promise<() => void> {
  for (const dir of [DIST, DIST_AGAIN, DIST_UNCONFIGURED]) rmSync(dir, { recursive: true, force: true });
  await run('npm', ['run', 'data'], { env: buildEnv({}) });
  const roots: string[] = [];
  await atMost(Number(process.env.BUILDS_AT_ONCE) || availableParallelism(), [
    () => run(process.execPath, ['scripts/build-site.ts'], { env: buildEnv({ ...CONFIGURED, DIST_DIR: DIST }) }),
    // the same commit again, its pages built by two processes: the repeat must match byte for byte either way
    () => buildCopy(DIST_AGAIN, CONFIGURED, { searchIndex: true, split: true }, roots),
    () => buildCopy(DIST_UNCONFIGURED, {}, { searchIndex: false, split: false }, roots),
  ]);
  return () => {
    for (const dir of [DIST_AGAIN, DIST_UNCONFIGURED, ...roots.map((r) => join(r, '..'))]) rmSync(dir, { recursive: true, force: true });
  };
}
