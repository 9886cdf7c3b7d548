// A release's manifest: one line per observation with the fields a changelog names and a hash of the rest.
import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../../src/pipeline/problems.ts';
import { canonical, manifestCsv, manifestRow, readManifest, releaseState } from '../../../src/pipeline/release/manifest.ts';
import { observation } from '../../observation.ts';

const read = (text: string) => {
  const problems: Problem[] = [];
  const manifest = readManifest({ path: 'releases/1.0.0.csv', text }, problems);
  return { manifest, problems: problems.map(formatProblem) };
};

describe('manifest lines', () => {
  it('keep the tracked fields as published text and hash four groups of the rest', () => {
    const row = manifestRow(observation({ flags: ['a', 'b'], qualifier: '' }));
    expect(row).toMatchObject({ observation_id: 'r-f1', metric_id: 'm', value: '10', flags: 'a;b', qualifier: '' });
    expect(row.hash).toMatch(/^[0-9a-f]{32}$/);
    expect([canonical(null), canonical([1, 2]), canonical(0.5)]).toEqual(['', '1;2', '0.5']);
  });

  it('change the hash group of the field that changed, and only that group', () => {
    const groups = (over: Parameters<typeof observation>[0]) => manifestRow(observation(over)).hash.match(/.{8}/g)!;
    const base = groups({});
    const differs = (over: Parameters<typeof observation>[0]) => groups(over).map((g, i) => g !== base[i]);
    expect(differs({ quote: 'another sentence' })).toEqual([true, false, false, false]);
    expect(differs({ note_en: 'a note', note_zh: '说明' })).toEqual([false, true, false, false]);
    expect(differs({ value_base: 11 })).toEqual([false, false, true, false]);
    expect(differs({ region_id: 'b' })).toEqual([false, false, false, true]);
  });

  it('hash a corrected Chinese note as a change, and a row without prose as before it had two languages', () => {
    const note = (over: Parameters<typeof observation>[0]) => manifestRow(observation(over)).hash.slice(8, 16);
    expect(note({ note_en: 'n', note_zh: '甲' })).not.toBe(note({ note_en: 'n', note_zh: '乙' }));
    expect(note({ note_en: 'n', note_zh: '' })).not.toBe(note({ note_en: 'n', note_zh: '甲' }));
  });

  it('are written and read back as CSV, unchanged', () => {
    const rows = [manifestRow(observation()), manifestRow(observation({ observation_id: 'r-f2', value: 3 }))];
    const { manifest, problems } = read(manifestCsv(rows));
    expect(problems).toEqual([]);
    expect([...manifest!.values()]).toEqual(rows);
  });

  it('are refused, each at its line and field, when an id is empty or repeated or a hash is not one', () => {
    const [a, b] = [manifestRow(observation()), manifestRow(observation({ observation_id: 'r-f2' }))];
    const text = manifestCsv([a, { ...b, hash: 'xyz' }, a, { ...a, observation_id: '' }]);
    const { manifest, problems } = read(text);
    expect(manifest).toBeNull();
    expect(problems).toEqual([
      'releases/1.0.0.csv:3: hash: must be 32 lower-case hex digits (got "xyz")',
      'releases/1.0.0.csv:4: observation_id: duplicate id (got "r-f1")',
      'releases/1.0.0.csv:5: observation_id: is empty',
    ]);
  });
});

describe('a release state', () => {
  it('records curated metrics only, each by its definition and comparison hashes, and the published columns', () => {
    const state = releaseState(new Map(), [
      { metric_id: 'm', unit_base: '%', definition_zh: '甲', definition_en: 'a', measure: 'share', compare: 'level', period_basis: 'year', stage: '' },
      { metric_id: 'm_growth', derived_from: 'm' },
      { metric_id: 'old', unit_base: '%', definition_zh: '甲', definition_en: 'a' },
    ]);
    expect(Object.keys(state.metrics)).toEqual(['m', 'old']);
    expect(state.metrics.m).toMatch(/^[0-9a-f]{8}:[0-9a-f]{8}$/);
    // a dictionary without the comparison columns: an empty comparison hash
    expect(state.metrics.old).toMatch(/^[0-9a-f]{8}:$/);
    expect(state.metrics.m!.slice(0, 8)).toBe(state.metrics.old!.slice(0, 8));
    expect(state.columns.observations).toContain('observation_id');
  });
});
