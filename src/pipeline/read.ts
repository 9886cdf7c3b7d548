// The only reader of data/: everything downstream works on the texts it returns.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export type SourceFile = { path: string; text: string };
export type RawReport = {
  folder: string;
  reportJson: SourceFile | null;
  figures: SourceFile | null;
  skipped: SourceFile | null;
  source: SourceFile | null;
};
export type RawDataset = {
  metrics: SourceFile | null;
  regions: SourceFile | null;
  reference: SourceFile | null;
  /** Seed files as collected, by file name. */
  snapshots: Map<string, string>;
  reports: RawReport[];
};

/**
 * A data folder opened for reading one report at a time: the dictionary tables are read at once, reports and
 * snapshots when asked for, so a national dataset is never in memory whole.
 */
export type DatasetSource = {
  metrics: SourceFile | null;
  regions: SourceFile | null;
  reference: SourceFile | null;
  /** Report folder names, sorted. */
  folders: string[];
  report(folder: string): RawReport;
  /** A seed file as collected, by file name; undefined when data/snapshots/ has no such file. */
  snapshot(name: string): string | undefined;
};

export function openDataset(dataDir: string, displayRoot = process.cwd()): DatasetSource {
  const read = (path: string): SourceFile | null =>
    existsSync(path) ? { path: relative(displayRoot, path), text: readFileSync(path, 'utf8') } : null;
  const reportsDir = join(dataDir, 'reports');
  const snapshotsDir = join(dataDir, 'snapshots');
  const folders = existsSync(reportsDir)
    ? readdirSync(reportsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const snapshotNames = new Set(existsSync(snapshotsDir) ? readdirSync(snapshotsDir) : []);
  // Reports cut from one seed file sit next to each other (their ids start with its number): a small cache suffices.
  const cache = new Map<string, string>();
  return {
    metrics: read(join(dataDir, 'metrics.csv')),
    regions: read(join(dataDir, 'regions.csv')),
    reference: read(join(dataDir, 'reference', 'national.csv')),
    folders,
    report: (folder) => ({
      folder,
      reportJson: read(join(reportsDir, folder, 'report.json')),
      figures: read(join(reportsDir, folder, 'figures.csv')),
      skipped: read(join(reportsDir, folder, 'skipped.csv')),
      source: read(join(reportsDir, folder, 'source.txt')),
    }),
    snapshot(name) {
      if (!snapshotNames.has(name)) return undefined;
      let text = cache.get(name);
      if (text === undefined) {
        text = readFileSync(join(snapshotsDir, name), 'utf8');
        if (cache.size >= 8) cache.delete(cache.keys().next().value!);
        cache.set(name, text);
      }
      return text;
    },
  };
}

/** Reads a data folder laid out as data/README.md describes; missing files come back as null for the validator. */
export function readDataset(dataDir: string, displayRoot = process.cwd()): RawDataset {
  const source = openDataset(dataDir, displayRoot);
  const snapshotsDir = join(dataDir, 'snapshots');
  const snapshots = new Map<string, string>();
  if (existsSync(snapshotsDir)) {
    for (const name of readdirSync(snapshotsDir).sort()) snapshots.set(name, readFileSync(join(snapshotsDir, name), 'utf8'));
  }
  return {
    metrics: source.metrics,
    regions: source.regions,
    reference: source.reference,
    snapshots,
    reports: source.folders.map((folder) => source.report(folder)),
  };
}
