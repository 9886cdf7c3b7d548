// A release record as a curator commits it, and the version grammar releases are ordered by.
import { describe, expect, it } from 'vitest';
import { bumpBetween, bumpCovers, compareVersions, nextVersion, parseVersion, releaseRecordSchema } from '../../src/model/release.ts';

const record = {
  version: '1.0.0',
  date: '2026-01-01',
  notes_zh: '首版',
  notes_en: 'First',
  columns: { observations: ['observation_id'] },
  metrics: { m: '0123abcd:' },
};
const issues = (over: Record<string, unknown>) => {
  const parsed = releaseRecordSchema.safeParse({ ...record, ...over });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.code === 'unrecognized_keys' ? i.keys.join(',') : i.message}`);
};

describe('release versions', () => {
  it('are strict: a leading zero is refused rather than read as another number', () => {
    expect(parseVersion('2.0.1')).toEqual([2, 0, 1]);
    expect(parseVersion('10.0.0')).toEqual([10, 0, 0]);
    for (const bad of ['02.0.1', '2.00.1', '2.0.01', '2.0', 'v2.0.1', '2.0.1-rc1']) expect(parseVersion(bad), bad).toBeUndefined();
    expect(compareVersions('10.0.0', '9.9.9')).toBeGreaterThan(0);
  });

  it('name the bump between two versions, the next version of a bump, and whether one bump covers another', () => {
    expect([bumpBetween('1.2.3', '2.0.0'), bumpBetween('1.2.3', '1.3.0'), bumpBetween('1.2.3', '1.2.4'), bumpBetween('1.2.3', '1.2.3')]).toEqual([
      'major',
      'minor',
      'patch',
      'none',
    ]);
    expect([nextVersion('1.2.3', 'major'), nextVersion('1.2.3', 'minor'), nextVersion('1.2.3', 'patch')]).toEqual(['2.0.0', '1.3.0', '1.2.4']);
    expect(bumpCovers('major', 'minor')).toBe(true);
    expect(bumpCovers('minor', 'major')).toBe(false);
  });
});

describe('the release record schema', () => {
  it('accepts a record, and gives one without splits an empty list of them', () => {
    expect(issues({})).toEqual([]);
    expect(releaseRecordSchema.parse(record).splits).toEqual([]);
  });

  it('names each wrong field of one record, all at once', () => {
    expect(issues({ version: '2.0', date: '1 Dec', notes_en: 7, columns: { observations: 'observation_id' }, metrics: { m: 'abc' } })).toEqual([
      'version: must be a semantic version such as 2.0.0',
      'date: must be a date YYYY-MM-DD',
      'notes_en: must be text',
      'columns.observations: must list the table’s columns',
      'metrics.m: must be two 8-digit hex hashes, "definition:comparison"',
    ]);
  });

  it('refuses a field a record does not have, a split that is not {from, to}, and an impossible date', () => {
    expect(issues({ note_en: 'typo' })).toEqual([': note_en']);
    expect(issues({ splits: [{ from: 'a', to: 'b' }] })).toEqual(['splits.0.to: must list the metric ids it became']);
    expect(issues({ splits: ['a'] })).toEqual(['splits.0: each split is {"from": id, "to": [ids]}']);
    expect(issues({ date: '2026-13-01' })).toEqual(['date: must be a date YYYY-MM-DD']);
    expect(issues({ date: '2026-02-31' })).toEqual(['date: must be a date YYYY-MM-DD']);
    expect(issues({ date: '2028-02-29' })).toEqual([]);
  });

  it('holds the notes to the text rules of every published text', () => {
    expect(issues({ notes_en: 'First\u0007' })).toEqual([expect.stringMatching(/^notes_en: contains the control character U\+0007/)]);
    expect(issues({ notes_zh: '注'.repeat(100_000) })).toEqual([expect.stringMatching(/^notes_zh: /)]);
  });
});
