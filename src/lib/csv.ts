// Writing CSV: the site's downloads, the pipeline's published tables and the extractor's drafts.
import Papa from 'papaparse';
import { safeCell } from './csv-safe.ts';

/** Serialises rows to CSV in the given column order; arrays are joined with ";" and null is empty. */
export function toCsv<T extends Record<string, unknown>>(rows: T[], columns: readonly (keyof T & string)[]): string {
  return Papa.unparse({ fields: [...columns], data: rows.map((row) => csvCells(row, columns)) }, { newline: '\n' }) + '\n';
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
