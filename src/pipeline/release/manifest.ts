// What a release records of the data: one manifest line per observation id (a content hash and the fields a
// changelog names, data/releases/<version>.csv), a hash of each curated metric's definition, and the published
// columns. Two such states compared give the changelog.
import { createHash } from 'node:crypto';
import { csvText } from '../../lib/csv.ts';
import { TABLES, columnNames, type TableName } from '../../model/columns.ts';
import type { ReleaseRecord } from '../../model/release.ts';
import { readCsvRecords } from '../csv.ts';
import type { Problem } from '../problems.ts';
import type { SourceFile } from '../read.ts';

/** Fields a manifest keeps as values, so the changelog can say old → new. */
export const TRACKED = ['metric_id', 'period', 'kind', 'value', 'unit', 'qualifier', 'scope', 'scope_en', 'flags'] as const;
/** The other published fields, hashed in groups, so the changelog can say which group changed. */
const HASHED = {
  quote: ['quote', 'figure_text', 'quote_start', 'quote_end', 'figure_start', 'figure_end'],
  note: ['note_en', 'checks_en', 'inputs'],
  value_base: ['value_base', 'unit_base'],
  place: ['report_id', 'region_id', 'year'],
} as const;
/**
 * The Chinese of a group's prose, hashed after its English when there is some: a corrected translation is a change
 * of the row, and a row without prose keeps the hash it had before the prose was published in two languages (2.0.0's
 * note, checks).
 */
const CHINESE: Partial<Record<keyof typeof HASHED, string[]>> = { note: ['note_zh', 'checks_zh'] };
const MANIFEST_COLUMNS = ['observation_id', 'hash', ...TRACKED] as const;
/** The hash groups in the order their 8 hex digits follow each other in a manifest's hash. */
export const HASH_GROUPS = Object.keys(HASHED) as (keyof typeof HASHED)[];
const HEX = /^[0-9a-f]{32}$/;

export type ManifestRow = Record<(typeof MANIFEST_COLUMNS)[number], string>;

/** What a release or the current data holds, as the changelog compares them. */
export type State = {
  manifest: ReadonlyMap<string, ManifestRow>;
  metrics: Record<string, string>;
  columns: Record<string, string[]>;
  splits?: ReleaseRecord['splits'];
};

const short = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);
/** A published value as one string: arrays semicolon-joined, null empty, numbers as JavaScript writes them. */
export const canonical = (v: unknown): string => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(';') : String(v));

/** The manifest line of one published observation (typed as in observations.json). */
export function manifestRow(o: Record<string, unknown>): ManifestRow {
  const hash = HASH_GROUPS.map((g) => {
    const chinese = (CHINESE[g] ?? []).map((f) => canonical(o[f]));
    return short([...HASHED[g].map((f) => canonical(o[f])), ...(chinese.some(Boolean) ? chinese : [])].join('\u0001'));
  }).join('');
  const row = { observation_id: canonical(o.observation_id), hash } as ManifestRow;
  for (const f of TRACKED) row[f] = canonical(o[f]);
  return row;
}

/** Hash of a metric's definition, and of how it compares when the dictionary has those columns. */
function metricHash(m: Record<string, unknown>): string {
  const definition = short([m.unit_base, m.definition_zh, m.definition_en].map(canonical).join('\u0001'));
  const comparison = m.measure === undefined ? '' : short([m.measure, m.compare, m.period_basis, m.stage].map(canonical).join('\u0001'));
  return `${definition}:${comparison}`;
}

/** What a release of the data records: each row's manifest line, each curated metric's definition hash, the columns. */
export function releaseState(manifest: Map<string, ManifestRow>, metrics: readonly Record<string, unknown>[], columns?: Record<string, string[]>): State {
  return {
    manifest,
    // metrics the site derives (growth) follow from their source metric; only curated ones are recorded
    metrics: Object.fromEntries(metrics.filter((m) => !m.derived_from).map((m) => [String(m.metric_id), metricHash(m)])),
    columns: columns ?? Object.fromEntries((Object.keys(TABLES) as TableName[]).map((name) => [name, columnNames(name)])),
  };
}

export const manifestCsv = (rows: Iterable<ManifestRow>) =>
  csvText(
    MANIFEST_COLUMNS,
    [...rows].map((r) => MANIFEST_COLUMNS.map((c) => r[c])),
  );

/** A manifest read back, or null when any line is wrong (each named by file, line and field). */
export function readManifest(file: SourceFile, problems: Problem[]): Map<string, ManifestRow> | null {
  if (file.problem) {
    problems.push({ path: file.path, line: 1, field: '(file)', message: file.problem });
    return null;
  }
  const { records, problems: csvProblems } = readCsvRecords(file.text, file.path, MANIFEST_COLUMNS);
  problems.push(...csvProblems);
  const manifest = new Map<string, ManifestRow>();
  let ok = !csvProblems.length;
  for (const { line, data } of records) {
    if (!data.observation_id) (problems.push({ path: file.path, line, field: 'observation_id', message: 'is empty' }), (ok = false));
    else if (manifest.has(data.observation_id))
      (problems.push({ path: file.path, line, field: 'observation_id', message: 'duplicate id', got: data.observation_id }), (ok = false));
    if (!HEX.test(data.hash ?? ''))
      (problems.push({ path: file.path, line, field: 'hash', message: 'must be 32 lower-case hex digits', got: data.hash }), (ok = false));
    manifest.set(data.observation_id!, data as ManifestRow);
  }
  return ok ? manifest : null;
}
