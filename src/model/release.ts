// A release of the dataset as a curator commits it: data/releases/<version>.json (version, date, notes, the published
// columns and a hash of each metric's definition), and the version grammar releases are ordered by.
import { z } from 'astro/zod';
import { textProblem } from './text-rules.ts';

// Strict: no leading zeros (02.0.1 is not 2.0.1, and would compare as something else than it reads).
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
/** How far one version is from the one before; a changelog needs at least its largest change's bump. */
export type Bump = 'none' | 'patch' | 'minor' | 'major';
export const BUMPS: readonly Bump[] = ['none', 'patch', 'minor', 'major'];

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
/** Whether `made` is at least the bump `need`. */
export const bumpCovers = (made: Bump, need: Bump) => BUMPS.indexOf(made) >= BUMPS.indexOf(need);

export const versionSchema = z.string({ error: 'must be a semantic version such as 2.0.0' }).refine((v) => parseVersion(v) !== undefined, {
  message: 'must be a semantic version such as 2.0.0',
});
export const releaseDateSchema = z
  .string({ error: 'must be a date YYYY-MM-DD' })
  // Date.parse rolls 2026-02-31 over to 3 March: a real date reads back as itself
  .refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().slice(0, 10) === d, {
    message: 'must be a date YYYY-MM-DD',
  });
/** Release notes are shown on the data page: the text rules of every other published text apply. */
export const releaseNotesSchema = (field: 'notes_zh' | 'notes_en') =>
  z.string({ error: 'must be text' }).superRefine((notes, ctx) => {
    const problem = textProblem(field, notes);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Per metric: `<definition hash>:<comparison hash>`, the second empty before the dictionary had those columns. */
const METRIC_HASH = /^[0-9a-f]{8}:([0-9a-f]{8})?$/;

export const releaseRecordSchema = z.strictObject(
  {
    version: versionSchema,
    date: releaseDateSchema,
    notes_zh: releaseNotesSchema('notes_zh'),
    notes_en: releaseNotesSchema('notes_en'),
    /** Published columns per table. */
    columns: z.record(z.string(), z.array(z.string(), { error: 'must list the table’s columns' }), {
      error: 'must list the published columns per table',
    }),
    /** Per metric: the hash of its definition (unit, definitions) and of how it compares. */
    metrics: z.record(z.string(), z.string().regex(METRIC_HASH, 'must be two 8-digit hex hashes, "definition:comparison"'), {
      error: 'must give each metric’s definition hash',
    }),
    /** Splits and renames the rows cannot show (e.g. a metric split before any row moved): old id → new ids. */
    splits: z
      .array(
        z.strictObject(
          { from: z.string({ error: 'must be the metric id split' }), to: z.array(z.string(), { error: 'must list the metric ids it became' }) },
          { error: 'each split is {"from": id, "to": [ids]}' },
        ),
      )
      .default([]),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `is not a field of a release record: ${issue.keys.join(', ')}` : 'must be an object') },
);

export type ReleaseRecord = z.output<typeof releaseRecordSchema>;
