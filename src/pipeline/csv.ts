import Papa from 'papaparse';
import type { z } from 'astro/zod';
import type { Problem } from './problems.ts';
import { missingLanguageProblems, textProblem } from '../model/text-rules.ts';

export type Located<T> = { line: number; data: T };

/**
 * Splits CSV text into records keyed by the header, each with the line it starts on. Accepts UTF-8 with or
 * without a BOM and LF or CRLF endings, as spreadsheet programs write both.
 */
export function readCsvRecords(
  text: string,
  path: string,
  requiredColumns: readonly string[],
): { records: Located<Record<string, string>>[]; problems: Problem[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const problems: Problem[] = [];
  const rows: Located<string[]>[] = [];
  let cursor = 0;
  let line = 1;
  Papa.parse<string[]>(body, {
    step(result) {
      const start = cursor;
      cursor = result.meta.cursor;
      const rowLine = line;
      line += countNewlines(body, start, cursor);
      if (result.data.length === 1 && result.data[0] === '') return;
      rows.push({ line: rowLine, data: result.data });
      for (const error of result.errors) {
        problems.push({ path, line: rowLine, field: '(row)', message: `malformed CSV: ${error.message}` });
      }
    },
  });
  const header = rows.shift();
  if (!header) {
    problems.push({ path, line: 1, field: '(header)', message: 'file is empty' });
    return { records: [], problems };
  }
  const columns = header.data.map((c) => c.trim());
  for (const column of requiredColumns) {
    if (!columns.includes(column)) {
      problems.push({ path, line: 1, field: column, message: 'missing column', got: columns.join(',') });
    }
  }
  const records: Located<Record<string, string>>[] = [];
  for (const { line: rowLine, data } of rows) {
    // One mistake, one error: a line of spaces or a row of the wrong width is not read field by field as well.
    if (data.every((cell) => cell.trim() === '')) {
      problems.push({ path, line: rowLine, field: '(row)', message: 'is blank but for white space; delete the line' });
      continue;
    }
    if (data.length !== columns.length) {
      problems.push({
        path,
        line: rowLine,
        field: '(row)',
        message: `has ${data.length} fields, the header has ${columns.length}`,
      });
      continue;
    }
    const record: Record<string, string> = {};
    columns.forEach((column, i) => (record[column] = data[i] ?? ''));
    records.push({ line: rowLine, data: record });
  }
  return { records, problems };
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Validates located records with a zod schema; every issue becomes a problem naming the line and field. */
export function validateRecords<S extends z.ZodType>(
  records: Located<Record<string, string>>[],
  schema: S,
  path: string,
): { rows: Located<z.output<S>>[]; problems: Problem[] } {
  const rows: Located<z.output<S>>[] = [];
  const problems: Problem[] = [];
  for (const record of records) {
    const text = recordTextProblems(record.data, path, record.line);
    if (text.length) {
      problems.push(...text);
      continue;
    }
    // a row in one language is refused but still read, so that its other problems are listed in the same run
    for (const p of missingLanguageProblems(record.data)) problems.push({ path, line: record.line, ...p });
    const result = schema.safeParse(record.data);
    if (result.success) rows.push({ line: record.line, data: result.data });
    else problems.push(...zodProblems(result.error, path, record.line, record.data));
  }
  return { rows, problems };
}

/** Every field's length and control characters (src/model/text-rules.ts), before any schema reads it. */
function recordTextProblems(record: Record<string, string>, path: string, line: number): Problem[] {
  const problems: Problem[] = [];
  for (const [field, value] of Object.entries(record)) {
    const message = textProblem(field, value);
    if (message) problems.push({ path, line, field, message, got: shortened(value) });
  }
  return problems;
}

/** A value as an error message shows it: a 100 KB name is not printed whole. */
export function shortened(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

/** Rewrites zod issues as problems that name the field and show the value that was given. */
export function zodProblems(error: z.ZodError, path: string, line: number, input: unknown): Problem[] {
  return error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : '(row)';
    const got = issue.path.reduce<unknown>(
      (value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
      input,
    );
    return { path, line, field, message: issue.message, got };
  });
}
