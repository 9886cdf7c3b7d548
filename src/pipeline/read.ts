// The only reader of data/: everything downstream works on the texts it returns. Files are decoded strictly as
// UTF-8, and a symbolic link is never followed (it could publish a file from outside the project): either is one
// problem of that file, which the validators report instead of reading it.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeReport } from '../text/decode.ts';

const kindOf = (stat: Stats) =>
  stat.isDirectory()
    ? 'a folder'
    : stat.isFIFO()
      ? 'a named pipe (FIFO)'
      : stat.isSocket()
        ? 'a socket'
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? 'a device'
          : 'not a regular file';

/** `problem`: why the file could not be read (then `text` is empty); validators report it as the file's only problem. */
export type SourceFile = { path: string; text: string; problem?: string };

/**
 * Reads a file of data/ as text, or says why it cannot: not UTF-8 (naming the likely encoding), or reached through
 * a symbolic link (`root` is the data folder's real path).
 */
export function readDataFile(path: string, dataDir: string, root: string): { text: string; problem?: undefined } | { text?: undefined; problem: string } {
  if (realpathSync(path) !== join(root, relative(dataDir, path))) {
    return { problem: 'is a symbolic link (or inside one); data/ holds real files only: copy the file in' };
  }
  // Only a regular file is read: a FIFO or a device would block the run for ever, a folder throw EISDIR.
  const stat = statSync(path);
  if (!stat.isFile()) return { problem: `is ${kindOf(stat)}, not a file; data/ holds regular files only` };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  const decoded = decodeReport(bytes);
  return decoded.ok ? { text: decoded.text } : { problem: decoded.message };
}
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
  /** Seed files that cannot be read, with the reason. */
  snapshotProblems?: Map<string, string>;
  reports: RawReport[];
  releases?: ReleaseFiles;
  /** data/reviews.csv and data/per-unit.csv; absent, no second readings or per-unit values. */
  reviews?: SourceFile | null;
  perUnit?: SourceFile | null;
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
  /** A seed file as collected, by file name; undefined when data/snapshots/ has no such file or it cannot be read. */
  snapshot(name: string): string | undefined;
  /** Why a seed file cannot be read (not UTF-8, a symbolic link), if it cannot. */
  snapshotProblem?(name: string): string | undefined;
  /** data/releases/: release records (<version>.json) and their manifests (<version>.csv); absent, no releases. */
  releases?: ReleaseFiles;
  /** data/reviews.csv: second readings of compared rows; absent, none. */
  reviews?: SourceFile | null;
  /** data/per-unit.csv: the per-unit values the build computes; absent, none. */
  perUnit?: SourceFile | null;
};
export type ReleaseFiles = { records: SourceFile[]; manifests: SourceFile[] };

export function openDataset(dataDir: string, displayRoot = process.cwd()): DatasetSource {
  const root = existsSync(dataDir) ? realpathSync(dataDir) : dataDir;
  const read = (path: string): SourceFile | null => {
    if (!existsSync(path)) return null;
    const file = readDataFile(path, dataDir, root);
    return { path: relative(displayRoot, path), text: file.text ?? '', ...(file.problem ? { problem: file.problem } : {}) };
  };
  const reportsDir = join(dataDir, 'reports');
  const snapshotsDir = join(dataDir, 'snapshots');
  // a symbolic link to a folder is listed too, so that its files are refused with a reason instead of skipped
  const folders = existsSync(reportsDir)
    ? readdirSync(reportsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() || d.isSymbolicLink())
        .map((d) => d.name)
        .sort()
    : [];
  const snapshotNames = new Set(existsSync(snapshotsDir) ? readdirSync(snapshotsDir) : []);
  // Reports cut from one seed file sit next to each other (their ids start with its number): a small cache suffices.
  const cache = new Map<string, string>();
  const unreadable = new Map<string, string>();
  const readSnapshot = (name: string): string | undefined => {
    if (!snapshotNames.has(name) || unreadable.has(name)) return undefined;
    let text = cache.get(name);
    if (text === undefined) {
      const file = readDataFile(join(snapshotsDir, name), dataDir, root);
      if (file.problem !== undefined) {
        unreadable.set(name, file.problem);
        return undefined;
      }
      text = file.text;
      if (cache.size >= 8) cache.delete(cache.keys().next().value!);
      cache.set(name, text);
    }
    return text;
  };
  const releasesDir = join(dataDir, 'releases');
  const releaseNames = existsSync(releasesDir) ? readdirSync(releasesDir).sort() : [];
  const releaseFiles = (ext: string) => releaseNames.filter((n) => n.endsWith(ext)).map((n) => read(join(releasesDir, n))!);
  return {
    metrics: read(join(dataDir, 'metrics.csv')),
    regions: read(join(dataDir, 'regions.csv')),
    reference: read(join(dataDir, 'reference', 'national.csv')),
    releases: { records: releaseFiles('.json'), manifests: releaseFiles('.csv') },
    reviews: read(join(dataDir, 'reviews.csv')),
    perUnit: read(join(dataDir, 'per-unit.csv')),
    folders,
    report: (folder) => ({
      folder,
      reportJson: read(join(reportsDir, folder, 'report.json')),
      figures: read(join(reportsDir, folder, 'figures.csv')),
      skipped: read(join(reportsDir, folder, 'skipped.csv')),
      source: read(join(reportsDir, folder, 'source.txt')),
    }),
    snapshot: readSnapshot,
    snapshotProblem(name) {
      readSnapshot(name);
      return unreadable.get(name);
    },
  };
}

/** Reads a data folder laid out as data/README.md describes; missing files come back as null for the validator. */
export function readDataset(dataDir: string, displayRoot = process.cwd()): RawDataset {
  const source = openDataset(dataDir, displayRoot);
  const snapshotsDir = join(dataDir, 'snapshots');
  const snapshots = new Map<string, string>();
  const snapshotProblems = new Map<string, string>();
  if (existsSync(snapshotsDir)) {
    for (const name of readdirSync(snapshotsDir).sort()) {
      const text = source.snapshot(name);
      if (text !== undefined) snapshots.set(name, text);
      else snapshotProblems.set(name, source.snapshotProblem!(name)!);
    }
  }
  return {
    metrics: source.metrics,
    regions: source.regions,
    reference: source.reference,
    snapshots,
    snapshotProblems,
    reports: source.folders.map((folder) => source.report(folder)),
    releases: source.releases,
    reviews: source.reviews,
    perUnit: source.perUnit,
  };
}
