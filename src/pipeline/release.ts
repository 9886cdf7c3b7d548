// Dataset releases: each release is a committed record (data/releases/<version>.json: version, date, notes, the
// published columns and a hash of each metric's definition) and a manifest (data/releases/<version>.csv: one line
// per observation id with a content hash and the fields a reader cites). The compile step compares the data with
// the latest release to give the dataset's version and its changelog: added, removed and changed rows (which
// fields, old → new), metric splits and renames, metrics and columns added, removed or redefined.
// Nothing here reads the clock: a release's date is the one its record states, so builds stay deterministic.
import { createHash } from 'node:crypto';
import { csvText } from '../lib/csv.ts';
import type { Problem } from './problems.ts';
import { readCsvRecords } from './csv.ts';
import { textProblem } from '../model/text-rules.ts';
import type { SourceFile } from './read.ts';
import { TABLES, columnNames, type TableName } from '../model/columns.ts';

/** Fields a manifest keeps as values, so the changelog can say old → new. */
const TRACKED = ['metric_id', 'period', 'kind', 'value', 'unit', 'qualifier', 'scope', 'scope_en', 'flags'] as const;
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
const HASH_GROUPS = Object.keys(HASHED) as (keyof typeof HASHED)[];

export type ManifestRow = Record<(typeof MANIFEST_COLUMNS)[number], string>;
export type ReleaseRecord = {
  version: string;
  date: string;
  notes_zh: string;
  notes_en: string;
  /** Published columns per table. */
  columns: Record<string, string[]>;
  /** Per metric: hash of its definition (unit, definitions) and of how it compares (empty before those columns). */
  metrics: Record<string, string>;
  /** Splits and renames the rows cannot show (e.g. a metric split before any row moved): old id → new ids. */
  splits?: { from: string; to: string[] }[];
};
export type Release = ReleaseRecord & { manifest: Map<string, ManifestRow>; path: string };
export type ReleaseHistory = Release[];

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

export const manifestCsv = (rows: Iterable<ManifestRow>) =>
  csvText(
    MANIFEST_COLUMNS,
    [...rows].map((r) => MANIFEST_COLUMNS.map((c) => r[c])),
  );

// ---------------------------------------------------------------------------------------------------------------
// Semantic versions

// Strict: no leading zeros (02.0.1 is not 2.0.1, and would compare as something else than it reads).
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
export type Bump = 'major' | 'minor' | 'patch' | 'none';
const BUMPS: Bump[] = ['none', 'patch', 'minor', 'major'];
export const parseVersion = (v: string) => SEMVER.exec(v)?.slice(1).map(Number) as [number, number, number] | undefined;
export const compareVersions = (a: string, b: string) => {
  const [x, y] = [parseVersion(a)!, parseVersion(b)!];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};
/** The bump from one version to the next: 1.2.3 → 2.0.0 is major, → 1.3.0 minor, → 1.2.4 patch. */
export function bumpBetween(from: string, to: string): Bump {
  const [a, b] = [parseVersion(from)!, parseVersion(to)!];
  return b[0] > a[0] ? 'major' : b[1] > a[1] ? 'minor' : b[2] > a[2] ? 'patch' : 'none';
}
export function nextVersion(v: string, bump: Bump): string {
  const [major, minor, patch] = parseVersion(v)!;
  return bump === 'major' ? `${major + 1}.0.0` : bump === 'minor' ? `${major}.${minor + 1}.0` : bump === 'patch' ? `${major}.${minor}.${patch + 1}` : v;
}

// ---------------------------------------------------------------------------------------------------------------
// The changelog

export type FieldChange = { field: string; old: string; new: string };
export type Entry =
  | { change: 'added' | 'removed'; id: string; metric_id: string }
  | { change: 'changed'; id: string; metric_id: string; fields: FieldChange[] }
  | { change: 'split' | 'renamed'; metric_id: string; to: string[]; rows: number }
  | { change: 'metric_added' | 'metric_removed'; metric_id: string }
  | { change: 'metric_redefined'; metric_id: string; fields: string[] }
  | { change: 'column_added' | 'column_removed'; table: string; column: string };

/** What a release or the current data holds, as the changelog compares them. */
export type State = {
  manifest: ReadonlyMap<string, ManifestRow>;
  metrics: Record<string, string>;
  columns: Record<string, string[]>;
  splits?: ReleaseRecord['splits'];
};

/** What a release of the data records: each row's manifest line, each curated metric's definition hash, the columns. */
export function releaseState(manifest: Map<string, ManifestRow>, metrics: readonly Record<string, unknown>[], columns?: Record<string, string[]>): State {
  return {
    manifest,
    // metrics the site derives (growth) follow from their source metric; only curated ones are recorded
    metrics: Object.fromEntries(metrics.filter((m) => !m.derived_from).map((m) => [String(m.metric_id), metricHash(m)])),
    columns: columns ?? Object.fromEntries((Object.keys(TABLES) as TableName[]).map((name) => [name, columnNames(name)])),
  };
}

/** Major: a column or metric removed or redefined (splits and renames too); minor: new rows, metrics or columns; patch: corrections. */
export function requiredBump(entries: readonly Entry[]): Bump {
  let bump = 0;
  for (const e of entries) {
    const level = ['column_removed', 'metric_removed', 'metric_redefined', 'split', 'renamed'].includes(e.change)
      ? 3
      : ['added', 'column_added', 'metric_added'].includes(e.change)
        ? 2
        : 1;
    bump = Math.max(bump, level);
  }
  return BUMPS[bump]!;
}

export function changelog(before: State, after: State): Entry[] {
  const entries: Entry[] = [];
  // columns
  for (const table of new Set([...Object.keys(before.columns), ...Object.keys(after.columns)])) {
    const [a, b] = [new Set(before.columns[table] ?? []), new Set(after.columns[table] ?? [])];
    for (const column of b) if (!a.has(column)) entries.push({ change: 'column_added', table, column });
    for (const column of a) if (!b.has(column)) entries.push({ change: 'column_removed', table, column });
  }
  // rows whose id stayed and whose metric changed: a metric that sends rows to a new metric was split or renamed
  const moved = new Map<string, Map<string, number>>();
  for (const [id, row] of after.manifest) {
    const old = before.manifest.get(id);
    if (!old || old.metric_id === row.metric_id) continue;
    const targets = moved.get(old.metric_id) ?? new Map<string, number>();
    targets.set(row.metric_id, (targets.get(row.metric_id) ?? 0) + 1);
    moved.set(old.metric_id, targets);
  }
  const isNew = (id: string) => id in after.metrics && !(id in before.metrics);
  const explained = new Map<string, Set<string>>(); // old metric → metrics its rows may move to without a row entry
  const inSplit = new Set<string>();
  const declared = new Map((after.splits ?? []).map((s) => [s.from, s.to]));
  for (const from of new Set([...moved.keys(), ...declared.keys()])) {
    const targets = moved.get(from) ?? new Map<string, number>();
    const fresh = [...new Set([...(declared.get(from) ?? []), ...[...targets.keys()].filter(isNew)])].filter((id) => id !== from);
    if (!fresh.length) continue;
    const stays = from in after.metrics;
    const to = [...(stays ? [from] : []), ...fresh.sort()];
    const rows = fresh.reduce((n, id) => n + (targets.get(id) ?? 0), 0);
    entries.push({ change: to.length === 1 ? 'renamed' : 'split', metric_id: from, to, rows });
    explained.set(from, new Set(to));
    for (const id of to) inSplit.add(id);
    inSplit.add(from);
  }
  // metrics
  for (const id of Object.keys(after.metrics).sort()) {
    if (!(id in before.metrics)) {
      if (!inSplit.has(id)) entries.push({ change: 'metric_added', metric_id: id });
      continue;
    }
    const [a, b] = [before.metrics[id]!.split(':'), after.metrics[id]!.split(':')];
    const fields = [...(a[0] !== b[0] ? ['definition'] : []), ...(a[1] && b[1] && a[1] !== b[1] ? ['comparison'] : [])];
    if (fields.length) entries.push({ change: 'metric_redefined', metric_id: id, fields });
  }
  for (const id of Object.keys(before.metrics).sort())
    if (!(id in after.metrics) && !inSplit.has(id)) entries.push({ change: 'metric_removed', metric_id: id });
  // rows
  for (const [id, row] of after.manifest) {
    const old = before.manifest.get(id);
    if (!old) {
      entries.push({ change: 'added', id, metric_id: row.metric_id });
      continue;
    }
    if (old.hash === row.hash && TRACKED.every((f) => old[f] === row[f])) continue;
    const fields: FieldChange[] = [];
    for (const f of TRACKED) {
      if (old[f] === row[f]) continue;
      if (f === 'metric_id' && explained.get(old.metric_id)?.has(row.metric_id)) continue;
      fields.push({ field: f, old: old[f], new: row[f] });
    }
    HASH_GROUPS.forEach((g, i) => {
      if (old.hash.slice(i * 8, i * 8 + 8) !== row.hash.slice(i * 8, i * 8 + 8)) fields.push({ field: g, old: '', new: '' });
    });
    if (fields.length) entries.push({ change: 'changed', id, metric_id: row.metric_id, fields });
  }
  for (const [id, old] of before.manifest) if (!after.manifest.has(id)) entries.push({ change: 'removed', id, metric_id: old.metric_id });
  return entries;
}

/** changes.csv: one line per changed field (a row change of two fields is two lines), every other entry one line. */
export const CHANGE_COLUMNS = ['version', 'previous_version', 'change', 'observation_id', 'metric_id', 'table', 'field', 'old', 'new'] as const;
export function changeLines(entries: readonly Entry[], version: string, previous: string): Record<(typeof CHANGE_COLUMNS)[number], string>[] {
  const line = (e: Partial<Record<(typeof CHANGE_COLUMNS)[number], string>>) => ({
    version,
    previous_version: previous,
    change: '',
    observation_id: '',
    metric_id: '',
    table: '',
    field: '',
    old: '',
    new: '',
    ...e,
  });
  return entries.flatMap((e) => {
    switch (e.change) {
      case 'changed':
        return e.fields.map((f) => line({ change: e.change, observation_id: e.id, metric_id: e.metric_id, field: f.field, old: f.old, new: f.new }));
      case 'added':
      case 'removed':
        return [line({ change: e.change, observation_id: e.id, metric_id: e.metric_id })];
      case 'split':
      case 'renamed':
        return [line({ change: e.change, metric_id: e.metric_id, field: 'metric_id', old: e.metric_id, new: e.to.join(';') })];
      case 'metric_redefined':
        return [line({ change: e.change, metric_id: e.metric_id, field: e.fields.join(';') })];
      case 'metric_added':
      case 'metric_removed':
        return [line({ change: e.change, metric_id: e.metric_id })];
      default:
        return [line({ change: e.change, table: e.table, field: e.column })];
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Reading data/releases/

const HEX = /^[0-9a-f]{32}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Line of a JSON file on which `"key"` first appears, so a problem names where to look. */
const lineOf = (text: string, key: string) => {
  const at = text.indexOf(`"${key}"`);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
};

/**
 * Reads the release records and manifests, oldest first. Every problem names its file, line and field; a release
 * whose version is not the bump its changes need (a split under a minor version) is a problem of its record.
 */
export function readReleases(files: { records: SourceFile[]; manifests: SourceFile[] }, problems: Problem[]): ReleaseHistory {
  const manifests = new Map(files.manifests.map((f) => [f.path.replace(/\.csv$/, ''), f]));
  const releases: Release[] = [];
  for (const file of files.records) {
    if (file.problem) {
      problems.push({ path: file.path, line: 1, field: '(file)', message: file.problem });
      continue;
    }
    let record: ReleaseRecord;
    try {
      record = JSON.parse(file.text) as ReleaseRecord;
    } catch (error) {
      problems.push({ path: file.path, line: 1, field: '(file)', message: `is not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const bad = (field: string, message: string, got?: unknown) => problems.push({ path: file.path, line: lineOf(file.text, field), field, message, got });
    const stem = file.path.replace(/\.json$/, '');
    const name = stem.split('/').pop();
    let ok = true;
    if (typeof record.version !== 'string' || !parseVersion(record.version))
      (bad('version', 'must be a semantic version such as 2.0.0', record.version), (ok = false));
    else if (record.version !== name) (bad('version', `must match the file name (${name}.json)`, record.version), (ok = false));
    if (typeof record.date !== 'string' || !DATE.test(record.date) || Number.isNaN(Date.parse(record.date)))
      (bad('date', 'must be a date YYYY-MM-DD', record.date), (ok = false));
    for (const field of ['notes_zh', 'notes_en'] as const) {
      const notes = record[field];
      // the notes are shown on the data page: the text rules of every other published text apply
      const problem = typeof notes !== 'string' ? 'must be text' : textProblem(field, notes);
      if (problem) (bad(field, problem), (ok = false));
    }
    if (!record.columns || typeof record.columns !== 'object') (bad('columns', 'must list the published columns per table'), (ok = false));
    if (!record.metrics || typeof record.metrics !== 'object') (bad('metrics', 'must give each metric’s definition hash'), (ok = false));
    for (const s of record.splits ?? [])
      if (typeof s?.from !== 'string' || !Array.isArray(s.to)) (bad('splits', 'each split is {"from": id, "to": [ids]}', s), (ok = false));
    const manifestFile = manifests.get(stem);
    if (!manifestFile) {
      problems.push({ path: `${stem}.csv`, line: 1, field: '(file)', message: 'missing: every release record has a manifest beside it' });
      continue;
    }
    const manifest = readManifest(manifestFile, problems);
    if (ok && manifest) releases.push({ ...record, splits: record.splits ?? [], manifest, path: file.path });
  }
  for (const stem of manifests.keys())
    if (!files.records.some((f) => f.path === `${stem}.json`))
      problems.push({ path: `${stem}.csv`, line: 1, field: '(file)', message: `a manifest without its record ${stem}.json` });
  releases.sort((a, b) => compareVersions(a.version, b.version));
  for (let i = 1; i < releases.length; i++) {
    const [before, after] = [releases[i - 1]!, releases[i]!];
    if (after.date < before.date)
      problems.push({
        path: after.path,
        line: lineOf(JSON.stringify(after, null, 1), 'date'),
        field: 'date',
        message: `is before the date of ${before.version} (${before.date})`,
        got: after.date,
      });
    const need = requiredBump(changelog(before, after));
    const made = bumpBetween(before.version, after.version);
    if (BUMPS.indexOf(made) < BUMPS.indexOf(need)) {
      problems.push({
        path: after.path,
        line: 1,
        field: 'version',
        message: `its changes since ${before.version} need a ${need} version (${nextVersion(before.version, need)}), not a ${made} one`,
        got: after.version,
      });
    }
  }
  return releases;
}

function readManifest(file: SourceFile, problems: Problem[]): Map<string, ManifestRow> | null {
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

/** The dataset's version and changelog: the latest release when the data are that release, else a draft of the next. */
export type Versioning = {
  version: string;
  date: string;
  /** The release the changelog compares against; empty for the first release. */
  previous: string;
  released: boolean;
  notes_zh: string;
  notes_en: string;
  entries: Entry[];
};

export function versioning(history: ReleaseHistory, current: State): Versioning {
  const latest = history.at(-1);
  if (!latest) {
    return { version: '0.0.0', date: '', previous: '', released: false, notes_zh: '', notes_en: '', entries: [] };
  }
  const sinceLatest = changelog(latest, current);
  if (!sinceLatest.length) {
    const before = history.at(-2);
    const empty: State = { manifest: new Map(), metrics: {}, columns: {} };
    return {
      version: latest.version,
      date: latest.date,
      previous: before?.version ?? '',
      released: true,
      notes_zh: latest.notes_zh,
      notes_en: latest.notes_en,
      entries: changelog(before ?? empty, latest),
    };
  }
  // unreleased changes: a draft of the version they need, with no date (npm run release gives both)
  return {
    version: `${nextVersion(latest.version, requiredBump(sinceLatest))}-draft`,
    date: '',
    previous: latest.version,
    released: false,
    notes_zh: '',
    notes_en: '',
    entries: sinceLatest,
  };
}

/** The record of a release of `current`, as npm run release writes it. */
export function releaseRecord(version: string, date: string, notes: { zh: string; en: string }, current: State): ReleaseRecord {
  return { version, date, notes_zh: notes.zh, notes_en: notes.en, columns: current.columns, metrics: current.metrics, splits: current.splits ?? [] };
}
