// npm run build, after npm run data: the site and its search index are built into a folder beside dist/
// (dist.staging-<pid>) and swapped in only when both are complete, so a build killed or failing half-way leaves
// dist/ as the last complete build (src/pipeline/staging.ts). DIST_DIR names another output folder.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { recoverStaging, swapIn } from '../src/pipeline/staging.ts';
import { repositoryUrl } from '../src/site/issue.ts';

// An address in REPO_URL or CITATION.cff that every issue link would point at, refused before anything is built.
try {
  repositoryUrl();
} catch (error) {
  console.error(`${(error as Error).message}\nThe site was not built; dist/ was left as it was.`);
  process.exit(1);
}

const target = resolve(process.env.DIST_DIR ?? 'dist');
const staging = `${target}.staging-${process.pid}`;
recoverStaging(target);
const env = { ...process.env, DIST_DIR: staging };
for (const [command, ...args] of [
  ['npx', 'astro', 'build'],
  [process.execPath, 'scripts/search-index.ts'],
]) {
  const run = spawnSync(command!, args, { env, stdio: 'inherit' });
  if (run.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`\n${[command, ...args].join(' ')} failed; ${target} was left as it was.`);
    process.exit(run.status ?? 1);
  }
}
swapIn(staging, target);
console.log(`site → ${target}`);
