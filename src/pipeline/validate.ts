// Parse and validate every source file against the schemas of src/model, and check that ids refer to things
// that exist. Every problem is collected; nothing is thrown.
import { readCsvRecords, validateRecords, zodProblems, type Located } from './csv.ts';
import type { Problem } from './problems.ts';
import type { RawDataset, RawReport, SourceFile } from './read.ts';
import { metricSchema, type Metric } from '../model/metric.ts';
import { regionSchema, type Region } from '../model/region.ts';
import { reportSchema, type ReportMeta } from '../model/report.ts';
import { figureRowSchema, skippedRowSchema, type FigureRow } from '../model/figure.ts';
import { referenceRowSchema, type ReferenceRow } from '../model/reference.ts';
import type { z } from 'astro/zod';

export type ValidReport = {
  meta: ReportMeta;
  folder: string;
  jsonPath: string;
  /** Kept for line numbers of later problems. */
  jsonText: string;
  figuresPath: string;
  sourcePath: string;
  source: string;
  figures: Located<FigureRow>[];
  skipped: Located<z.output<typeof skippedRowSchema>>[];
};

function csvTable<S extends z.ZodObject>(file: SourceFile, schema: S, problems: Problem[]) {
  const parsed = readCsvRecords(file.text, file.path, Object.keys(schema.shape));
  problems.push(...parsed.problems);
  const valid = validateRecords(parsed.records, schema, file.path);
  problems.push(...valid.problems);
  return valid.rows;
}

function missing(path: string, problems: Problem[]): void {
  problems.push({ path, line: 1, field: '(file)', message: 'file is missing' });
}

/** The line of a JSON file where a key is written, so a problem in report.json points at it. */
export function jsonKeyLine(text: string, key: string | number | undefined): number {
  if (key === undefined) return 1;
  const index = text.indexOf(`"${String(key)}"`);
  return index < 0 ? 1 : text.slice(0, index).split('\n').length;
}

function uniqueIds<T>(rows: Located<T>[], id: (row: T) => string, path: string, field: string, problems: Problem[]) {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = id(row.data);
    const first = seen.get(key);
    if (first !== undefined) problems.push({ path, line: row.line, field, message: `duplicate id, first on line ${first}`, got: key });
    else seen.set(key, row.line);
  }
}

/** The dictionary tables, valid, with the ids reports may refer to. */
export type ValidTables = {
  metrics: Metric[];
  regions: Region[];
  reference: Located<ReferenceRow>[];
  referencePath: string | null;
  metricIds: Set<string>;
  regionIds: Set<string>;
};

/** Validates metrics.csv, regions.csv and the national reference values (against their snapshot as received). */
export function validateTables(
  raw: Pick<RawDataset, 'metrics' | 'regions' | 'reference'>,
  snapshot: (name: string) => string | undefined,
): { tables: ValidTables; problems: Problem[] } {
  const problems: Problem[] = [];
  const metricRows = raw.metrics ? csvTable(raw.metrics, metricSchema, problems) : (missing('data/metrics.csv', problems), []);
  const regionRows = raw.regions ? csvTable(raw.regions, regionSchema, problems) : (missing('data/regions.csv', problems), []);
  if (raw.metrics) uniqueIds(metricRows, (m) => m.metric_id, raw.metrics.path, 'metric_id', problems);
  if (raw.regions) uniqueIds(regionRows, (r) => r.region_id, raw.regions.path, 'region_id', problems);
  const metricIds = new Set(metricRows.map((m) => m.data.metric_id));
  const regionIds = new Set(regionRows.map((r) => r.data.region_id));

  const reference = raw.reference ? csvTable(raw.reference, referenceRowSchema, problems) : [];
  if (raw.reference) uniqueIds(reference, (r) => `${r.measure} ${r.year}`, raw.reference.path, 'measure', problems);
  // Provenance of the national values: each row must repeat a row of the file as it was received.
  const received = snapshot('reference_national.csv');
  const receivedRows = received ? readCsvRecords(received, 'data/snapshots/reference_national.csv', []).records.map((r) => r.data) : [];
  for (const row of reference) {
    const { measure, year, value, unit } = row.data;
    if (received && !receivedRows.some((r) => r.metric === measure && Number(r.year) === year && r.value === value && r.unit === unit)) {
      problems.push({ path: raw.reference!.path, line: row.line, field: 'value', message: 'does not match data/snapshots/reference_national.csv', got: `${measure} ${year} ${value}${unit}` });
    }
    if (!metricIds.has(row.data.metric_id)) {
      problems.push({ path: raw.reference!.path, line: row.line, field: 'metric_id', message: 'unknown metric', got: row.data.metric_id });
    }
  }

  return {
    tables: {
      metrics: metricRows.map((m) => m.data),
      regions: regionRows.map((r) => r.data),
      reference,
      referencePath: raw.reference?.path ?? null,
      metricIds,
      regionIds,
    },
    problems,
  };
}

/**
 * Validates one report folder against the tables; its problems are added to `problems`. Returns null when the
 * folder cannot be read as a report at all. `reportIds` collects the ids seen so far, to catch duplicates.
 */
export function validateReport(folder: RawReport, tables: ValidTables, reportIds: Set<string>, problems: Problem[]): ValidReport | null {
  const { metricIds, regionIds } = tables;
  const base = `data/reports/${folder.folder}`;
  if (!folder.reportJson) { missing(`${base}/report.json`, problems); return null; }
  if (!folder.source) { missing(`${base}/source.txt`, problems); return null; }
  if (!folder.figures) { missing(`${base}/figures.csv`, problems); return null; }
  const jsonPath = folder.reportJson.path;
  let json: unknown;
  try {
    json = JSON.parse(folder.reportJson.text);
  } catch (error) {
    problems.push({ path: jsonPath, line: 1, field: '(file)', message: `not valid JSON: ${(error as Error).message}` });
    return null;
  }
  const meta = reportSchema.safeParse(json);
  if (!meta.success) {
    for (const p of zodProblems(meta.error, jsonPath, 1, json)) {
      problems.push({ ...p, line: jsonKeyLine(folder.reportJson.text, p.field.split('.')[0]) });
    }
    return null;
  }
  const m = meta.data;
  const lineOf = (key: string) => jsonKeyLine(folder.reportJson!.text, key);
  if (m.report_id !== folder.folder) {
    problems.push({ path: jsonPath, line: lineOf('report_id'), field: 'report_id', message: `must equal its folder name "${folder.folder}"`, got: m.report_id });
  }
  if (reportIds.has(m.report_id)) problems.push({ path: jsonPath, line: lineOf('report_id'), field: 'report_id', message: 'duplicate report id', got: m.report_id });
  reportIds.add(m.report_id);
  if (!regionIds.has(m.region_id)) {
    problems.push({ path: jsonPath, line: lineOf('region_id'), field: 'region_id', message: 'unknown region (not in data/regions.csv)', got: m.region_id });
  }
  const figures = csvTable(folder.figures, figureRowSchema, problems);
  const figuresPath = folder.figures.path;
  uniqueIds(figures, (f) => f.id, figuresPath, 'id', problems);
  const localIds = new Set(figures.map((f) => f.data.id));
  for (const f of figures) {
    if (!metricIds.has(f.data.metric_id)) {
      problems.push({ path: figuresPath, line: f.line, field: 'metric_id', message: 'unknown metric (not in data/metrics.csv)', got: f.data.metric_id });
    }
    for (const check of f.data.check) {
      for (const ref of check.slice(check.indexOf("=") + 1).match(/f\w+/g) ?? []) {
        if (!localIds.has(ref)) problems.push({ path: figuresPath, line: f.line, field: 'check', message: `refers to ${ref}, which is not an id of this report`, got: check });
      }
    }
  }
  // One English name per part, so the same school or group reads the same on every English page.
  const scopeNames = new Map<string, { en: string; line: number }>();
  for (const f of figures) {
    if (f.data.scope === 'region') continue;
    const seen = scopeNames.get(f.data.scope);
    if (!seen) scopeNames.set(f.data.scope, { en: f.data.scope_en, line: f.line });
    else if (seen.en !== f.data.scope_en) {
      problems.push({ path: figuresPath, line: f.line, field: 'scope_en', message: `differs from line ${seen.line}, which names ${f.data.scope} "${seen.en}"`, got: f.data.scope_en });
    }
  }
  const skipped = folder.skipped ? csvTable(folder.skipped, skippedRowSchema, problems) : [];
  return {
    meta: m,
    folder: folder.folder,
    jsonPath,
    jsonText: folder.reportJson.text,
    figuresPath,
    sourcePath: folder.source.path,
    source: folder.source.text,
    figures,
    skipped,
  };
}
