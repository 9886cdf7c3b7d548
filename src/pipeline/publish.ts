// Serialises the compiled dataset to public/data/: each report's observations as it is compiled, then the
// dictionary tables, the changelog and datapackage.json, through the writers of writers.ts to an Output.
// outputFiles gives the same bytes in memory.
import { toCsv } from '../lib/csv.ts';
import type { Compiled, CompiledReport, DatasetSink, DatasetTables } from './compile.ts';
import type { Observation } from '../model/observation.ts';
import type { Metric } from '../model/metric.ts';
import type { ReferenceRow } from '../model/reference.ts';
import { SHARDS, columnNames, type TableName } from '../model/columns.ts';
import { LICENSE, dataPackage, widen, type SourceEntry, type Span } from './datapackage.ts';
import { CHANGE_COLUMNS, changeLines } from './release/changelog.ts';
import { manifestRow, releaseState, type ManifestRow } from './release/manifest.ts';
import { versioning, type Versioning } from './release/versioning.ts';
import { ShardWriter, TableWriter, pick, type Output } from './writers.ts';

// How each table's published rows are made from the compiled entities.
const publishedMetric = (m: Metric) => ({ ...m, derived_from: m.derived_from ?? '' });
const publishedReport = (r: CompiledReport) => ({ ...r, period: r.period_resolved });
const publishedReference = (r: ReferenceRow) => ({ ...r, value: Number(r.value) });

/**
 * The publishing side of the compile step: takes each report with its observations as it is compiled, then the
 * dictionary tables, and writes every published file to an Output.
 */
export class DatasetEmitter implements DatasetSink {
  readonly out: Output;
  readonly observations: TableWriter;
  readonly byMetric: ShardWriter;
  readonly byRegion: ShardWriter;
  readonly reportRows: object[] = [];
  readonly sources: SourceEntry[] = [];
  readonly years: Span = { start: Infinity, end: -Infinity };
  /** The current data's manifest, kept only when data/releases/ exists (a national synthetic set has none). */
  readonly manifest: Map<string, ManifestRow> | null;
  release: Versioning | null = null;

  constructor(out: Output, options: { releases: boolean } = { releases: true }) {
    this.out = out;
    this.manifest = options.releases ? new Map() : null;
    this.observations = new TableWriter('observations', out);
    this.byMetric = new ShardWriter(SHARDS.metric, out);
    this.byRegion = new ShardWriter(SHARDS.region, out);
  }

  report(report: CompiledReport, observations: readonly Observation[]): void {
    this.observations.write(observations);
    const columns = this.observations.columns;
    for (const o of observations) {
      const line = JSON.stringify(pick(o, columns));
      this.byMetric.write(o.metric_id, line);
      this.byRegion.write(o.region_id, line);
      this.manifest?.set(o.observation_id, manifestRow(o));
    }
    widen(this.years, observations);
    this.reportRows.push(pick(publishedReport(report), columnNames('reports')));
    this.sources.push({ title: report.title, report_id: report.report_id });
    this.out.file(`sources/${report.report_id}.txt`, report.source);
  }

  end(tables: DatasetTables): void {
    const metrics = tables.metrics.map(publishedMetric);
    const current = releaseState(this.manifest ?? new Map(), metrics);
    const release = versioning(this.manifest ? tables.releases : [], current);
    this.release = release;
    const metadata = parquetMetadata(release);
    this.observations.end(metadata);
    this.byMetric.end();
    this.byRegion.end();
    this.table('metrics', metrics, metadata);
    this.table('regions', tables.regions, metadata);
    this.table('reports', this.reportRows, metadata);
    this.table('reference', tables.reference.map(publishedReference), metadata);
    this.table('reviews', tables.reviews, metadata);
    if (release.previous || release.entries.length) this.out.file('changes.csv', changesCsv(release));
    // what the data page shows: the version, its date and notes, and the changelog's entries
    this.out.file('release.json', `${JSON.stringify(release)}\n`);
    this.out.file('datapackage.json', `${JSON.stringify(dataPackage(this.sources, this.years, release), null, 2)}\n`);
  }

  private table(name: TableName, rows: readonly object[], metadata: Record<string, string>): void {
    const writer = new TableWriter(name, this.out);
    writer.write(rows);
    writer.end(metadata);
  }
}

/** What each Parquet file's footer says of the dataset. */
function parquetMetadata(release: Versioning): Record<string, string> {
  return {
    'bureau_atlas.version': release.version,
    ...(release.date ? { 'bureau_atlas.release_date': release.date } : {}),
    'bureau_atlas.license': LICENSE.name,
  };
}

function changesCsv(release: Versioning): string {
  const lines = changeLines(release.entries, release.version, release.previous);
  return toCsv(lines, [...CHANGE_COLUMNS]);
}

/**
 * Every published text file by its path under public/data/; deterministic for a given input. The Parquet files go
 * into `binary` when it is given (and are not made otherwise).
 */
export function outputFiles(compiled: Compiled, binary?: Map<string, Uint8Array>): Map<string, string> {
  const parts = new Map<string, string[]>();
  const append = (path: string, chunk: string) => {
    const list = parts.get(path);
    if (list) list.push(chunk);
    else parts.set(path, [chunk]);
  };
  const bytes = (path: string, chunk: Uint8Array) => {
    const before = binary!.get(path);
    binary!.set(path, before ? Buffer.concat([before, chunk]) : chunk);
  };
  const emitter = new DatasetEmitter({ file: append, append, ...(binary ? { bytes } : {}) }, { releases: compiled.releases.length > 0 });
  // one report at a time, as the streaming compile hands them over
  const byReport = new Map<string, Observation[]>();
  for (const o of compiled.observations) {
    const list = byReport.get(o.report_id);
    if (list) list.push(o);
    else byReport.set(o.report_id, [o]);
  }
  for (const report of compiled.reports) emitter.report(report, byReport.get(report.report_id) ?? []);
  emitter.end(compiled);
  return new Map([...parts].map(([path, list]) => [path, list.join('')]));
}
