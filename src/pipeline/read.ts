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

/** Reads a data folder laid out as data/README.md describes; missing files come back as null for the validator. */
export function readDataset(dataDir: string, displayRoot = process.cwd()): RawDataset {
  const read = (path: string): SourceFile | null =>
    existsSync(path) ? { path: relative(displayRoot, path), text: readFileSync(path, 'utf8') } : null;
  const reportsDir = join(dataDir, 'reports');
  const snapshotsDir = join(dataDir, 'snapshots');
  const folders = existsSync(reportsDir)
    ? readdirSync(reportsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const snapshots = new Map<string, string>();
  if (existsSync(snapshotsDir)) {
    for (const name of readdirSync(snapshotsDir).sort()) snapshots.set(name, readFileSync(join(snapshotsDir, name), 'utf8'));
  }
  return {
    metrics: read(join(dataDir, 'metrics.csv')),
    regions: read(join(dataDir, 'regions.csv')),
    reference: read(join(dataDir, 'reference', 'national.csv')),
    snapshots,
    reports: folders.map((folder) => ({
      folder,
      reportJson: read(join(reportsDir, folder, 'report.json')),
      figures: read(join(reportsDir, folder, 'figures.csv')),
      skipped: read(join(reportsDir, folder, 'skipped.csv')),
      source: read(join(reportsDir, folder, 'source.txt')),
    })),
  };
}
