// The dataset's version: the latest release when the data are that release, else a draft of the version their
// changes need; the rules one release keeps against the one before it; and the record npm run release writes.
// Nothing here reads the clock: a release's date is the one its record states, so builds stay deterministic.
import { bumpBetween, bumpCovers, compareVersions, nextVersion, releaseRecordSchema, type ReleaseRecord } from '../../model/release.ts';
import { changelog, requiredBump, type Entry } from './changelog.ts';
import type { State } from './manifest.ts';
import type { ReleaseHistory } from './history.ts';

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

type Dated = State & Pick<ReleaseRecord, 'version' | 'date'>;
/** A problem of a release record's field, before it is placed in a file or on a command line. */
export type FieldProblem = { field: string; message: string; got?: unknown };

/**
 * What is wrong with `after` as the release that follows `before`: a version not above it or smaller than the
 * changes between them need (a split is major, new rows minor, corrections patch), a date before its date.
 */
export function successionProblems(before: Dated, after: Dated, entries: readonly Entry[] = changelog(before, after)): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (compareVersions(after.version, before.version) <= 0)
    problems.push({ field: 'version', message: `is not above the latest release ${before.version}`, got: after.version });
  else {
    const [need, made] = [requiredBump(entries), bumpBetween(before.version, after.version)];
    if (!bumpCovers(made, need))
      problems.push({
        field: 'version',
        message: `its ${entries.length} changes since ${before.version} need a ${need} version (${nextVersion(before.version, need)}), not a ${made} one`,
        got: after.version,
      });
  }
  if (after.date < before.date) problems.push({ field: 'date', message: `is before the date of ${before.version} (${before.date})`, got: after.date });
  return problems;
}

/** The record of a release of `current`, as npm run release writes it. */
export function releaseRecord(version: string, date: string, notes: { zh: string; en: string }, current: State): ReleaseRecord {
  return { version, date, notes_zh: notes.zh, notes_en: notes.en, columns: current.columns, metrics: current.metrics, splits: current.splits ?? [] };
}

export type NewRelease = Pick<ReleaseRecord, 'version' | 'date' | 'notes_zh' | 'notes_en'>;

/**
 * Every reason `current` cannot be recorded as the release `wanted`, by the record field it concerns: the record's
 * own rules (the schema data/releases/ is read with), data that are the latest release already, and the rules
 * against the latest release. `entries`: the changes since the latest release.
 */
export function newReleaseProblems(history: ReleaseHistory, current: State, wanted: NewRelease): { problems: FieldProblem[]; entries: Entry[] } {
  const record = releaseRecord(wanted.version, wanted.date, { zh: wanted.notes_zh, en: wanted.notes_en }, current);
  const parsed = releaseRecordSchema.safeParse(record);
  const problems: FieldProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const field = String(issue.path[0] ?? '(record)');
        return { field, message: issue.message, got: field in wanted ? wanted[field as keyof NewRelease] : undefined };
      });
  const latest = history.at(-1);
  if (!latest) return { problems, entries: [] };
  const entries = changelog(latest, current);
  if (!entries.length) problems.push({ field: 'version', message: `the data are release ${latest.version} already: nothing to release` });
  // a version or date that is not one is not compared with the latest release's
  const unreadable = new Set(problems.map((p) => p.field));
  if (!unreadable.has('version') || !unreadable.has('date')) {
    const version = unreadable.has('version') ? nextVersion(latest.version, 'major') : wanted.version;
    const date = unreadable.has('date') ? latest.date : wanted.date;
    for (const p of successionProblems(latest, { ...current, version, date }, entries)) if (!unreadable.has(p.field)) problems.push(p);
  }
  return { problems, entries };
}
