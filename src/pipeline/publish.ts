// Serialises the compiled dataset to public/data/ and writes it all or nothing.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { toCsv } from './csv.ts';
import type { Compiled } from './compile.ts';
import { TABLES, columnNames, type TableName } from '../model/columns.ts';

export const DATASET_NAME = 'bureau-atlas';
export const LICENSE = { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' };

function tableRows(compiled: Compiled): Record<TableName, Record<string, unknown>[]> {
  return {
    observations: compiled.observations,
    metrics: compiled.metrics.map((m) => ({ ...m, derived_from: m.derived_from ?? '' })),
    regions: compiled.regions,
    reports: compiled.reports.map((r) => ({ ...r, period: r.period_resolved })),
    reference: compiled.reference.map((r) => ({ ...r, value: Number(r.value) })),
  };
}

/** Keeps only the published columns, in their published order, so JSON and CSV carry exactly the same fields. */
function pick(row: Record<string, unknown>, columns: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of columns) out[column] = row[column] ?? null;
  return out;
}

function dataPackage(compiled: Compiled): object {
  const years = compiled.observations.map((o) => o.year).filter((y): y is number => y !== null);
  return {
    profile: 'tabular-data-package',
    name: DATASET_NAME,
    title: 'bureau-atlas: figures from Chinese local education bureaus’ work reports',
    description:
      'Figures published by Chinese local education bureaus in their annual work reports, each tied to the verbatim sentence it came from. These are figures as the bureaus reported them, not official statistics.',
    version: '1.0.0',
    licenses: [LICENSE],
    keywords: ['education', 'China', 'local government', '教育局', '工作总结'],
    temporal: years.length ? { start: String(Math.min(...years)), end: String(Math.max(...years)) } : undefined,
    sources: compiled.reports.map((r) => ({ title: r.title, path: `sources/${r.report_id}.txt` })),
    resources: (Object.keys(TABLES) as TableName[]).map((name) => {
      const table = TABLES[name];
      return {
        name,
        path: `${name}.csv`,
        profile: 'tabular-data-resource',
        title: table.title,
        description: table.description,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: {
          fields: table.columns.map((col) => ({
            name: col.name,
            // arrays are written semicolon-separated in CSV
            type: col.type === 'array' ? 'string' : col.type,
            description: col.type === 'array' ? `${col.en} (semicolon-separated)` : col.en,
          })),
          missingValues: [''],
          primaryKey: table.primaryKey,
          foreignKeys: table.foreignKeys,
        },
      };
    }),
  };
}

/** Every published file by its path under public/data/; deterministic for a given input. */
export function outputFiles(compiled: Compiled): Map<string, string> {
  const files = new Map<string, string>();
  const rows = tableRows(compiled);
  for (const name of Object.keys(TABLES) as TableName[]) {
    const columns = columnNames(name);
    const picked = rows[name].map((row) => pick(row, columns));
    files.set(`${name}.csv`, toCsv(picked, columns));
    files.set(`${name}.json`, `${JSON.stringify(picked, null, 1)}\n`);
  }
  for (const report of compiled.reports) files.set(`sources/${report.report_id}.txt`, report.source);
  files.set('datapackage.json', `${JSON.stringify(dataPackage(compiled), null, 2)}\n`);
  return files;
}

/**
 * Writes into a fresh folder beside the target and swaps it in only once everything is written, so a failed or
 * interrupted run leaves the previous output as it was.
 */
export function writeAtomically(outDir: string, files: Map<string, string>): void {
  const staging = `${outDir}.staging-${process.pid}`;
  const previous = `${outDir}.previous-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [path, content] of files) {
      const target = join(staging, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  mkdirSync(dirname(outDir), { recursive: true });
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
}
