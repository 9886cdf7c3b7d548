// Release records a curator writes: versions are strict semantic versions, notes follow the text rules of every
// published text (they are shown on the data page).
import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../src/pipeline/problems.ts';
import { compareVersions, manifestCsv, parseVersion, readReleases } from '../../src/pipeline/release.ts';

const record = (over: Record<string, unknown>) =>
  JSON.stringify({ version: '1.0.0', date: '2026-01-01', notes_zh: '首版', notes_en: 'First', columns: {}, metrics: {}, ...over }, null, 2);
function problems(over: Record<string, unknown>): string[] {
  const out: Problem[] = [];
  readReleases(
    {
      records: [{ path: 'data/releases/1.0.0.json', text: record(over) }],
      manifests: [{ path: 'data/releases/1.0.0.csv', text: manifestCsv([]) }],
    },
    out,
  );
  return out.map(formatProblem);
}

describe('release versions', () => {
  it('are strict: a leading zero is refused rather than read as another number', () => {
    expect(parseVersion('2.0.1')).toEqual([2, 0, 1]);
    expect(parseVersion('10.0.0')).toEqual([10, 0, 0]);
    for (const bad of ['02.0.1', '2.00.1', '2.0.01', '2.0', 'v2.0.1', '2.0.1-rc1']) expect(parseVersion(bad), bad).toBeUndefined();
    expect(compareVersions('10.0.0', '9.9.9')).toBeGreaterThan(0);
  });
});

describe('release notes', () => {
  it('are refused with a control character or beyond the length of notes, at their file, line and field', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ notes_en: 'First\u0007' })).toEqual([
      expect.stringMatching(/^data\/releases\/1\.0\.0\.json:5: notes_en: contains the control character U\+0007/),
    ]);
    expect(problems({ notes_zh: '注'.repeat(100_000) })).toEqual([expect.stringMatching(/^data\/releases\/1\.0\.0\.json:4: notes_zh: /)]);
  });
});
