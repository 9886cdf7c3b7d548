// The dataset's version from its release history, the rules a release keeps against the one before it, and what
// npm run release refuses.
import { describe, expect, it } from 'vitest';
import type { Release } from '../../../src/pipeline/release/history.ts';
import { manifestRow, type State } from '../../../src/pipeline/release/manifest.ts';
import { newReleaseProblems, releaseRecord, successionProblems, versioning } from '../../../src/pipeline/release/versioning.ts';
import { observation } from '../../observation.ts';

const state = (ids: string[], metrics: Record<string, string> = { m: 'aaaaaaaa:' }): State => ({
  manifest: new Map(ids.map((id) => [id, manifestRow(observation({ observation_id: id }))])),
  metrics,
  columns: { observations: ['observation_id'] },
});
const release = (version: string, date: string, s: State): Release => ({
  ...releaseRecord(version, date, { zh: `版本${version}`, en: `Release ${version}` }, s),
  manifest: new Map(s.manifest),
  path: `releases/${version}.json`,
});
const first = release('1.0.0', '2026-01-01', state(['a']));
const second = release('1.1.0', '2026-02-01', state(['a', 'b']));

describe('the dataset version', () => {
  it('is 0.0.0 without releases', () => {
    expect(versioning([], state(['a']))).toMatchObject({ version: '0.0.0', released: false, previous: '', entries: [] });
  });

  it('is the latest release when the data are that release, with its changelog against the one before', () => {
    expect(versioning([first, second], state(['a', 'b']))).toEqual({
      version: '1.1.0',
      date: '2026-02-01',
      previous: '1.0.0',
      released: true,
      notes_zh: '版本1.1.0',
      notes_en: 'Release 1.1.0',
      entries: [{ change: 'added', id: 'b', metric_id: 'm' }],
    });
  });

  it('is an undated draft of the version the unreleased changes need', () => {
    expect(versioning([first, second], state(['a', 'b', 'c']))).toMatchObject({ version: '1.2.0-draft', date: '', previous: '1.1.0', released: false });
    // a row withdrawn is a correction; a metric withdrawn is major
    expect(versioning([first, second], state(['a']))).toMatchObject({ version: '1.1.1-draft', entries: [{ change: 'removed', id: 'b' }] });
    expect(versioning([first, second], state(['a', 'b'], {}))).toMatchObject({ version: '2.0.0-draft', entries: [{ change: 'metric_removed' }] });
  });
});

describe('one release after another', () => {
  it('needs a version as large as its changes and a date not before', () => {
    expect(successionProblems(first, second)).toEqual([]);
    expect(successionProblems(first, { ...second, version: '1.0.1', date: '2025-12-31' })).toEqual([
      { field: 'version', message: 'its 1 changes since 1.0.0 need a minor version (1.1.0), not a patch one', got: '1.0.1' },
      { field: 'date', message: 'is before the date of 1.0.0 (2026-01-01)', got: '2025-12-31' },
    ]);
    expect(successionProblems(second, { ...first, date: '2026-03-01' })).toEqual([
      { field: 'version', message: 'is not above the latest release 1.1.0', got: '1.0.0' },
    ]);
  });
});

describe('a new release', () => {
  const wanted = { version: '1.2.0', date: '2026-03-01', notes_zh: '新增', notes_en: 'More' };
  const fields = (...args: Parameters<typeof newReleaseProblems>) => newReleaseProblems(...args).problems.map((p) => `${p.field}: ${p.message}`);

  it('is accepted with its changes since the latest release', () => {
    const { problems, entries } = newReleaseProblems([first, second], state(['a', 'b', 'c']), wanted);
    expect(problems).toEqual([]);
    expect(entries).toEqual([{ change: 'added', id: 'c', metric_id: 'm' }]);
  });

  it('is refused for every reason at once: a version, a date and notes that are not, or too small a version and too early a date', () => {
    expect(fields([first, second], state(['a', 'b', 'c']), { version: '02.0.0', date: '1 March', notes_zh: '注\u0000', notes_en: 'ok' })).toEqual([
      'version: must be a semantic version such as 2.0.0',
      'date: must be a date YYYY-MM-DD',
      expect.stringMatching(/^notes_zh: contains the control character U\+0000/),
    ]);
    expect(fields([first, second], state(['a', 'b'], {}), { ...wanted, date: '2026-01-15' })).toEqual([
      'version: its 1 changes since 1.1.0 need a major version (2.0.0), not a minor one',
      'date: is before the date of 1.1.0 (2026-02-01)',
    ]);
  });

  it('still compares a readable date when the version is not one', () => {
    expect(fields([first, second], state(['a', 'b', 'c']), { ...wanted, version: 'next', date: '2026-01-15' })).toEqual([
      'version: must be a semantic version such as 2.0.0',
      'date: is before the date of 1.1.0 (2026-02-01)',
    ]);
  });

  it('is refused when the data are the latest release already', () => {
    expect(fields([first, second], state(['a', 'b']), wanted)).toEqual(['version: the data are release 1.1.0 already: nothing to release']);
  });
});
