// node scripts/build-pages.ts, in a project (the working tree or a scratch copy): its pages built by Astro into
// DIST_DIR (scripts/lib/pages-build.ts: two processes side by side at national scale), without the search index.
// Each process's log is printed whole when it is done, one after the other, so that a log read line by line
// (bench:scale's cost per kind of page) never has two processes' lines run into each other.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildPages } from './lib/pages-build.ts';

const logs = mkdtempSync(join(tmpdir(), 'atlas-pages-log-'));
const failed = await buildPages(process.cwd(), resolve(process.env.DIST_DIR ?? 'dist'), process.env, (part) => join(logs, `${part}.log`));
for (const file of readdirSync(logs).sort()) process.stdout.write(readFileSync(join(logs, file)));
rmSync(logs, { recursive: true, force: true });
if (failed) {
  console.error(failed);
  process.exit(1);
}
