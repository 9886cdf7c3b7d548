// npm run build, after npm run data: the site and its search index are built into a folder beside dist/
// (dist.staging-<pid>) and swapped in only when both are complete, so a build killed or failing half-way leaves
// dist/ as the last complete build (src/pipeline/staging.ts). DIST_DIR names another output folder.
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync, rmSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { recoverStaging, swapIn } from '../src/pipeline/staging.ts';
import { repositoryUrl, webAddress } from '../src/site/issue.ts';
import { buildPages } from './lib/pages-build.ts';

// The addresses every page is built with, refused before anything is built: the repository every issue link points
// at (REPO_URL or CITATION.cff), the site's own address (SITE_URL: canonical links, citations, previews) and the
// path it is served under (BASE_PATH, written into every link and script address).
const problems: string[] = [];
try {
  repositoryUrl();
} catch (error) {
  problems.push((error as Error).message);
}
const siteUrl = process.env.SITE_URL;
if (siteUrl && !webAddress(siteUrl)) problems.push(`SITE_URL: ${JSON.stringify(siteUrl.slice(0, 160))} is not an http(s) address with a host`);
const basePath = process.env.BASE_PATH;
if (basePath && !/^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(basePath) && !/^\/(?:[A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]+$/.test(basePath)) {
  problems.push(`BASE_PATH: ${JSON.stringify(basePath.slice(0, 160))} is not a path of plain segments such as /bureau-atlas/`);
}
// dist/ is replaced whole: a DIST_DIR that is the project, around it, or one of its source folders would be replaced
// by the built site.
const project = realpathSync(process.cwd());
const distDir = resolve(process.env.DIST_DIR ?? 'dist');
const realDist = existsSync(distDir) ? realpathSync(distDir) : distDir;
const within = (inner: string, outer: string) => inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : `${outer}${sep}`);
if (within(project, realDist) || ['data', 'src', 'public', 'scripts', 'tests', 'node_modules', '.git'].some((f) => within(realDist, join(project, f)))) {
  problems.push(`DIST_DIR ${distDir}: is the project, a folder around it or one of its source folders; the build replaces it whole`);
}
if (problems.length) {
  console.error(`${problems.join('\n')}\nThe site was not built; dist/ was left as it was.`);
  process.exit(1);
}

const target = distDir;
const staging = `${target}.staging-${process.pid}`;
recoverStaging(target);
const env = { ...process.env, DIST_DIR: staging };
const failed = (step: string, status: number) => {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\n${step} failed; ${target} was left as it was.`);
  process.exit(status);
};
const pages = await buildPages(project, staging, env);
if (pages) {
  console.error(pages);
  failed('astro build', 1);
}
const search = spawnSync(process.execPath, ['scripts/search-index.ts'], { env, stdio: 'inherit' });
if (search.status !== 0) failed('scripts/search-index.ts', search.status ?? 1);
swapIn(staging, target);
console.log(`site → ${target}`);
