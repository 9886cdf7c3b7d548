// The changelog between two states of the data, the version bump it needs and the lines of changes.csv.
import { describe, expect, it } from 'vitest';
import { changeLines, changelog, requiredBump, type Entry } from '../../../src/pipeline/release/changelog.ts';
import { manifestRow, type State } from '../../../src/pipeline/release/manifest.ts';
import type { Observation } from '../../../src/model/observation.ts';
import { observation } from '../../observation.ts';

const state = (
  rows: Partial<Observation>[],
  metrics: Record<string, string> = { m: 'aaaaaaaa:' },
  columns = { observations: ['a', 'b'] },
  splits?: State['splits'],
): State => ({
  manifest: new Map(rows.map((r) => observation(r)).map((o) => [o.observation_id, manifestRow(o)])),
  metrics,
  columns,
  ...(splits ? { splits } : {}),
});
const before = state([{ observation_id: 'r-f1' }, { observation_id: 'r-f2', value: 5 }]);

describe('the changelog', () => {
  it('is empty between equal states and needs no version', () => {
    expect(changelog(before, before)).toEqual([]);
    expect(requiredBump([])).toBe('none');
  });

  it('names a changed value old → new and the hash group of a changed quote: a patch', () => {
    const after = state([
      { observation_id: 'r-f1', value: 11, quote: 'another' },
      { observation_id: 'r-f2', value: 5 },
    ]);
    const entries = changelog(before, after);
    expect(entries).toEqual<Entry[]>([
      {
        change: 'changed',
        id: 'r-f1',
        metric_id: 'm',
        fields: [
          { field: 'value', old: '10', new: '11' },
          { field: 'quote', old: '', new: '' },
        ],
      },
    ]);
    expect(requiredBump(entries)).toBe('patch');
  });

  it('names added rows and columns (minor) and removed ones (major)', () => {
    const added = changelog(before, state([{ observation_id: 'r-f1' }, { observation_id: 'r-f2', value: 5 }, { observation_id: 'r-f3' }]));
    expect(added).toEqual([{ change: 'added', id: 'r-f3', metric_id: 'm' }]);
    expect(requiredBump(added)).toBe('minor');
    const removed = changelog(before, state([{ observation_id: 'r-f1' }], undefined, { observations: ['a', 'c'] }));
    expect(removed).toEqual([
      { change: 'column_added', table: 'observations', column: 'c' },
      { change: 'column_removed', table: 'observations', column: 'b' },
      { change: 'removed', id: 'r-f2', metric_id: 'm' },
    ]);
    expect(requiredBump(removed)).toBe('major');
  });

  it('calls rows moved to a new metric a split of their old one, without a row entry for the move: major', () => {
    const after = state([{ observation_id: 'r-f1' }, { observation_id: 'r-f2', value: 5, metric_id: 'm_part' }], { m: 'aaaaaaaa:', m_part: 'bbbbbbbb:' });
    const entries = changelog(before, after);
    expect(entries).toEqual([{ change: 'split', metric_id: 'm', to: ['m', 'm_part'], rows: 1 }]);
    expect(requiredBump(entries)).toBe('major');
  });

  it('calls a metric whose rows all moved to a new id a rename, and a split the record declares one before any row moved', () => {
    const renamed = state(
      [
        { observation_id: 'r-f1', metric_id: 'n' },
        { observation_id: 'r-f2', value: 5, metric_id: 'n' },
      ],
      { n: 'aaaaaaaa:' },
    );
    expect(changelog(before, renamed)).toEqual([{ change: 'renamed', metric_id: 'm', to: ['n'], rows: 2 }]);
    const declared = state([{ observation_id: 'r-f1' }, { observation_id: 'r-f2', value: 5 }], { m: 'aaaaaaaa:', m_part: 'bbbbbbbb:' }, undefined, [
      { from: 'm', to: ['m_part'] },
    ]);
    expect(changelog(before, declared)).toEqual([{ change: 'split', metric_id: 'm', to: ['m', 'm_part'], rows: 0 }]);
  });

  it('names a metric added, removed or redefined, and a comparison hash only when both states have one', () => {
    expect(changelog(before, { ...before, metrics: { m: 'aaaaaaaa:', n: 'bbbbbbbb:' } })).toEqual([{ change: 'metric_added', metric_id: 'n' }]);
    expect(changelog({ ...before, metrics: { m: 'aaaaaaaa:', n: 'b:' } }, before)).toEqual([{ change: 'metric_removed', metric_id: 'n' }]);
    expect(changelog(before, { ...before, metrics: { m: 'cccccccc:dddddddd' } })).toEqual([
      { change: 'metric_redefined', metric_id: 'm', fields: ['definition'] },
    ]);
    expect(changelog({ ...before, metrics: { m: 'aaaaaaaa:eeeeeeee' } }, { ...before, metrics: { m: 'aaaaaaaa:dddddddd' } })).toEqual([
      { change: 'metric_redefined', metric_id: 'm', fields: ['comparison'] },
    ]);
  });
});

describe('changes.csv lines', () => {
  it('give a row change one line per field and every other entry one line', () => {
    const lines = changeLines(
      [
        {
          change: 'changed',
          id: 'r-f1',
          metric_id: 'm',
          fields: [
            { field: 'value', old: '1', new: '2' },
            { field: 'quote', old: '', new: '' },
          ],
        },
        { change: 'split', metric_id: 'm', to: ['m', 'n'], rows: 1 },
        { change: 'column_added', table: 'observations', column: 'c' },
      ],
      '2.0.0',
      '1.0.0',
    );
    expect(lines.map((l) => [l.change, l.observation_id, l.metric_id, l.table, l.field, l.old, l.new])).toEqual([
      ['changed', 'r-f1', 'm', '', 'value', '1', '2'],
      ['changed', 'r-f1', 'm', '', 'quote', '', ''],
      ['split', '', 'm', '', 'metric_id', 'm', 'm;n'],
      ['column_added', '', '', 'observations', 'c', '', ''],
    ]);
    expect(new Set(lines.map((l) => `${l.version}<${l.previous_version}`))).toEqual(new Set(['2.0.0<1.0.0']));
  });
});
