// The changelog between two states of the data (a release and the next, or the latest release and the data as they
// are): rows added, removed and changed (which fields, old → new), metric splits and renames, metrics and columns
// added, removed or redefined; the version bump it needs; and changes.csv's lines.
import { BUMPS, type Bump } from '../../model/release.ts';
import { HASH_GROUPS, TRACKED, type State } from './manifest.ts';

export type FieldChange = { field: string; old: string; new: string };
export type Entry =
  | { change: 'added' | 'removed'; id: string; metric_id: string }
  | { change: 'changed'; id: string; metric_id: string; fields: FieldChange[] }
  | { change: 'split' | 'renamed'; metric_id: string; to: string[]; rows: number }
  | { change: 'metric_added' | 'metric_removed'; metric_id: string }
  | { change: 'metric_redefined'; metric_id: string; fields: string[] }
  | { change: 'column_added' | 'column_removed'; table: string; column: string };

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
