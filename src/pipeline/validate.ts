// Parse and validate every source file against the schemas of src/model, and check that ids refer to things
// that exist. Every problem is collected; nothing is thrown.
import { readCsvRecords, shortened, validateRecords, zodProblems, type Located } from './csv.ts';
import { missingLanguageProblems, textProblem } from '../model/text-rules.ts';
import { jsonKeyLine, jsonShapeProblems } from '../lib/json-lines.ts';
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

/** `ids`: collects the ids of every row, valid or not, so that one bad row does not make each reference to it an error too. */
function csvTable<S extends z.ZodObject>(file: SourceFile, schema: S, problems: Problem[], ids?: { column: string; seen: Set<string> }) {
  if (file.problem) {
    problems.push({ path: file.path, line: 1, field: '(file)', message: file.problem });
    return [];
  }
  const parsed = readCsvRecords(file.text, file.path, Object.keys(schema.shape));
  problems.push(...parsed.problems);
  if (ids) for (const record of parsed.records) ids.seen.add(record.data[ids.column] ?? '');
  const valid = validateRecords(parsed.records, schema, file.path);
  problems.push(...valid.problems);
  return valid.rows;
}

function missing(path: string, problems: Problem[]): void {
  problems.push({ path, line: 1, field: '(file)', message: 'file is missing' });
}

/** The line of a JSON syntax error: V8 names it in its message, as a line or as a position. */
export function jsonErrorLine(text: string, message: string): number {
  const line = /\(line (\d+) column \d+\)/.exec(message);
  if (line) return Number(line[1]);
  const position = /at position (\d+)/.exec(message);
  return position ? text.slice(0, Number(position[1])).split('\n').length : 1;
}

/** Every string of report.json held to the text rules (length, control characters), at the line of its key. */
function jsonTextProblems(json: unknown, text: string, path: string): Problem[] {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return [];
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(json)) {
    const values = Array.isArray(value) ? value.map((v, i) => [`${key}.${i}`, v] as const) : [[key, value] as const];
    for (const [field, v] of values) {
      const message = typeof v === 'string' ? textProblem(key, v) : null;
      if (message) problems.push({ path, line: jsonKeyLine(text, key), field, message, got: shortened(v as string) });
    }
  }
  return problems;
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
  /** False when the file itself could not be read: references to it are then not checked (each would be an error). */
  metricsRead?: boolean;
  regionsRead?: boolean;
};

/** Validates metrics.csv, regions.csv and the national reference values (against their snapshot as received). */
export function validateTables(
  raw: Pick<RawDataset, 'metrics' | 'regions' | 'reference'>,
  snapshot: (name: string) => string | undefined,
): { tables: ValidTables; problems: Problem[] } {
  const problems: Problem[] = [];
  const metricIds = new Set<string>();
  const regionIds = new Set<string>();
  const metricRows = raw.metrics
    ? csvTable(raw.metrics, metricSchema, problems, { column: 'metric_id', seen: metricIds })
    : (missing('data/metrics.csv', problems), []);
  const regionRows = raw.regions
    ? csvTable(raw.regions, regionSchema, problems, { column: 'region_id', seen: regionIds })
    : (missing('data/regions.csv', problems), []);
  if (raw.metrics) uniqueIds(metricRows, (m) => m.metric_id, raw.metrics.path, 'metric_id', problems);
  if (raw.regions) uniqueIds(regionRows, (r) => r.region_id, raw.regions.path, 'region_id', problems);

  const reference = raw.reference ? csvTable(raw.reference, referenceRowSchema, problems) : [];
  if (raw.reference) uniqueIds(reference, (r) => `${r.measure} ${r.year}`, raw.reference.path, 'measure', problems);
  // Provenance of the national values: each row must repeat a row of the file as it was received.
  const received = snapshot('reference_national.csv');
  const receivedRows = received ? readCsvRecords(received, 'data/snapshots/reference_national.csv', []).records.map((r) => r.data) : [];
  for (const row of reference) {
    const { measure, year, value, unit } = row.data;
    if (received && !receivedRows.some((r) => r.metric === measure && Number(r.year) === year && r.value === value && r.unit === unit)) {
      problems.push({
        path: raw.reference!.path,
        line: row.line,
        field: 'value',
        message: 'does not match data/snapshots/reference_national.csv',
        got: `${measure} ${year} ${value}${unit}`,
      });
    }
    if (metricIds.size && !metricIds.has(row.data.metric_id)) {
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
      metricsRead: !!raw.metrics && !raw.metrics.problem,
      regionsRead: !!raw.regions && !raw.regions.problem,
    },
    problems,
  };
}

/**
 * Validates one report folder against the tables; its problems are added to `problems`. Returns null when the
 * folder cannot be read as a report at all. `reportIds` collects the ids seen so far, to catch duplicates.
 */
export function validateReport(folder: RawReport, tables: ValidTables, reportIds: Set<string>, problems: Problem[]): ValidReport | null {
  const { regionIds } = tables;
  const base = `data/reports/${folder.folder}`;
  if (!folder.reportJson) {
    missing(`${base}/report.json`, problems);
    return null;
  }
  if (!folder.source) {
    missing(`${base}/source.txt`, problems);
    return null;
  }
  if (!folder.figures) {
    missing(`${base}/figures.csv`, problems);
    return null;
  }
  const jsonPath = folder.reportJson.path;
  for (const file of [folder.reportJson, folder.source]) {
    if (file.problem) problems.push({ path: file.path, line: 1, field: '(file)', message: file.problem });
  }
  // figures.csv is checked even when report.json is not valid, so one run lists the problems of both
  const figureRows = () => validateFigures(folder.figures!, tables, problems);
  if (folder.reportJson.problem || folder.source.problem) {
    figureRows();
    return null;
  }
  // the report's text is published as it is: tabs and line ends are text, other control characters are not
  folder.source.text.split('\n').forEach((text, i) => {
    const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
    if (control)
      problems.push({
        path: folder.source!.path,
        line: i + 1,
        field: '(text)',
        message: `contains the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
        got: shortened(text),
      });
  });
  let json: unknown;
  try {
    json = JSON.parse(folder.reportJson.text);
  } catch (error) {
    const message = (error as Error).message;
    problems.push({ path: jsonPath, line: jsonErrorLine(folder.reportJson.text, message), field: '(file)', message: `not valid JSON: ${message}` });
    figureRows();
    return null;
  }
  const shape = jsonShapeProblems(folder.reportJson.text).map((p) => ({ path: jsonPath, line: p.line, field: p.key ?? '(file)', message: p.message }));
  problems.push(...shape);
  if (shape.some((p) => p.field === '(file)')) {
    figureRows();
    return null;
  }
  const textProblems = jsonTextProblems(json, folder.reportJson.text, jsonPath);
  problems.push(...textProblems);
  // prose in one language only is refused, but the report is still checked, so one run lists all of its problems
  if (json && typeof json === 'object' && !Array.isArray(json))
    for (const p of missingLanguageProblems(json as Record<string, unknown>))
      problems.push({ path: jsonPath, line: jsonKeyLine(folder.reportJson.text, p.field), ...p });
  const meta = reportSchema.safeParse(json);
  if (!meta.success || textProblems.length || shape.length) {
    if (!meta.success)
      for (const p of zodProblems(meta.error, jsonPath, 1, json)) {
        problems.push({ ...p, line: jsonKeyLine(folder.reportJson.text, p.field.split('.')[0]) });
      }
    figureRows();
    return null;
  }
  const m = meta.data;
  const lineOf = (key: string) => jsonKeyLine(folder.reportJson!.text, key);
  if (m.report_id !== folder.folder) {
    problems.push({
      path: jsonPath,
      line: lineOf('report_id'),
      field: 'report_id',
      message: `must equal its folder name "${folder.folder}"`,
      got: m.report_id,
    });
  }
  if (reportIds.has(m.report_id))
    problems.push({ path: jsonPath, line: lineOf('report_id'), field: 'report_id', message: 'duplicate report id', got: m.report_id });
  reportIds.add(m.report_id);
  if (tables.regionsRead !== false && !regionIds.has(m.region_id)) {
    problems.push({ path: jsonPath, line: lineOf('region_id'), field: 'region_id', message: 'unknown region (not in data/regions.csv)', got: m.region_id });
  }
  const figures = figureRows();
  const figuresPath = folder.figures.path;
  // One English name per part, so the same school or group reads the same on every English page.
  const scopeNames = new Map<string, { en: string; line: number }>();
  for (const f of figures) {
    if (f.data.scope === 'region') continue;
    const seen = scopeNames.get(f.data.scope);
    if (!seen) scopeNames.set(f.data.scope, { en: f.data.scope_en, line: f.line });
    else if (seen.en !== f.data.scope_en) {
      problems.push({
        path: figuresPath,
        line: f.line,
        field: 'scope_en',
        message: `differs from line ${seen.line}, which names ${f.data.scope} "${seen.en}"`,
        got: f.data.scope_en,
      });
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

/** figures.csv of one report: rows valid, ids unique, metrics and check references known. */
function validateFigures(file: SourceFile, tables: ValidTables, problems: Problem[]): Located<FigureRow>[] {
  const { metricIds } = tables;
  const figuresPath = file.path;
  const before = problems.length;
  const ids = { column: 'id', seen: new Set<string>() };
  const figures = csvTable(file, figureRowSchema, problems, ids);
  // a header alone publishes nothing of the report, silently: as much a mistake as an empty file
  if (!file.problem && !figures.length && problems.length === before) {
    problems.push({ path: figuresPath, line: 2, field: '(row)', message: 'has no figure rows: a report folder publishes at least one figure' });
  }
  uniqueIds(figures, (f) => f.id, figuresPath, 'id', problems);
  // every row's id, valid or not: a check naming a row with its own problem is not a second one
  const localIds = ids.seen;
  for (const f of figures) {
    if (tables.metricsRead !== false && !metricIds.has(f.data.metric_id)) {
      problems.push({ path: figuresPath, line: f.line, field: 'metric_id', message: 'unknown metric (not in data/metrics.csv)', got: f.data.metric_id });
    }
    for (const check of f.data.check) {
      for (const ref of check.ids) {
        if (!localIds.has(ref))
          problems.push({ path: figuresPath, line: f.line, field: 'check', message: `refers to ${ref}, which is not an id of this report`, got: check.text });
      }
    }
  }
  return figures;
}
