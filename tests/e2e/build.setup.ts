// The site tier's builds, made once per run: the real site under a sub-path as GitHub Pages serves it (DIST) and the
// same commit a second time with its pages built by two processes (DIST_AGAIN: a build repeats byte for byte, and
// the national edition's two-process build gives the same files as one). npm run data runs once for both. An Astro
// build keeps about one core busy, so the builds run side by side, as many at once as the machine has cores
// (BUILDS_AT_ONCE overrides); the second builds in a copy of the project, so that the two share no Astro cache. (The
// site as a fork builds it, with no address, sub-path or repository, is hostile.test.ts's build.)
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { scratchProject } from '../../scripts/scratch-project.ts';
import { buildPages } from '../../scripts/lib/pages-build.ts';
import { atMost } from './at-most.ts';
import { BASE_PATH, DIST, DIST_AGAIN, REPO_URL, SITE_URL, buildEnv } from './paths.ts';

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
 * The site of public/data built again in a copy of the project into `out`, as the shared build is configured, its
 * pages built by two processes as the national edition is built (scripts/lib/pages-build.ts), with its search index.
 */
async function buildAgain(out: string, roots: string[]): Promise<void> {
  const root = join(mkdtempSync(join(tmpdir(), 'atlas-site-')), 'project');
  roots.push(root);
  scratchProject(root, join(REPO, 'public', 'data'));
  // every build reads its addresses' fields (src/site/issue.ts)
  copyFileSync(join(REPO, 'CITATION.cff'), join(root, 'CITATION.cff'));
  const env = buildEnv({ ...CONFIGURED, ATLAS_DATA: join(root, 'public', 'data'), DIST_DIR: out, ATLAS_SPLIT: '1' });
  const failed = await buildPages(root, out, env, 'ignore');
  if (failed) throw new Error(failed);
  await run(process.execPath, ['scripts/search-index.ts'], { env });
}

export default async function setup(): Promise<() => void> {
  for (const dir of [DIST, DIST_AGAIN]) rmSync(dir, { recursive: true, force: true });
  await run('npm', ['run', 'data'], { env: buildEnv({}) });
  const roots: string[] = [];
  await atMost(Number(process.env.BUILDS_AT_ONCE) || availableParallelism(), [
    () => run(process.execPath, ['scripts/build-site.ts'], { env: buildEnv({ ...CONFIGURED, DIST_DIR: DIST }) }),
    // the same commit again, its pages built by two processes: the repeat must match byte for byte either way
    () => buildAgain(DIST_AGAIN, roots),
  ]);
  return () => {
    for (const dir of [DIST_AGAIN, ...roots.map((r) => join(r, '..'))]) rmSync(dir, { recursive: true, force: true });
  };
}
