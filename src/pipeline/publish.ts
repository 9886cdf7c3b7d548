// Serialises the compiled dataset to public/data/ and writes it all or nothing. Tables are written a batch of rows
// at a time (TableWriter), so the national dataset never has to exist as one string; outputFiles gives the same
// bytes in memory.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { removeStaleStaging } from './staging.ts';
import Papa from 'papaparse';
import { csvCells } from '../lib/csv.ts';
import type { Compiled, CompiledReport, DatasetSink, DatasetTables } from './compile.ts';
import type { Observation } from '../model/observation.ts';
import type { Metric } from '../model/metric.ts';
import type { ReferenceRow } from '../model/reference.ts';
import { SHARDS, TABLES, columnNames, type TableName } from '../model/columns.ts';
import { ParquetTable } from './parquet.ts';
import { CHANGE_COLUMNS, changeLines, manifestRow, metricHash, versioning, type ManifestRow, type State, type Versioning } from './release.ts';

export const DATASET_NAME = 'bureau-atlas';
export const LICENSE = { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' };

// How each table's published rows are made from the compiled entities.
const publishedMetric = (m: Metric) => ({ ...m, derived_from: m.derived_from ?? '' });
const publishedReport = (r: CompiledReport) => ({ ...r, period: r.period_resolved });
const publishedReference = (r: ReferenceRow) => ({ ...r, value: Number(r.value) });

/** Keeps only the published columns, in their published order, so JSON and CSV carry exactly the same fields. */
function pick(row: object, columns: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of columns) out[column] = (row as Record<string, unknown>)[column] ?? null;
  return out;
}

type Span = { start: number; end: number };
type SourceEntry = { title: string; report_id: string };

/** Tables also published as Parquet. */
export const PARQUET_TABLES: readonly TableName[] = Object.keys(TABLES) as TableName[];

function dataPackage(sources: SourceEntry[], years: Span, release: Versioning): object {
  return {
    profile: 'tabular-data-package',
    name: DATASET_NAME,
    title: 'bureau-atlas: figures from Chinese local education bureaus’ work reports',
    description:
      'Figures published by Chinese local education bureaus in their annual work reports, each tied to the verbatim sentence it came from. These are figures as the bureaus reported them, not official statistics.',
    version: release.version,
    // the release date from data/releases/<version>.json (a draft has none): never the clock, so builds repeat
    ...(release.date ? { created: `${release.date}T00:00:00Z` } : {}),
    licenses: [LICENSE],
    keywords: ['education', 'China', 'local government', '教育局', '工作总结'],
    temporal: years.end >= years.start ? { start: String(years.start), end: String(years.end) } : undefined,
    sources: sources.map((r) => ({ title: r.title, path: `sources/${r.report_id}.txt` })),
    resources: (Object.keys(TABLES) as TableName[])
      .flatMap((name) => {
        const table = TABLES[name];
        const schema = {
          fields: table.columns.map((col) => ({
            name: col.name,
            // arrays are written semicolon-separated in CSV
            type: col.type === 'array' ? 'string' : col.type,
            description: col.type === 'array' ? `${col.en} (semicolon-separated)` : col.en,
          })),
          missingValues: [''],
          primaryKey: table.primaryKey,
          foreignKeys: table.foreignKeys,
        };
        const csv = {
          name,
          path: `${name}.csv`,
          profile: 'tabular-data-resource',
          title: table.title,
          description: table.description,
          format: 'csv',
          mediatype: 'text/csv',
          encoding: 'utf-8',
          schema,
        };
        // the same table as Parquet: same columns and types, arrays semicolon-separated, text without the CSV's apostrophe
        const parquet = {
          name: `${name}-parquet`,
          path: `${name}.parquet`,
          title: `${table.title} (Parquet)`,
          description: table.description,
          format: 'parquet',
          mediatype: 'application/vnd.apache.parquet',
          schema,
        };
        return PARQUET_TABLES.includes(name) ? [csv, parquet] : [csv];
      })
      .concat(
        release.previous || release.entries.length
          ? [
              {
                name: 'changes',
                path: 'changes.csv',
                profile: 'tabular-data-resource',
                title: 'Changes since the previous release',
                description: `What changed from version ${release.previous || '(none)'} to ${release.version}: rows added, removed or changed (one line per field, old → new), metrics split, renamed, added, removed or redefined, columns added or removed.`,
                format: 'csv',
                mediatype: 'text/csv',
                encoding: 'utf-8',
                schema: { fields: CHANGE_COLUMNS.map((name) => ({ name, type: 'string' })), missingValues: [''] },
              } as never,
            ]
          : [],
      ),
  };
}

/** What a release of the data records: each row's manifest line, each curated metric's definition hash, the columns. */
export function releaseState(manifest: Map<string, ManifestRow>, metrics: readonly Record<string, unknown>[], columns?: Record<string, string[]>): State {
  return {
    manifest,
    // metrics the site derives (growth) follow from their source metric; only curated ones are recorded
    metrics: Object.fromEntries(metrics.filter((m) => !m.derived_from).map((m) => [String(m.metric_id), metricHash(m)])),
    columns: columns ?? Object.fromEntries((Object.keys(TABLES) as TableName[]).map((name) => [name, columnNames(name)])),
  };
}

/** The years observations span; a loop, as Math.min(...years) overflows the call stack at national scale. */
function widen(years: Span, observations: readonly Observation[]): void {
  for (const o of observations) {
    if (o.year === null) continue;
    if (o.year < years.start) years.start = o.year;
    if (o.year > years.end) years.end = o.year;
  }
}

/**
 * One table written as CSV and JSON a batch of rows at a time. Whatever the batches, the text is that of
 * toCsv(rows, columns) and of JSON.stringify(rows, null, 1) + "\n" for all rows at once.
 */
class TableWriter {
  readonly columns: string[];
  readonly csv: (chunk: string) => void;
  readonly json: (chunk: string) => void;
  readonly parquet: ParquetTable | null;
  count = 0;

  constructor(name: TableName, out: Output) {
    this.columns = columnNames(name);
    this.csv = (chunk) => out.append(`${name}.csv`, chunk);
    this.json = (chunk) => out.append(`${name}.json`, chunk);
    this.parquet = out.bytes && PARQUET_TABLES.includes(name) ? new ParquetTable(name, out as Required<Output>) : null;
    // Papa writes the header line and its newline even for no rows
    this.csv(Papa.unparse({ fields: this.columns, data: [] }, { newline: '\n' }));
  }

  write(rows: readonly object[]): void {
    if (!rows.length) return;
    const picked = rows.map((row) => pick(row, this.columns));
    const csv = Papa.unparse({ fields: this.columns, data: picked.map((row) => csvCells(row, this.columns)) }, { newline: '\n', header: false });
    this.csv(this.count ? `\n${csv}` : csv);
    // each element one level deep: its lines indented by one more space (JSON strings never hold a raw newline)
    const json = picked.map((row) => ` ${JSON.stringify(row, null, 1).replaceAll('\n', '\n ')}`).join(',\n');
    this.json(`${this.count ? ',\n' : '[\n'}${json}`);
    this.parquet?.write(picked);
    this.count += rows.length;
  }

  /** `metadata`: what the Parquet file's footer says of the dataset (version, release date). */
  end(metadata: Record<string, string>): void {
    this.csv('\n');
    this.json(this.count ? '\n]\n' : '[]\n');
    this.parquet?.end(metadata);
  }
}

/**
 * Observations split into one JSON file per key (by-metric/<metric_id>.json, by-region/<region_id>.json): what a
 * page or a reader needs of one metric or one region, without the national table. Each file is a JSON array with
 * one observation per line, in the published order. Rows arrive report by report, so every file grows across the
 * run; they are buffered and appended in batches, which keeps memory bounded and writes few, large chunks.
 */
class ShardWriter {
  static readonly FLUSH_BYTES = 8 * 1024 * 1024;
  readonly folder: string;
  readonly out: Output;
  readonly started = new Set<string>();
  pending = new Map<string, string[]>();
  pendingBytes = 0;

  constructor(folder: string, out: Output) {
    this.folder = folder;
    this.out = out;
  }

  /** `line`: the observation as compact JSON, the same for every split it goes into. */
  write(key: string, line: string): void {
    const list = this.pending.get(key);
    if (list) list.push(line);
    else this.pending.set(key, [line]);
    this.pendingBytes += line.length;
    if (this.pendingBytes > ShardWriter.FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    for (const [key, lines] of this.pending) {
      const first = !this.started.has(key);
      this.started.add(key);
      this.out.append(`${this.folder}/${key}.json`, `${first ? '[\n' : ',\n'}${lines.join(',\n')}`);
    }
    this.pending = new Map();
    this.pendingBytes = 0;
  }

  end(): void {
    this.flush();
    for (const key of [...this.started].sort()) this.out.append(`${this.folder}/${key}.json`, '\n]\n');
  }
}

/** Where published files go, by their path under public/data/: whole, or appended to piece by piece. */
export type Output = {
  file(path: string, content: string): void;
  append(path: string, chunk: string): void;
  /** Binary files (Parquet), appended to chunk by chunk; an Output without it publishes no Parquet. */
  bytes?(path: string, chunk: Uint8Array): void;
};

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
    const metadata = {
      'bureau_atlas.version': release.version,
      ...(release.date ? { 'bureau_atlas.release_date': release.date } : {}),
      'bureau_atlas.license': LICENSE.name,
    };
    this.observations.end(metadata);
    this.byMetric.end();
    this.byRegion.end();
    const table = (name: TableName, rows: readonly object[]) => {
      const writer = new TableWriter(name, this.out);
      writer.write(rows);
      writer.end(metadata);
    };
    table('metrics', metrics);
    table('regions', tables.regions);
    table('reports', this.reportRows);
    table('reference', tables.reference.map(publishedReference));
    if (release.previous || release.entries.length) {
      const lines = changeLines(release.entries, release.version, release.previous);
      this.out.file(
        'changes.csv',
        `${Papa.unparse({ fields: [...CHANGE_COLUMNS], data: lines.map((l) => csvCells(l, [...CHANGE_COLUMNS])) }, { newline: '\n' })}\n`,
      );
    }
    // what the data page shows: the version, its date and notes, and the changelog's entries
    this.out.file('release.json', `${JSON.stringify(release)}\n`);
    this.out.file('datapackage.json', `${JSON.stringify(dataPackage(this.sources, this.years, release), null, 2)}\n`);
  }
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

/** A folder beside outDir that files are written into; commit() swaps it in for outDir, abort() removes it. */
export class StagedOutput implements Output {
  readonly outDir: string;
  readonly staging: string;
  readonly folders = new Set<string>();
  readonly open = new Map<string, number>();

  constructor(outDir: string) {
    this.outDir = outDir;
    this.staging = `${outDir}.staging-${process.pid}`;
    // a run killed half-way leaves its folder beside the output (in public/): never published, removed here
    removeStaleStaging(dirname(outDir), basename(outDir));
    rmSync(this.staging, { recursive: true, force: true });
    mkdirSync(this.staging, { recursive: true });
  }

  private target(path: string): string {
    const target = join(this.staging, path);
    const folder = dirname(target);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    return target;
  }

  readonly file = (path: string, content: string): void => {
    writeFileSync(this.target(path), content);
  };

  /**
   * Files being appended to stay open between chunks, up to MAX_OPEN at once (the oldest is closed first): the
   * tables stay open throughout, and thousands of per-region files never exhaust file descriptors.
   */
  static readonly MAX_OPEN = 64;
  readonly created = new Set<string>();
  readonly bytes = (path: string, chunk: Uint8Array): void => this.append(path, chunk);
  readonly append = (path: string, chunk: string | Uint8Array): void => {
    let fd = this.open.get(path);
    if (fd === undefined) {
      if (this.open.size >= StagedOutput.MAX_OPEN) {
        const [oldest, oldestFd] = this.open.entries().next().value!;
        closeSync(oldestFd);
        this.open.delete(oldest);
      }
      fd = openSync(this.target(path), this.created.has(path) ? 'a' : 'w');
      this.created.add(path);
    } else this.open.delete(path);
    this.open.set(path, fd);
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
  };

  private closeAll(): void {
    for (const fd of this.open.values()) closeSync(fd);
    this.open.clear();
  }

  abort(): void {
    this.closeAll();
    rmSync(this.staging, { recursive: true, force: true });
  }

  commit(): void {
    this.closeAll();
    const previous = `${this.outDir}.previous-${process.pid}`;
    mkdirSync(dirname(this.outDir), { recursive: true });
    if (existsSync(this.outDir)) renameSync(this.outDir, previous);
    renameSync(this.staging, this.outDir);
    rmSync(previous, { recursive: true, force: true });
  }
}
