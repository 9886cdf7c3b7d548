// Reading data/releases/: each record against the release schema and each manifest, every problem at the line of
// the file as written, and each release against the one before it.
import { jsonPathLines, jsonShapeProblems } from '../../lib/json-lines.ts';
import { compareVersions, releaseRecordSchema, type ReleaseRecord } from '../../model/release.ts';
import { jsonErrorLine } from '../validate.ts';
import type { Problem } from '../problems.ts';
import type { ReleaseFiles } from '../read.ts';
import { readManifest, type ManifestRow } from './manifest.ts';
import { successionProblems } from './versioning.ts';

export type Release = ReleaseRecord & { manifest: Map<string, ManifestRow>; path: string };
/** Releases oldest first. */
export type ReleaseHistory = Release[];

/**
 * Reads the release records and manifests, oldest first. Every problem names its file, line and field; a release
 * whose version is not the bump its changes need (a split under a minor version) is a problem of its record.
 */
export function readReleases(files: ReleaseFiles, problems: Problem[]): ReleaseHistory {
  const manifests = new Map(files.manifests.map((f) => [f.path.replace(/\.csv$/, ''), f]));
  const releases: Release[] = [];
  const lines = new Map<Release, (path: readonly PropertyKey[]) => number>();
  for (const file of files.records) {
    const stem = file.path.replace(/\.json$/, '');
    const manifestFile = manifests.get(stem);
    if (!manifestFile) problems.push({ path: `${stem}.csv`, line: 1, field: '(file)', message: 'missing: every release record has a manifest beside it' });
    const manifest = manifestFile ? readManifest(manifestFile, problems) : null;
    if (file.problem) {
      problems.push({ path: file.path, line: 1, field: '(file)', message: file.problem });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(file.text);
    } catch (error) {
      const message = (error as Error).message;
      problems.push({ path: file.path, line: jsonErrorLine(file.text, message), field: '(file)', message: `is not valid JSON: ${message}` });
      continue;
    }
    const lineOf = jsonPathLines(file.text);
    const shape = jsonShapeProblems(file.text);
    for (const p of shape) problems.push({ path: file.path, line: p.line, field: p.key ?? '(file)', message: p.message });
    const parsed = releaseRecordSchema.safeParse(json);
    const bad = (path: readonly PropertyKey[], message: string) => {
      const got = path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), json);
      problems.push({
        path: file.path,
        line: lineOf(path),
        field: path.length ? path.join('.') : '(file)',
        message,
        got: typeof got === 'object' ? undefined : got,
      });
    };
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      // a field the record does not have: named at its own line, each one
      if (issue.code === 'unrecognized_keys') for (const key of issue.keys) bad([...issue.path, key], 'is not a field of a release record');
      else bad(issue.path, issue.message);
    }
    const name = stem.split('/').pop();
    if (parsed.success && parsed.data.version !== name) bad(['version'], `must match the file name (${name}.json)`);
    else if (parsed.success && manifest && !shape.length) {
      const release = { ...parsed.data, manifest, path: file.path };
      releases.push(release);
      lines.set(release, lineOf);
    }
  }
  for (const stem of manifests.keys())
    if (!files.records.some((f) => f.path === `${stem}.json`))
      problems.push({ path: `${stem}.csv`, line: 1, field: '(file)', message: `a manifest without its record ${stem}.json` });
  releases.sort((a, b) => compareVersions(a.version, b.version));
  for (let i = 1; i < releases.length; i++) {
    const [before, after] = [releases[i - 1]!, releases[i]!];
    for (const p of successionProblems(before, after)) problems.push({ path: after.path, line: lines.get(after)!([p.field]), ...p });
  }
  return releases;
}
