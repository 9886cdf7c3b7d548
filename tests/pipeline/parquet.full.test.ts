// The Parquet downloads hold exactly what the CSV downloads hold, row for row, with typed columns, descriptions and
// the dataset's version in their metadata; read back with an independent reader (hyparquet).
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { PARQUET_TABLES } from '../../src/pipeline/parquet.ts';
import { TABLES, typedRecord } from '../../src/model/columns.ts';
import { realOutput } from '../real-dataset.ts';

const { files, binary } = realOutput();
const buffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('Parquet downloads', () => {
  it.each(PARQUET_TABLES)('%s.parquet equals the CSV row for row', async (name) => {
    const file = buffer(binary.get(`${name}.parquet`)!);
    const rows = await parquetReadObjects({ file });
    const csv = Papa.parse<Record<string, string>>(files.get(`${name}.csv`)!, { header: true, skipEmptyLines: true }).data.map((r) => typedRecord(name, r));
    expect(rows.length).toBe(csv.length);
    // arrays are semicolon-separated text in both; a missing text is empty in CSV, null in Parquet as in JSON
    const fromParquet = rows.map((row) =>
      Object.fromEntries(
        TABLES[name].columns.map((c) => {
          const v = row[c.name] ?? null;
          return [c.name, c.type === 'array' ? (v ? String(v).split(';') : []) : c.type === 'string' ? (v ?? '') : v];
        }),
      ),
    );
    expect(fromParquet).toEqual(csv);
  });

  it('types its columns, describes them and names the dataset version', () => {
    const meta = parquetMetadata(buffer(binary.get('observations.parquet')!));
    const types = Object.fromEntries(meta.schema.slice(1).map((s) => [s.name, s.type]));
    expect(types).toMatchObject({ observation_id: 'BYTE_ARRAY', value: 'DOUBLE', year: 'INT32', quote_start: 'INT32' });
    const kv = Object.fromEntries((meta.key_value_metadata ?? []).map((e) => [e.key, e.value]));
    // the dataset's version as release.json gives it: a release's with its date, a draft's without one
    const release = JSON.parse(files.get('release.json')!) as { version: string; date: string };
    expect(kv['bureau_atlas.version']).toBe(release.version);
    expect(kv['bureau_atlas.release_date']).toBe(release.date || undefined);
    expect(JSON.parse(kv['bureau_atlas.column_descriptions']!).value_base).toBe(TABLES.observations.columns.find((c) => c.name === 'value_base')!.en);
    const pkg = JSON.parse(files.get('datapackage.json')!);
    expect(pkg.resources.filter((r: { format: string }) => r.format === 'parquet').map((r: { path: string }) => r.path)).toEqual(
      PARQUET_TABLES.map((t) => `${t}.parquet`),
    );
  });
});
