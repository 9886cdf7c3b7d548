// datapackage.json: the Frictionless descriptor of public/data/. Each table's Table Schema comes from columns.ts,
// so the descriptor always lists the published columns, with their types and descriptions.
import type { Observation } from '../model/observation.ts';
import { TABLES, type TableName } from '../model/columns.ts';
import { PARQUET_TABLES } from './parquet.ts';
import { CHANGE_COLUMNS } from './release/changelog.ts';
import type { Versioning } from './release/versioning.ts';

export const LICENSE = { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' };

export type Span = { start: number; end: number };
export type SourceEntry = { title: string; report_id: string };

export function dataPackage(sources: SourceEntry[], years: Span, release: Versioning): object {
  const resources: object[] = (Object.keys(TABLES) as TableName[]).flatMap(tableResources);
  if (release.previous || release.entries.length) resources.push(changesResource(release));
  return {
    profile: 'tabular-data-package',
    name: 'bureau-atlas',
    title: 'bureau-atlas: figures from Chinese local education bureaus’ work reports',
    description:
      'Figures published by Chinese local education bureaus in their annual work reports, each tied to the verbatim sentence it came from. These are figures as the bureaus reported them, not official statistics.',
    version: release.version,
    // the release date from data/releases/<version>.json (a draft has none): never the clock, so builds repeat
    ...(release.date ? { created: `${release.date}T00:00:00Z` } : {}),
    licenses: [LICENSE],
    keywords: ['education', 'China', 'local government', '教育局', '工作总结'],
    temporal: years.end >= years.start ? { start: String(years.start), end: String(years.end) } : undefined,
    sources: sources.map((r) => ({ title: r.title, path: `sources/${r.report_id}.txt` })),
    resources,
  };
}

/** A table as its CSV resource and, for the tables published as Parquet, its Parquet resource. */
function tableResources(name: TableName): object[] {
  const table = TABLES[name];
  const schema = {
    fields: table.columns.map((col) => ({
      name: col.name,
      // arrays are written semicolon-separated in CSV
      type: col.type === 'array' ? 'string' : col.type,
      description: col.type === 'array' ? `${col.en} (semicolon-separated)` : col.en,
    })),
    missingValues: [''],
    primaryKey: table.primaryKey,
    foreignKeys: table.foreignKeys,
  };
  const csv = {
    name,
    path: `${name}.csv`,
    profile: 'tabular-data-resource',
    title: table.title_en,
    description: table.description_en,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    schema,
  };
  // the same table as Parquet: same columns and types, arrays semicolon-separated, text without the CSV's apostrophe
  const parquet = {
    name: `${name}-parquet`,
    path: `${name}.parquet`,
    title: `${table.title_en} (Parquet)`,
    description: table.description_en,
    format: 'parquet',
    mediatype: 'application/vnd.apache.parquet',
    schema,
  };
  return PARQUET_TABLES.includes(name) ? [csv, parquet] : [csv];
}

function changesResource(release: Versioning): object {
  return {
    name: 'changes',
    path: 'changes.csv',
    profile: 'tabular-data-resource',
    title: 'Changes since the previous release',
    description: `What changed from version ${release.previous || '(none)'} to ${release.version}: rows added, removed or changed (one line per field, old → new), metrics split, renamed, added, removed or redefined, columns added or removed.`,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    schema: { fields: CHANGE_COLUMNS.map((name) => ({ name, type: 'string' })), missingValues: [''] },
  };
}

/** Widens `years` to the years of `observations`; a loop, as Math.min(...years) overflows the call stack at national scale. */
export function widen(years: Span, observations: readonly Observation[]): void {
  for (const o of observations) {
    if (o.year === null) continue;
    if (o.year < years.start) years.start = o.year;
    if (o.year > years.end) years.end = o.year;
  }
}
