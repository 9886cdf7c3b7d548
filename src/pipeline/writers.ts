// The published files' writers: a table as CSV, JSON and Parquet, and observations split by metric and by region.
// Rows arrive a batch at a time, so the national dataset never has to exist as one string.
import { csvCells, csvHeader, csvRows } from '../lib/csv.ts';
import { columnNames, type TableName } from '../model/columns.ts';
import { PARQUET_TABLES, ParquetTable } from './parquet.ts';

/** Where published files go, by their path under public/data/: whole, or appended to piece by piece. */
export type Output = {
  file(path: string, content: string): void;
  append(path: string, chunk: string): void;
  /** Binary files (Parquet), appended to chunk by chunk; an Output without it publishes no Parquet. */
  bytes?(path: string, chunk: Uint8Array): void;
};

/** Keeps only the published columns, in their published order, so JSON and CSV carry exactly the same fields. */
export function pick(row: object, columns: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of columns) out[column] = (row as Record<string, unknown>)[column] ?? null;
  return out;
}

/**
 * One table written as CSV and JSON a batch of rows at a time. Whatever the batches, the text is that of
 * toCsv(rows, columns) and of JSON.stringify(rows, null, 1) + "\n" for all rows at once.
 */
export class TableWriter {
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
    this.csv(csvHeader(this.columns));
  }

  write(rows: readonly object[]): void {
    if (!rows.length) return;
    const picked = rows.map((row) => pick(row, this.columns));
    const csv = csvRows(
      this.columns,
      picked.map((row) => csvCells(row, this.columns)),
    );
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
export class ShardWriter {
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
