// A published table as Apache Parquet (hyparquet-writer), with the column types and descriptions of columns.ts.
// Rows are buffered and written a row group at a time, so the national observations table is never in memory
// whole; the bytes go to the same Output as the CSV and JSON, in chunks. Arrays are written semicolon-separated,
// as in the CSV and as datapackage.json declares them; text is written as in the JSON (no spreadsheet apostrophe).
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { TABLES, type TableName } from '../model/columns.ts';

/** Tables also published as Parquet. */
export const PARQUET_TABLES: readonly TableName[] = Object.keys(TABLES) as TableName[];

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];
type BinaryOutput = { bytes(path: string, chunk: Uint8Array): void };

/** Rows per row group: large enough to compress well, small enough to bound memory at national scale. */
const ROW_GROUP = 100_000;
const FLUSH_BYTES = 1_000_000;
/**
 * Uncompressed bytes per data page. The offset index lists every page, so a reader that wants a few rows (the data
 * explorer's page of 50) fetches and decodes the pages that hold them, not a whole column chunk of 100,000 rows.
 */
const PAGE_BYTES = 32 * 1024;

const PHYSICAL = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  array: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  integer: { type: 'INT32' },
  number: { type: 'DOUBLE' },
  boolean: { type: 'BOOLEAN' },
} as const;

function parquetSchema(name: TableName): SchemaElement[] {
  const columns = TABLES[name].columns;
  return [
    { name: 'root', num_children: columns.length },
    ...columns.map((col) => ({ name: col.name, ...PHYSICAL[col.type], repetition_type: 'OPTIONAL' }) as SchemaElement),
  ];
}

/** A writer in the shape hyparquet-writer expects that hands its bytes to `out` in chunks of about 1 MB. */
function chunkedWriter(path: string, out: BinaryOutput): ByteWriter {
  const writer = new ByteWriter();
  const flush = () => {
    if (writer.index) out.bytes(path, new Uint8Array(writer.buffer.slice(0, writer.index)));
    writer.index = 0;
  };
  const grow = writer.ensure.bind(writer);
  writer.ensure = (size: number) => {
    if (writer.index > FLUSH_BYTES) flush();
    grow(size);
  };
  writer.finish = flush;
  return writer;
}

export class ParquetTable {
  readonly columns: (typeof TABLES)[TableName]['columns'][number][];
  readonly writer: ParquetWriter;
  rows: Record<string, unknown>[] = [];

  constructor(name: TableName, out: BinaryOutput) {
    this.columns = [...TABLES[name].columns];
    this.writer = new ParquetWriter({
      writer: chunkedWriter(`${name}.parquet`, out),
      schema: parquetSchema(name),
      createdBy: 'bureau-atlas (hyparquet-writer)',
    });
  }

  write(rows: readonly Record<string, unknown>[]): void {
    for (const row of rows) this.rows.push(row);
    if (this.rows.length >= ROW_GROUP) this.flush();
  }

  private flush(): void {
    if (!this.rows.length) return;
    const columnData = this.columns.map((col) => ({
      name: col.name,
      // min/max of numbers let readers skip row groups; of long text they cost time (national scale) and help no one
      statistics: col.type === 'integer' || col.type === 'number',
      data: this.rows.map((row) => {
        const v = row[col.name];
        if (v === null || v === undefined) return null;
        if (col.type === 'array') return (v as string[]).join(';');
        return v;
      }),
    }));
    void this.writer.write({ columnData, rowGroupSize: ROW_GROUP, pageSize: PAGE_BYTES });
    this.rows = [];
  }

  /** `metadata`: key-value pairs of the file footer (dataset version, release date, column descriptions). */
  end(metadata: Record<string, string>): void {
    this.flush();
    const descriptions = Object.fromEntries(this.columns.map((col) => [col.name, col.type === 'array' ? `${col.en} (semicolon-separated)` : col.en]));
    this.writer.kvMetadata = [...Object.entries(metadata), ['bureau_atlas.column_descriptions', JSON.stringify(descriptions)]].map(([key, value]) => ({
      key,
      value,
    }));
    void this.writer.finish();
  }
}
