// What the benchmark reports: each cost's growth exponent, what is over its target, bench/results/scale.json and a
// Markdown table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { FULL, type LevelResult } from './levels.ts';
import { REPO, TIME, round, type Step } from './measure.ts';
import { mapLine } from './map.ts';

/**
 * exponent: the fastest growth a cost may have against the number of observations (1 = linear; above 1.1 the build
 * of the national edition grows out of reach). astro_per_page_ratio: how much Astro's time per page may grow from the
 * smallest to the largest site level measured. kind_ms_floor: a kind of page whose pages take less than this in all
 * (ms, at the largest level) has its exponent printed but not held to the target. explorer_ms: the data explorer's
 * first filtered result. map_gz_kb: the map tab's share of a page's 100 KB (the largest page without it is under 40).
 */
const TARGETS = {
  data_s: 60,
  data_rss_mb: 2048,
  site_s: 15 * 60,
  page_gz_kb: 100,
  exponent: 1.1,
  astro_per_page_ratio: 1.3,
  kind_ms_floor: 5000,
  explorer_ms: 1000,
  map_gz_kb: 60,
};
/** GitHub Pages publishes at most 1 GB. */
const PAGES_LIMIT = 1e9;

export type Exponents = Record<string, number | null>;
const percent = (level: number) => `${round(level * 100, 2)} %`;

type Cost = { key: string; label: string; get: (r: LevelResult) => number | null | undefined };
const ok = (s: Step | null | undefined) => (s?.ok ? s : null);
const COSTS: Cost[] = [
  { key: 'synth_s', label: 'synth wall time', get: (r) => r.synth.wall_s },
  { key: 'data_s', label: 'data compile wall time', get: (r) => ok(r.data)?.wall_s },
  { key: 'data_rss_mb', label: 'data compile peak memory', get: (r) => ok(r.data)?.peak_rss_mb },
  { key: 'data_bytes', label: 'data output size', get: (r) => (r.data.ok ? r.data.bytes : null) },
  { key: 'data_files', label: 'data output files', get: (r) => (r.data.ok ? r.data.files : null) },
  { key: 'astro_s', label: 'astro build wall time', get: (r) => ok(r.site?.astro)?.wall_s },
  { key: 'astro_rss_mb', label: 'astro build peak memory', get: (r) => ok(r.site?.astro)?.peak_rss_mb },
  { key: 'search_s', label: 'search index wall time', get: (r) => ok(r.site?.search_index)?.wall_s },
  { key: 'search_rss_mb', label: 'search index peak memory', get: (r) => ok(r.site?.search_index)?.peak_rss_mb },
  { key: 'site_bytes', label: 'site output size', get: (r) => (r.site?.astro.ok ? r.site.bytes : null) },
  { key: 'site_files', label: 'site output files', get: (r) => (r.site?.astro.ok ? r.site.files : null) },
  { key: 'deploy_parquet_bytes', label: 'deploy size, Parquet-only downloads', get: (r) => (r.site?.astro.ok ? r.site.deploy_parquet_only.bytes : null) },
  { key: 'largest_page_gz', label: 'largest page (gzip)', get: (r) => (r.site?.astro.ok ? r.site.largest_page_gz : null) },
];
/** Costs per page, whose growth is not over the number of observations but across levels: they should stay flat. */
const astroPerPage = (r: LevelResult) => (r.site?.astro.ok && r.site.pages ? (r.site.astro.wall_s * 1000) / r.site.pages : null);
const searchPerPage = (r: LevelResult) => (r.site?.search_index?.ok && r.site.pages ? (r.site.search_index.wall_s * 1000) / r.site.pages : null);

/** Each kind of page's total generation time, from Astro's log: the key of its growth exponent. */
const kindKey = (kind: string) => `pages_ms:${kind}`;
const kindsOf = (results: LevelResult[]) => [...new Set(results.flatMap((r) => Object.keys(r.site?.kinds ?? {})))].sort();

/** Least-squares slope of log(y) on log(x): the exponent b of y ≈ a·x^b. */
function exponent(points: [number, number][]): number | null {
  const usable = points.filter(([x, y]) => x > 0 && y > 0);
  if (usable.length < 2) return null;
  const lx = usable.map(([x]) => Math.log(x));
  const ly = usable.map(([, y]) => Math.log(y));
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  const sxx = lx.reduce((s, x) => s + (x - mx) ** 2, 0);
  if (sxx === 0) return null;
  return round(lx.reduce((s, x, i) => s + (x - mx) * (ly[i]! - my), 0) / sxx, 2);
}

/**
 * Each cost's growth exponent over all measured levels, and between the two largest only: fixed costs (starting
 * node, loading Astro) flatten the slope at small levels; the top pair says how the cost grows where it matters.
 */
export function growthExponents(results: LevelResult[]): { exponents: Exponents; exponentsTop: Exponents } {
  const exponents: Exponents = {};
  const exponentsTop: Exponents = {};
  for (const cost of COSTS) {
    const points = results.flatMap((r) => {
      const y = cost.get(r);
      return y === null || y === undefined ? [] : [[r.observations, y] as [number, number]];
    });
    exponents[cost.key] = exponent(points);
    exponentsTop[cost.key] = exponent(points.slice(-2));
  }
  for (const kind of kindsOf(results)) {
    const points = results.flatMap((r) => {
      const y = r.site?.kinds[kind]?.ms_total;
      return y ? [[r.observations, y] as [number, number]] : [];
    });
    exponents[kindKey(kind)] = exponent(points);
    exponentsTop[kindKey(kind)] = exponent(points.slice(-2));
  }
  return { exponents, exponentsTop };
}

/** What is over its target: the data compile at full scale, the site build and its largest page, superlinear growth. */
export function overTargets(results: LevelResult[], exponentsTop: Exponents): string[] {
  const overTarget: string[] = [];
  const full = results.find((r) => r.level === 1);
  if (full) {
    if (!full.data.ok) overTarget.push(`data compile at 100 % failed: ${full.data.error}`);
    else {
      if (full.data.wall_s > TARGETS.data_s) overTarget.push(`data compile at 100 %: ${full.data.wall_s} s > ${TARGETS.data_s} s`);
      if ((full.data.peak_rss_mb ?? 0) > TARGETS.data_rss_mb) overTarget.push(`data compile at 100 %: ${full.data.peak_rss_mb} MB > ${TARGETS.data_rss_mb} MB`);
    }
  }
  for (const r of results) {
    if (r.map && !r.map.ok) overTarget.push(`map tab at ${percent(r.level)} failed: ${r.map.error}`);
    if (r.map?.ok && Math.max(r.map.svg_gz!['zh-cn'], r.map.svg_gz!.en) > TARGETS.map_gz_kb * 1024)
      overTarget.push(`map tab at ${percent(r.level)}: ${Math.round(r.map.svg_gz!['zh-cn'] / 1024)} KB gzipped > ${TARGETS.map_gz_kb} KB`);
    if (r.explorer && !r.explorer.ok) overTarget.push(`data explorer at ${percent(r.level)} failed: ${r.explorer.error}`);
    if (r.explorer?.ok && r.explorer.first_result_ms! > TARGETS.explorer_ms)
      overTarget.push(`data explorer at ${percent(r.level)}: first result ${r.explorer.first_result_ms} ms > ${TARGETS.explorer_ms} ms`);
    if (!r.site) continue;
    const pct = percent(r.level);
    if (!r.site.astro.ok) overTarget.push(`site build at ${pct} failed after ${r.site.astro.wall_s} s: ${r.site.astro.error}`);
    else {
      if (r.site.search_index && !r.site.search_index.ok)
        overTarget.push(
          `search index at ${pct} failed after ${r.site.search_index.wall_s} s (peak ${r.site.search_index.peak_rss_mb} MB): ${r.site.search_index.error}`,
        );
      const total = r.site.astro.wall_s + (r.site.search_index?.wall_s ?? 0);
      if (total > TARGETS.site_s) overTarget.push(`site build at ${pct}: ${round(total)} s > ${TARGETS.site_s} s`);
      if (r.site.largest_page_gz > TARGETS.page_gz_kb * 1024)
        overTarget.push(`largest page at ${pct}: ${r.site.largest_page} ${round(r.site.largest_page_gz / 1024, 1)} KB gz > ${TARGETS.page_gz_kb} KB`);
    }
  }
  const sites = results.filter((r) => astroPerPage(r) !== null);
  if (sites.length >= 2) {
    const [first, last] = [sites[0]!, sites.at(-1)!];
    const ratio = astroPerPage(last)! / astroPerPage(first)!;
    if (ratio > TARGETS.astro_per_page_ratio)
      overTarget.push(
        `astro time per page grows ×${round(ratio, 2)} from ${percent(first.level)} to ${percent(last.level)} (${round(astroPerPage(first)!, 1)} → ${round(astroPerPage(last)!, 1)} ms) > ×${TARGETS.astro_per_page_ratio}`,
      );
  }
  const largest = results.filter((r) => r.site?.astro.ok).at(-1);
  // a kind of page that takes a few seconds in all is below what a shared machine measures apart from noise
  const negligible = (key: string) =>
    key.startsWith('pages_ms:') && (largest?.site?.kinds[key.slice('pages_ms:'.length)]?.ms_total ?? 0) < TARGETS.kind_ms_floor;
  for (const [key, b] of Object.entries(exponentsTop))
    if (b !== null && b > TARGETS.exponent && !negligible(key))
      overTarget.push(`${costLabel(key)} grows faster than linearly (exponent ${b} > ${TARGETS.exponent})`);
  return overTarget;
}

const costLabel = (key: string) =>
  key.startsWith('pages_ms:') ? `${key.slice('pages_ms:'.length)} pages' generation time` : COSTS.find((c) => c.key === key)!.label;

/** bench/results/scale.json */
export function writeReport(seed: string, results: LevelResult[], exponents: Exponents, exponentsTop: Exponents, overTarget: string[]): void {
  const report = {
    generated: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? '',
      memory_gb: round(totalmem() / 2 ** 30, 1),
      node: process.version,
      peak_memory_by: TIME ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS',
    },
    full_scale: FULL,
    seed,
    targets: TARGETS,
    levels: results,
    exponents,
    exponents_top_two_levels: exponentsTop,
    over_target: overTarget,
  };
  mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
  writeFileSync(join(REPO, 'bench', 'results', 'scale.json'), `${JSON.stringify(report, null, 2)}\n`);
}

export function printReport(results: LevelResult[], exponents: Exponents, exponentsTop: Exponents, overTarget: string[]): void {
  console.log(`\n${markdownTable(results)}\n`);
  console.log(`${perPageTable(results, exponentsTop)}\n`);
  const show = (e: Exponents) =>
    Object.entries(e)
      .filter(([, b]) => b !== null)
      .map(([k, b]) => `${k} ${b}`)
      .join(' · ') || 'need two levels';
  console.log(`growth exponents (log-log slope against observations; 1 = linear), all levels: ${show(exponents)}`);
  console.log(`growth exponents between the two largest levels measured: ${show(exponentsTop)}`);
  for (const r of results)
    if (r.site && !r.site.astro.ok) console.log(`site build at ${percent(r.level)}: FAILED after ${r.site.astro.wall_s} s — ${r.site.astro.error}`);
  for (const r of results)
    if (r.explorer?.ok)
      console.log(
        `data explorer at ${percent(r.level)} (${r.observations} observations), ${r.explorer.path}: first filtered result ${r.explorer.first_result_ms} ms ` +
          `(median of ${r.explorer.runs_ms.join(', ')} ms; target ${TARGETS.explorer_ms} ms), ${r.explorer.rows}; read ${round(r.explorer.read_bytes / 1024)} KB ` +
          `of ${round(r.explorer.file_bytes / 2 ** 20, 1)} MB of Parquet in ${r.explorer.requests} range requests`,
      );
  for (const r of results) if (r.map) console.log(mapLine(r.map, percent(r.level)));
  console.log(overTarget.length ? `over target:\n  ${overTarget.join('\n  ')}` : 'all measured costs within target');
  console.log(`→ bench/results/scale.json (${cpus().length} CPUs, ${TIME ? '/usr/bin/time -v' : 'resourceUsage'} for peak memory)`);
}

function markdownTable(results: LevelResult[]): string {
  const mb = (bytes: number) => round(bytes / 1e6, 1);
  const cell = (s: Step | null | undefined, value: (s: Step) => string) => (!s ? '–' : s.ok ? value(s) : 'FAILED');
  const header = [
    'level',
    'regions',
    'reports',
    'observations',
    'synth s',
    'compile s',
    'compile MB',
    'data files',
    'data MB',
    'astro s',
    'astro MB',
    'search s',
    'search MB',
    'site files',
    'site MB',
    'deploy MB (Parquet-only downloads)',
    'fits GitHub Pages (1 GB)',
    'observations csv / json / parquet MB',
    'largest page gz',
  ];
  const rows = results.map((r) => [
    percent(r.level),
    String(r.regions),
    String(r.reports),
    String(r.observations),
    String(r.synth.wall_s),
    cell(r.data, (s) => String(s.wall_s)),
    cell(r.data, (s) => String(s.peak_rss_mb)),
    r.data.ok ? String(r.data.files) : '–',
    r.data.ok ? String(mb(r.data.bytes)) : '–',
    cell(r.site?.astro, (s) => String(s.wall_s)),
    cell(r.site?.astro, (s) => String(s.peak_rss_mb)),
    cell(r.site?.search_index, (s) => String(s.wall_s)),
    cell(r.site?.search_index, (s) => String(s.peak_rss_mb)),
    r.site?.astro.ok ? String(r.site.files) : '–',
    r.site?.astro.ok ? String(mb(r.site.bytes)) : '–',
    r.site?.astro.ok ? `${mb(r.site.deploy_parquet_only.bytes)} (${r.site.deploy_parquet_only.files} files)` : '–',
    r.site?.astro.ok ? (r.site.bytes <= PAGES_LIMIT ? 'yes' : r.site.deploy_parquet_only.bytes <= PAGES_LIMIT ? 'Parquet-only edition' : 'no') : '–',
    r.site?.astro.ok ? ['observations.csv', 'observations.json', 'observations.parquet'].map((f) => mb(r.site!.downloads[f] ?? 0)).join(' / ') : '–',
    r.site?.astro.ok ? `${round(r.site.largest_page_gz / 1024, 1)} KB` : '–',
  ]);
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** Cost per page of each step and of each kind of page at each site level, with the kind's growth exponent. */
function perPageTable(results: LevelResult[], exponentsTop: Exponents): string {
  const sites = results.filter((r) => r.site?.astro.ok);
  if (!sites.length) return 'no site level built: no cost per page';
  const kb = (bytes: number) => `${round(bytes / 1024, 1)} KB`;
  const perLevel = (f: (r: LevelResult) => string) => sites.map(f).join(' → ');
  const header = [
    'step or kind of page',
    `pages (${sites.map((r) => percent(r.level)).join(' → ')})`,
    'ms per page (median)',
    'gz per page (median / largest)',
    'growth exponent',
  ];
  const steps = [
    [
      'astro build, all pages',
      perLevel((r) => String(r.site!.pages)),
      perLevel((r) => String(round(astroPerPage(r) ?? 0, 1))),
      '',
      String(exponentsTop.astro_s ?? '–'),
    ],
    [
      'search index, all pages',
      perLevel((r) => String(r.site!.pages)),
      perLevel((r) => (searchPerPage(r) === null ? '–' : String(round(searchPerPage(r)!, 1)))),
      '',
      String(exponentsTop.search_s ?? '–'),
    ],
  ];
  const kinds = kindsOf(sites).map((kind) => [
    kind,
    perLevel((r) => String(r.site!.kinds[kind]?.pages ?? 0)),
    perLevel((r) => String(r.site!.kinds[kind]?.ms_median ?? '–')),
    kind === 'chart file' ? '' : perLevel((r) => (r.site!.kinds[kind] ? `${kb(r.site!.kinds[kind].gz_median)} / ${kb(r.site!.kinds[kind].gz_max)}` : '–')),
    String(exponentsTop[kindKey(kind)] ?? '–'),
  ]);
  return [header, header.map(() => '---'), ...steps, ...kinds].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
