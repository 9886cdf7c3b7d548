// One level of national scale: synth, data compile and, for the site levels, the site build and its search index.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { scratchProject } from '../scratch-project.ts';
import { REPO, files, pages, round, run, type Bench, type Files, type Pages, type Step } from './measure.ts';
import { measureExplorer, type ExplorerResult } from './explorer.ts';
import { kindCosts, type KindCost } from './kinds.ts';
import { mapLine, measureMap, type MapResult } from './map.ts';

export const FULL = { regions: 3200, years: 10, metrics: 40 };
/**
 * A Parquet-only edition of the downloads: the tables as Parquet (and the small dictionary tables as CSV too), without
 * observations.csv/.json and the by-metric/by-region JSON splits, which repeat the same rows three more times.
 */
const DUPLICATE_DOWNLOAD = /^data\/(observations\.(csv|json)|by-metric\/|by-region\/|(metrics|regions|reports|reference)\.json$)/;

export type Options = Bench & { levels: number[]; siteLevels: number[]; explorerLevels: number[]; seed: string; keep: boolean };
export type LevelResult = {
  level: number;
  regions: number;
  years: number;
  metrics: number;
  reports: number;
  observations: number;
  synth: Step & { bytes: number; files: number };
  data: Step & Files;
  site?: { astro: Step; search_index: Step | null } & Files &
    Pages & { deploy_parquet_only: Files; downloads: Record<string, number>; kinds: Record<string, KindCost> };
  /** The data explorer's first filtered result on this level's tables (explorer.ts). */
  explorer?: ExplorerResult;
  /** The map tab of the level's most widely reported metric (map.ts). */
  map?: MapResult;
};

export function measureLevel(level: number, options: Options): LevelResult {
  const regions = Math.max(1, Math.round(FULL.regions * level));
  const tag = `${round(level * 100, 2)}pct`;
  const dir = join(options.work, tag);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const data = join(dir, 'synthetic');
  const out = join(dir, 'out');
  console.error(`— ${tag}: ${regions} regions × ${FULL.years} years × ${FULL.metrics} metrics`);
  const synth = synthStep(options, tag, regions, data);
  const marker = JSON.parse(readFileSync(join(data, '.synthetic.json'), 'utf8')) as { reports: number; observations: number };
  const synthFiles = files(data);
  console.error(`  synth ${synth.wall_s} s`);
  const compile = compileData(options, tag, data, out, marker.observations);
  const result: LevelResult = {
    level,
    regions,
    years: FULL.years,
    metrics: FULL.metrics,
    reports: marker.reports,
    observations: marker.observations,
    synth: { ...synth, bytes: synthFiles.bytes, files: synthFiles.files },
    data: { ...compile, ...files(out) },
  };
  if (compile.ok) {
    result.map = measureMap(options, tag, out);
    console.error(`  ${mapLine(result.map, tag)}`);
  }
  if (compile.ok && options.siteLevels.includes(level)) result.site = buildSite(options, tag, dir, out);
  if (compile.ok && options.explorerLevels.includes(level)) {
    result.explorer = measureExplorer(options, tag, out);
    const e = result.explorer;
    console.error(`  explorer ${e.ok ? `first result ${e.first_result_ms} ms (runs ${e.runs_ms.join(', ')} ms)` : `FAILED: ${e.error}`}`);
  }
  if (!options.keep) rmSync(dir, { recursive: true, force: true });
  return result;
}

function synthStep(options: Options, tag: string, regions: number, data: string): Step {
  const synth = run(options, `${tag}-synth`, [
    process.execPath,
    'scripts/synth.ts',
    '--regions',
    String(regions),
    '--years',
    String(FULL.years),
    '--metrics',
    String(FULL.metrics),
    '--seed',
    options.seed,
    '--out',
    data,
  ]);
  if (!synth.ok) throw new Error(`synth failed at ${tag}: ${synth.error} (see ${synth.log})`);
  return synth;
}

/** npm run data on the synthetic set; a run that publishes another number of observations than synth expects fails. */
function compileData(options: Options, tag: string, data: string, out: string, expected: number): Step {
  const compile = run(options, `${tag}-data`, [process.execPath, 'scripts/build-data.ts'], { env: { DATA_DIR: data, OUT_DIR: out } });
  const compiled = /^(\d+) observations/m.exec(readFileSync(resolve(REPO, compile.log), 'utf8'));
  if (compile.ok && Number(compiled?.[1]) !== expected) {
    Object.assign(compile, { ok: false, error: `published ${compiled?.[1]} observations, synth expected ${expected}` });
  }
  console.error(`  data compile ${compile.wall_s} s, ${compile.peak_rss_mb} MB${compile.ok ? '' : ` FAILED: ${compile.error}`}`);
  return compile;
}

/** astro build in a scratch copy of the project whose public/data is `out`, then the search index. */
function buildSite(options: Options, tag: string, dir: string, out: string): LevelResult['site'] {
  const root = join(dir, 'site-root');
  const dist = join(dir, 'dist');
  scratchProject(root, out);
  // what npm run build runs: two Astro processes side by side at national scale (scripts/lib/pages-build.ts)
  const astro = run(options, `${tag}-astro`, [process.execPath, join(REPO, 'scripts', 'build-pages.ts')], {
    cwd: root,
    env: { ATLAS_DATA: join(root, 'public', 'data'), DIST_DIR: dist },
  });
  console.error(`  astro build ${astro.wall_s} s, ${astro.peak_rss_mb} MB${astro.ok ? '' : ` FAILED: ${astro.error}`}`);
  const search = astro.ok ? run(options, `${tag}-search`, [process.execPath, 'scripts/search-index.ts'], { env: { DIST_DIR: dist } }) : null;
  if (search) console.error(`  search index ${search.wall_s} s, ${search.peak_rss_mb} MB${search.ok ? '' : ` FAILED: ${search.error}`}`);
  const downloads = Object.fromEntries(
    ['observations.csv', 'observations.json', 'observations.parquet'].map((f) => [
      f,
      existsSync(join(dist, 'data', f)) ? statSync(join(dist, 'data', f)).size : 0,
    ]),
  );
  return {
    astro,
    search_index: search,
    ...files(dist),
    ...pages(dist),
    deploy_parquet_only: files(dist, (path) => !DUPLICATE_DOWNLOAD.test(relative(dist, path))),
    downloads,
    kinds: astro.ok ? kindCosts(dist, resolve(REPO, astro.log)) : {},
  };
}
