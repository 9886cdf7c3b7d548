// npm run bench — the performance budget, measured on the real dataset: build times, bytes a static host sends
// on first load of each page kind, JavaScript per page, and Lighthouse scores. Prints a table, writes JSON.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { serve } from './static-server.ts';
import { usageErrors, wholeNumber } from './lib/args.ts';

const DIST = join(process.cwd(), 'bench', 'dist');
const BASE = '/bureau-atlas/';
const env = { ...process.env, DIST_DIR: DIST, BASE_PATH: BASE, SITE_URL: 'http://127.0.0.1' };
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};
const timed = (args: string[], extra: Record<string, string> = {}) => {
  const started = performance.now();
  execFileSync(args[0]!, args.slice(1), { env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'inherit'] });
  return Math.round(performance.now() - started);
};
// The whole build (what `npm run build` runs) BENCH_RUNS times, 3 by default; each step's median is reported, and
// the median of the totals is held to its budget: the machine is shared, and one run can be slowed by another's.
const BUILD_BUDGET_MS = 20_000;
// What the maps add to the build (src/maps/enabled.ts): each run also builds the pages without them (MAPS=0) just
// before the build with them, so that both meet the same load on the machine; the dist/ measured below has the maps.
const MAPS_BUDGET_MS = 2_000;
const runCount = usageErrors('bench', () => wholeNumber('BENCH_RUNS', process.env.BENCH_RUNS ?? '3', 1, 100));
const runs = Array.from({ length: runCount }, () => {
  const data_ms = timed(['node', 'scripts/build-data.ts']);
  const astro_without_maps_ms = timed(['npx', 'astro', 'build'], { MAPS: '0' });
  const run = {
    data_ms,
    astro_ms: timed(['npx', 'astro', 'build']),
    search_index_ms: timed(['node', 'scripts/search-index.ts']),
  };
  return { ...run, total_ms: run.data_ms + run.astro_ms + run.search_index_ms, astro_without_maps_ms };
});
const middle = (key: keyof (typeof runs)[number]) => median(runs.map((r) => r[key]));
const build = {
  data_ms: middle('data_ms'),
  astro_ms: middle('astro_ms'),
  search_index_ms: middle('search_index_ms'),
  total_ms: middle('total_ms'),
  budget_ms: BUILD_BUDGET_MS,
  astro_without_maps_ms: middle('astro_without_maps_ms'),
  /** Median of each run's difference: the build with maps against the one without, run just before it. */
  maps_ms: median(runs.map((r) => r.astro_ms - r.astro_without_maps_ms)),
  maps_budget_ms: MAPS_BUDGET_MS,
  runs,
};

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
const pages = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (['pagefind', 'charts', '_astro'].includes(e.name) ? [] : pages(join(dir, e.name))) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
const kindOf = (path: string) => {
  const rel = relative(DIST, path).replace(/^en\//, '');
  const first = rel.split('/')[0]!;
  if (rel === 'index.html') return 'home';
  if (rel === '404.html') return '404';
  if (rel.startsWith('data/explore/')) return 'explore';
  // regions/p/<province>/…: one province's listing, built only above LIST_THRESHOLD entries (src/site/listing.ts)
  if (['regions', 'reports'].includes(first) && rel.split('/')[1] === 'p') return `${first}-province`;
  if (['topics', 'metrics', 'regions', 'reports'].includes(first)) return rel.split('/').length > 2 ? first.replace(/s$/, '') : `${first}-index`;
  return first;
};

/**
 * The modules a page's scripts load: what their static imports pull in with them, and what they fetch later by
 * dynamic import() (the data explorer's Parquet reader), each file once.
 */
function moduleGraph(entries: string[]): { loaded: Set<string>; onDemand: Set<string> } {
  const imports = (file: string, dynamic: boolean) => {
    const code = readFileSync(file, 'utf8');
    const pattern = dynamic ? /import\(\s*["'`](\.\/[^"'`]+\.js)["'`]\s*\)/g : /(?:from|import)\s*["'`](\.\/[^"'`]+\.js)["'`]/g;
    return [...code.matchAll(pattern)].map((m) => join(dirname(file), m[1]!)).filter(existsSync);
  };
  const walk = (start: string[], out: Set<string>) => {
    const queue = [...start];
    while (queue.length) {
      const file = queue.pop()!;
      if (out.has(file)) continue;
      out.add(file);
      queue.push(...imports(file, false));
    }
    return out;
  };
  const loaded = walk(entries, new Set());
  const onDemand = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const file of [...loaded, ...onDemand]) {
      for (const target of imports(file, true)) {
        if (loaded.has(target) || onDemand.has(target)) continue;
        const before = onDemand.size;
        for (const f of walk([target], new Set())) if (!loaded.has(f)) onDemand.add(f);
        grew ||= onDemand.size > before;
      }
    }
  }
  return { loaded, onDemand };
}

/** JavaScript a page may load, gzipped: chart pages' most (README, Performance budget). */
const JS_BUDGET = 30 * 1024;

const byKind = new Map<string, { total: number[]; js: number[]; jsOnDemand: number[] }>();
for (const file of pages(DIST)) {
  const html = readFileSync(file, 'utf8');
  const { document } = parseHTML(html);
  // the Content-Security-Policy's loader (src/site/csp.ts) adds the page's modules from an inline script: its list counts too
  const loaded = [...document.querySelectorAll('script:not([src])')].flatMap((s) =>
    [...(s.textContent ?? '').matchAll(/["'](\/[^"']+\.js)["']/g)].map((m) => m[1]!),
  );
  const assets = [
    ...[...document.querySelectorAll('script[src], link[rel="stylesheet"][href]')].map((el) => el.getAttribute('src') ?? el.getAttribute('href')!),
    ...loaded,
  ];
  const local = (url: string) => join(DIST, url.slice(BASE.length));
  const jsFiles = assets
    .filter((u) => u.endsWith('.js') && u.startsWith(BASE))
    .map(local)
    .filter(existsSync);
  const inlineJs = [...document.querySelectorAll('script:not([src])')].map((s) => gzipSync(s.textContent ?? '').length).reduce((a, b) => a + b, 0);
  const graph = moduleGraph(jsFiles);
  const { onDemand } = graph;
  const js = [...graph.loaded].reduce((sum, f) => sum + gz(f), 0) + inlineJs;
  const jsOnDemand = [...onDemand].reduce((sum, f) => sum + gz(f), 0);
  const total =
    gz(file) +
    assets
      .filter((u) => u.startsWith(BASE))
      .map(local)
      .filter(existsSync)
      .reduce((sum, f) => sum + gz(f), 0);
  const kind = kindOf(file);
  const entry = byKind.get(kind) ?? { total: [], js: [], jsOnDemand: [] };
  entry.total.push(total);
  entry.js.push(js);
  entry.jsOnDemand.push(jsOnDemand);
  byKind.set(kind, entry);
}
const weights = Object.fromEntries(
  [...byKind].sort().map(([kind, { total, js, jsOnDemand }]) => [
    kind,
    {
      pages: total.length,
      first_load_gzip_median: median(total),
      first_load_gzip_max: Math.max(...total),
      js_gzip_max: Math.max(...js),
      js_on_demand_gzip_max: Math.max(...jsOnDemand),
      js_over_budget: Math.max(0, Math.max(...js.map((x, i) => x + jsOnDemand[i]!)) - JS_BUDGET),
    },
  ]),
);

// Lighthouse, mobile emulation, against the site served under its sub-path.
const lighthouse: Record<string, Record<string, number>> = {};
if (process.env.BENCH_SKIP_LIGHTHOUSE !== '1') {
  const { default: run } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const observations = JSON.parse(readFileSync('public/data/observations.json', 'utf8')) as { metric_id: string; report_id: string }[];
  const { origin, server } = await serve(DIST, BASE);
  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  for (const [name, path] of [
    ['home', ''],
    ['topic', 'topics/access/'],
    ['metric', `metrics/${observations[0]!.metric_id}/`],
    ['report', `reports/${observations[0]!.report_id}/`],
  ] as const) {
    const result = await run(`${origin}${BASE}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    lighthouse[name] = Object.fromEntries(Object.entries(result!.lhr.categories).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)]));
  }
  await chrome.kill();
  server.close();
}

const results = { build, weights, lighthouse };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/bench.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `build, median of ${runs.length}: data ${build.data_ms} ms · astro ${build.astro_ms} ms · search index ${build.search_index_ms} ms · whole build ${build.total_ms} ms (budget ${BUILD_BUDGET_MS} ms; runs ${runs.map((r) => r.total_ms).join(', ')} ms)\n`,
);
console.log(
  `maps: astro ${build.astro_ms} ms with, ${build.astro_without_maps_ms} ms without (MAPS=0); they add ${build.maps_ms} ms (median of ${runs.map((r) => r.astro_ms - r.astro_without_maps_ms).join(', ')} ms; budget ${MAPS_BUDGET_MS} ms)\n`,
);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log('page kind        pages  first load gz (median / max)   JS gz max (+ loaded on demand)');
for (const [kind, w] of Object.entries(weights)) {
  console.log(
    `${kind.padEnd(16)} ${String(w.pages).padStart(5)}  ${(w.first_load_gzip_median / 1024).toFixed(1).padStart(8)} KB / ${(w.first_load_gzip_max / 1024).toFixed(1).padStart(6)} KB   ${kb(w.js_gzip_max).padStart(9)}${w.js_on_demand_gzip_max ? ` + ${kb(w.js_on_demand_gzip_max)}` : ''}`,
  );
}
// The budget is what the rest of the site loads: a page kind that needs more says by how much, and against the cap.
const jsTotal = (w: (typeof weights)[string]) => w.js_gzip_max + w.js_on_demand_gzip_max;
const [heaviest, ...rest] = Object.entries(weights).sort(([, a], [, b]) => jsTotal(b) - jsTotal(a));
const [nextKind, next] = rest[0]!;
console.log(
  `JavaScript: ${heaviest![0]} ${kb(jsTotal(heaviest![1]))} (${kb(heaviest![1].js_gzip_max)} on load + ${kb(heaviest![1].js_on_demand_gzip_max)} on demand), ` +
    `${kb(jsTotal(heaviest![1]) - jsTotal(next))} above every other page kind (next: ${nextKind}, ${kb(jsTotal(next))}); ` +
    `${heaviest![1].js_over_budget ? `over the ${kb(JS_BUDGET)} cap by ${kb(heaviest![1].js_over_budget)}` : `within the ${kb(JS_BUDGET)} cap of a page`}\n`,
);
for (const [page, scores] of Object.entries(lighthouse))
  console.log(
    `lighthouse ${page}: ${Object.entries(scores)
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}`,
  );
if (build.maps_ms > MAPS_BUDGET_MS) {
  console.error(`the maps add ${build.maps_ms} ms to the build (median), over their budget of ${MAPS_BUDGET_MS} ms`);
  process.exitCode = 1;
}
if (build.total_ms > BUILD_BUDGET_MS) {
  console.error(`the whole build took ${build.total_ms} ms (median), over its budget of ${BUILD_BUDGET_MS} ms`);
  process.exitCode = 1;
}
