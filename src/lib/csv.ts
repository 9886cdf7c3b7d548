// Writing CSV, the one place that does: the site's downloads, the pipeline's published tables and changelog, the
// release manifests, the extractor's drafts and the synthetic datasets. "\n" line ends, quoting by papaparse.
import Papa from 'papaparse';
import { safeCell } from './csv-safe.ts';

type Cells = readonly unknown[];

/** The header line, its rows and a final newline; cells as given (a data file keeps its text as written). */
export const csvText = (fields: readonly string[], rows: readonly Cells[]): string =>
  `${Papa.unparse({ fields: [...fields], data: rows as unknown[][] }, { newline: '\n' })}\n`;

/** The header line with its newline: the start of a file whose rows are appended as they come. */
export const csvHeader = (fields: readonly string[]): string => Papa.unparse({ fields: [...fields], data: [] }, { newline: '\n' });

/** Rows without a header or a final newline, to append to a file begun by csvHeader. */
export const csvRows = (fields: readonly string[], rows: readonly Cells[]): string =>
  Papa.unparse({ fields: [...fields], data: rows as unknown[][] }, { newline: '\n', header: false });

/** Records as CSV, their columns in the first record's order. */
export const csvOfRecords = (records: readonly Record<string, unknown>[]): string => {
  const fields = Object.keys(records[0] ?? {});
  return csvText(
    fields,
    records.map((r) => fields.map((f) => r[f])),
  );
};

/** Serialises rows to CSV in the given column order, formula-safe (csvCells): what the site publishes. */
export function toCsv<T extends Record<string, unknown>>(rows: T[], columns: readonly (keyof T & string)[]): string {
  return csvText(
    columns,
    rows.map((row) => csvCells(row, columns)),
  );
}

/** One row's cells as toCsv writes them: text that a spreadsheet would run as a formula is made inert (csv-safe.ts). */
export function csvCells<T extends Record<string, unknown>>(row: T, columns: readonly (keyof T & string)[]): string[] {
  return columns.map((column) => {
    const value = row[column];
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) return safeCell(value.join(';'));
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return safeCell(String(value));
  });
}
