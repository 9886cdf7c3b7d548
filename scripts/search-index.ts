// Builds the Pagefind search index of dist/ (Chinese and English pages get an index each, by their lang).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createIndex, close } from 'pagefind';

const site = process.env.DIST_DIR ?? 'dist';
const started = performance.now();

// Pagefind indexes in a process of its own, which this process's max RSS (and /usr/bin/time's) does not include:
// its peak (VmHWM) is sampled and printed, also when the run dies, for npm run bench:scale.
let peakKb = 0;
function samplePagefind(): void {
  if (!existsSync('/proc/self/task')) return;
  for (const task of readdirSync('/proc/self/task')) {
    const children = readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    for (const pid of children) {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(existsSync(`/proc/${pid}/status`) ? readFileSync(`/proc/${pid}/status`, 'utf8') : '');
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
    }
  }
}
setInterval(samplePagefind, 500).unref();
process.on('exit', () => {
  if (peakKb) console.log(`pagefind peak memory: ${Math.round(peakKb / 1024)} MB`);
});

const { index, errors } = await createIndex({ forceLanguage: undefined });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: site });
if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
samplePagefind();
await close();
console.log(`search index: ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
