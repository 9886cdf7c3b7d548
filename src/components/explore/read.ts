// The explorer's reads of the published Parquet files, by HTTP byte range: the footer first, then only the column
// chunks a view needs — the few small filter columns of every row group, the display columns of the row groups that
// hold the rows on screen, the value column only when a reader sorts by value. Loaded on demand by explore.ts.
import { cachedAsyncBuffer, parquetMetadataAsync, parquetRead, parquetReadObjects, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import type { Dictionary, ExploreMetric, ExploreRegion, FilterColumns } from '../../site/explore.ts';

/** Bytes and requests the explorer has asked of the server, to report them on the page and in the benchmark. */
export const traffic = { bytes: 0, requests: 0, fileBytes: 0 };

/** The footer of a Parquet file is its last bytes; one request gets its size, its footer and usually all of it. */
const TAIL = 64 * 1024;

type RangeFile = AsyncBuffer & { url: string };

async function get(url: string, range: string): Promise<Response> {
  const response = await fetch(url, { headers: { Range: range } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  traffic.requests++;
  return response;
}

/**
 * A file read by ranges. Its size comes from the Content-Range of a suffix request, never from HEAD: GitHub Pages
 * may answer HEAD with the length of a gzipped body (github/pages-gem#952). A server that ignores ranges (200)
 * sends the whole file once, which is then read from memory.
 */
export async function rangeFile(url: string): Promise<RangeFile> {
  const first = await get(url, `bytes=-${TAIL}`);
  const body = await first.arrayBuffer();
  traffic.bytes += body.byteLength;
  if (first.status === 200) traffic.fileBytes += body.byteLength;
  if (first.status === 200) return { url, byteLength: body.byteLength, slice: (start, end) => body.slice(start, end) };
  const size = Number(/\/(\d+)$/.exec(first.headers.get('Content-Range') ?? '')?.[1]);
  if (!Number.isFinite(size)) throw new Error(`${url}: no Content-Range in a 206 answer`);
  traffic.fileBytes += size;
  const tailStart = size - body.byteLength;
  return {
    url,
    byteLength: size,
    async slice(start, end = size) {
      if (start >= tailStart) return body.slice(start - tailStart, end - tailStart);
      const part = await (await get(url, `bytes=${start}-${end - 1}`)).arrayBuffer();
      traffic.bytes += part.byteLength;
      return part;
    },
  };
}

export type Table = { file: AsyncBuffer; metadata: FileMetaData; rows: number };

export async function openTable(url: string): Promise<Table> {
  const ranges = await rangeFile(url);
  const metadata = await parquetMetadataAsync(ranges, { initialFetchSize: Math.min(TAIL, ranges.byteLength) });
  // the offset indexes of a column chunk are asked for by every read of its rows: fetched once
  return { file: cachedAsyncBuffer(ranges, { minSize: TAIL }), metadata, rows: Number(metadata.num_rows) };
}

/** Whole columns, one array each, filled chunk by chunk at their row offsets. */
async function readColumns(table: Table, names: readonly string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = Object.fromEntries(names.map((n) => [n, new Array(table.rows)]));
  await parquetRead({
    file: table.file,
    metadata: table.metadata,
    columns: [...names],
    onChunk: ({ columnName, columnData, rowStart }) => {
      const target = out[columnName]!;
      for (let i = 0; i < columnData.length; i++) target[rowStart + i] = columnData[i];
    },
  });
  return out;
}

/** The metric and region dictionaries, only the columns the explorer names and searches by. */
export async function readDictionary(dataUrl: string): Promise<Dictionary> {
  const [metrics, regions] = await Promise.all([
    openTable(`${dataUrl}metrics.parquet`).then((t) =>
      parquetReadObjects({ file: t.file, metadata: t.metadata, columns: ['metric_id', 'topic', 'name_zh', 'name_en', 'unit_base'] }),
    ),
    openTable(`${dataUrl}regions.parquet`).then((t) =>
      parquetReadObjects({ file: t.file, metadata: t.metadata, columns: ['region_id', 'name_zh', 'name_en', 'province_zh', 'province_en', 'gb_code'] }),
    ),
  ]);
  const clean = <T>(row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v ?? ''])) as T;
  return {
    metrics: new Map(metrics.map((m) => [String(m.metric_id), clean<ExploreMetric>(m)])),
    regions: new Map(regions.map((r) => [String(r.region_id), clean<ExploreRegion>(r)])),
  };
}

const FILTER_COLUMNS = ['region_id', 'metric_id', 'year', 'kind', 'flags'] as const;

/** The filter columns of every row: dictionary-encoded, a few kilobytes per row group even at national scale. */
export async function readFilterColumns(table: Table): Promise<FilterColumns> {
  const c = await readColumns(table, FILTER_COLUMNS);
  return c as unknown as FilterColumns;
}

/** value_base of every row, for sorting by value. */
export async function readValues(table: Table): Promise<(number | null)[]> {
  return (await readColumns(table, ['value_base'])).value_base as (number | null)[];
}

export type DisplayRow = {
  observation_id: string;
  report_id: string;
  period: string;
  value_base: number | null;
  unit_base: string;
  qualifier: string | null;
  scope: string;
  scope_en: string | null;
};
const DISPLAY_COLUMNS = ['observation_id', 'report_id', 'period', 'value_base', 'unit_base', 'qualifier', 'scope', 'scope_en'];

const shown = new Map<number, DisplayRow>();

/** Rows closer than this are read in one span: one page of a display column holds about this many. */
const NEAR = 400;

/**
 * The display columns of the given rows, kept once read. Rows are read in spans of near neighbours within a row
 * group, and with the offset index only the pages of each span: a page of results scattered over the file reads a
 * few pages per column, not the row groups whole.
 */
export async function readDisplayRows(table: Table, rows: readonly number[]): Promise<Map<number, DisplayRow>> {
  const missing = rows.filter((i) => !shown.has(i)).sort((a, b) => a - b);
  const groupEnds: number[] = [];
  let end = 0;
  for (const group of table.metadata.row_groups) groupEnds.push((end += Number(group.num_rows)));
  const groupOf = (i: number) => groupEnds.findIndex((e) => i < e);
  const spans: [number, number][] = [];
  for (const i of missing) {
    const last = spans.at(-1);
    if (last && i - last[1] < NEAR && groupOf(i) === groupOf(last[0])) last[1] = i + 1;
    else spans.push([i, i + 1]);
  }
  await Promise.all(
    spans.map(async ([rowStart, rowEnd]) => {
      const objects = await parquetReadObjects({
        file: table.file,
        metadata: table.metadata,
        columns: DISPLAY_COLUMNS,
        rowStart,
        rowEnd,
        useOffsetIndex: true,
      });
      objects.forEach((o, k) => shown.set(rowStart + k, o as DisplayRow));
    }),
  );
  return new Map(rows.map((i) => [i, shown.get(i)!]));
}
