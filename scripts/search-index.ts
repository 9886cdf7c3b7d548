// Builds the Pagefind search index of dist/. Up to LIST_THRESHOLD reports, one index of every page (Pagefind keeps
// an index per language, by each page's lang). Above it, the plan of src/site/search-shards.ts: a core index of every
// page but the region and report pages, and a bundle per province, part and language of those, each built in a
// Pagefind process of its own (two or more at a time) so that memory stays bounded by the largest bundle.
// Everything is written to a staging folder first and moved into place only when every index is complete.
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIndex, close } from 'pagefind';
import { LOCALES } from '../src/i18n/format.ts';
import { isSharded, searchShards, shardPages, shardPath } from '../src/site/search-shards.ts';
import { INDEX_EXCLUDES, indexableHtml } from '../src/site/search-text.ts';

/** One index to write and its pages. */
type Job = { name: string; output: string; files: string[] };
type Done = { name: string; pages: number; errors: string[] };

const site = process.env.DIST_DIR ?? 'dist';
const staging = join(site, '.search-staging');

/** Indexes one job's pages in a fresh Pagefind service, writes its bundle and stops the service. */
async function indexJob(job: Job): Promise<Done> {
  const errors: string[] = [];
  const { index, errors: created } = await createIndex({ excludeSelectors: INDEX_EXCLUDES });
  if (!index) return { name: job.name, pages: 0, errors: created };
  // The pages as indexed are written to a folder of their own that Pagefind reads itself: a page at a time through
  // its API costs a second more on the real site.
  const pagesDir = join(staging, `pages-${basename(job.output)}-${process.pid}`);
  for (const file of job.files) {
    mkdirSync(dirname(join(pagesDir, file)), { recursive: true });
    writeFileSync(join(pagesDir, file), indexableHtml(readFileSync(join(site, file), 'utf8')));
  }
  const added = await index.addDirectory({ path: pagesDir });
  errors.push(...added.errors);
  const pages = added.page_count;
  rmSync(pagesDir, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: job.output });
  errors.push(...written.errors);
  await close();
  return { name: job.name, pages, errors };
}

if (process.argv.includes('--worker')) {
  process.on('message', (message) => {
    const job = message as Job;
    void indexJob(job).then(
      (done) => process.send!(done),
      (e: Error) => process.send!({ name: job.name, pages: 0, errors: [String(e)] }),
    );
  });
  process.on('disconnect', () => process.exit(0));
} else {
  await main();
}

/** Pagefind's memory: its processes are children of the workers, which this process's max RSS does not include. */
function memorySampler() {
  let peakTotalKb = 0;
  let peakOneKb = 0;
  // Processes come and go while this reads /proc: a file that vanished reads as empty.
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  };
  const tasks = (pid: string) => {
    try {
      return readdirSync(`/proc/${pid}/task`);
    } catch {
      return [];
    }
  };
  const descendants = (pid: string): string[] =>
    tasks(pid).flatMap((task) =>
      read(`/proc/${pid}/task/${task}/children`)
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .flatMap((child) => [child, ...descendants(child)]),
    );
  const sample = () => {
    let total = 0;
    for (const pid of descendants(String(process.pid))) {
      const status = read(`/proc/${pid}/status`);
      if (!/^Name:\s+pagefind/m.test(status)) continue;
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      peakOneKb = Math.max(peakOneKb, Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0));
    }
    peakTotalKb = Math.max(peakTotalKb, total);
  };
  setInterval(sample, 200).unref();
  // The figure npm run bench:scale reads: all Pagefind processes at once, sampled; and the largest single one.
  process.on('exit', () => {
    sample();
    if (peakOneKb)
      console.log(`pagefind peak memory: ${Math.round(Math.max(peakTotalKb, peakOneKb) / 1024)} MB (largest single index ${Math.round(peakOneKb / 1024)} MB)`);
  });
  return sample;
}

/** Every HTML page of the site, relative to it, outside Pagefind's own folders. */
function htmlPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((f) => !/^(pagefind|pagefind-shards|\.search-staging)\//.test(f))
    .sort();
}

/** The plan: one job for the whole site, or the core index and every bundle of searchShards. */
function plan(): Job[] {
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(site, 'data', `${name}.json`), 'utf8')) as T;
  const reports = read<Parameters<typeof searchShards>[1][number][]>('reports');
  if (!isSharded(reports.length)) return [{ name: 'site', output: join(staging, 'pagefind'), files: htmlPages(site) }];
  const regions = read<Parameters<typeof searchShards>[0][number][]>('regions');
  const maxPages = shardPages();
  const all = htmlPages(site);
  const present = new Set(all);
  const sharded = new Set<string>();
  const missing: string[] = [];
  const jobs: Job[] = [];
  // The page paths of src/site/routes.ts: the Chinese site at the root, the English one under en/.
  const prefix = (locale: string) => (locale === 'zh-cn' ? '' : `${locale}/`);
  for (const province of searchShards(regions, reports, maxPages)) {
    for (const shard of province.shards) {
      for (const locale of LOCALES) {
        const files = [
          ...shard.regions.map((id) => `${prefix(locale)}regions/${id}/index.html`),
          ...shard.reports.map((id) => `${prefix(locale)}reports/${id}/index.html`),
        ];
        for (const file of files) {
          if (!present.has(file)) missing.push(file);
          sharded.add(file);
        }
        const path = shardPath(locale, shard);
        jobs.push({ name: path, output: join(staging, path), files: files.filter((f) => present.has(f)) });
      }
    }
  }
  const problems: string[] = [];
  if (missing.length)
    problems.push(
      `${missing.length} region or report pages of the plan are not in ${site}: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`,
    );
  // The search pages list the bundles a reader can merge: they must be exactly the ones written here.
  for (const locale of LOCALES) {
    const file = `${prefix(locale)}search/index.html`;
    const listed = present.has(file)
      ? [...readFileSync(join(site, file), 'utf8').matchAll(/data-bundles="([^"]*)"/g)]
          .flatMap((m) => m[1]!.split(' '))
          .map((url) => url.replace(/^.*?(?=pagefind-shards\/)/, ''))
      : [];
    const written = jobs.filter((j) => j.name.startsWith(`pagefind-shards/${locale}/`)).map((j) => j.name);
    if (listed.join(' ') !== written.join(' '))
      problems.push(`${file} lists ${listed.length} search bundles, the plan has ${written.length} (was the site built with another SEARCH_SHARD_PAGES?)`);
  }
  if (problems.length) throw new Error(`search index: ${problems.join('; ')}`);
  jobs.push({ name: 'pagefind/', output: join(staging, 'pagefind'), files: all.filter((f) => !sharded.has(f)) });
  // Largest first, so that the last jobs to finish are short ones.
  return jobs.sort((a, b) => b.files.length - a.files.length);
}

/** Runs the jobs on as many workers as there are cores (at most 4: each holds up to one bundle in memory). */
async function runJobs(jobs: Job[], sample: () => void): Promise<{ results: Done[]; workers: number }> {
  const workers = Math.max(1, Math.min(jobs.length, availableParallelism(), 4));
  const queue = [...jobs];
  const results: Done[] = [];
  await Promise.all(
    Array.from({ length: workers }, () => {
      const worker = fork(fileURLToPath(import.meta.url), ['--worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      return new Promise<void>((resolve, reject) => {
        const next = () => {
          const job = queue.shift();
          if (job) worker.send(job);
          else worker.disconnect();
        };
        worker.on('message', (done: Done) => {
          results.push(done);
          sample();
          next();
        });
        worker.on('exit', (code) => (queue.length || code ? reject(new Error(`search index: a worker stopped with code ${code}`)) : resolve()));
        next();
      });
    }),
  );
  return { results, workers };
}

async function main(): Promise<void> {
  const started = performance.now();
  const sample = memorySampler();
  const jobs = plan();
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const { results, workers } = await runJobs(jobs, sample);
    const failed = results.filter((r) => r.errors.length);
    if (failed.length) {
      throw new Error(
        `search index: ${failed.length} of ${jobs.length} indexes failed; nothing was replaced:\n${failed.map((r) => `  ${r.name}: ${r.errors.join('; ')}`).join('\n')}`,
      );
    }
    for (const name of ['pagefind', 'pagefind-shards']) {
      rmSync(join(site, name), { recursive: true, force: true });
      if (existsSync(join(staging, name))) renameSync(join(staging, name), join(site, name));
    }
    const pages = results.reduce((sum, r) => sum + r.pages, 0);
    const bundles = results.length > 1 ? ` (core index and ${results.length - 1} bundles of at most ${shardPages()} pages, ${workers} at a time)` : '';
    console.log(`search index: ${pages} pages in ${Math.round(performance.now() - started)} ms${bundles}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
