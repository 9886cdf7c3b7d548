// The state of an already published public/data folder (observations.csv, metrics.csv, datapackage.json), e.g. one
// compiled from an earlier commit, so that a release of it can seed the history.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { typedRecord } from '../../model/columns.ts';
import { manifestRow, releaseState, type ManifestRow, type State } from './manifest.ts';

export function publishedState(dir: string): State {
  const table = (name: 'observations' | 'metrics') =>
    Papa.parse<Record<string, string>>(readFileSync(join(dir, `${name}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => ({
      ...r,
      ...typedRecord(name, r),
    }));
  const pkg = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as {
    resources: { name: string; format?: string; schema: { fields: { name: string }[] } }[];
  };
  const columns = Object.fromEntries(
    pkg.resources.filter((r) => (r.format ?? 'csv') === 'csv' && r.name !== 'changes').map((r) => [r.name, r.schema.fields.map((f) => f.name)]),
  );
  // columns an older release did not have are absent from its rows, not empty values
  const published = (record: Record<string, unknown>, table: string) => Object.fromEntries(Object.entries(record).filter(([k]) => columns[table]!.includes(k)));
  const manifest = new Map<string, ManifestRow>();
  for (const o of table('observations')) manifest.set(String(o.observation_id), manifestRow(published(o, 'observations')));
  return releaseState(
    manifest,
    table('metrics').map((m) => published(m, 'metrics')),
    columns,
  );
}
