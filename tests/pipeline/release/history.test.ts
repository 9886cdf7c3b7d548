// Reading data/releases/: every problem of a record or manifest at its file, the line as written, and its field,
// all in one run.
import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../../src/pipeline/problems.ts';
import { readReleases } from '../../../src/pipeline/release/history.ts';
import { manifestCsv, manifestRow } from '../../../src/pipeline/release/manifest.ts';
import { observation } from '../../observation.ts';

const rows = (...ids: string[]) => manifestCsv(ids.map((id) => manifestRow(observation({ observation_id: id }))));
// as npm run release writes a record: one key a line, with a table "metrics" under "columns" before the top-level one
const record = (version: string, over: Record<string, unknown> = {}) =>
  `${JSON.stringify(
    {
      version,
      date: '2026-01-01',
      notes_zh: '首版',
      notes_en: 'First',
      columns: { observations: ['observation_id'], metrics: ['metric_id'] },
      metrics: { m: 'aaaaaaaa:', n: 'bbbbbbbb:' },
      splits: [],
      ...over,
    },
    null,
    1,
  )}\n`;
const read = (records: Record<string, string>, manifests: Record<string, string> = {}) => {
  const problems: Problem[] = [];
  const history = readReleases(
    {
      records: Object.entries(records).map(([path, text]) => ({ path: `releases/${path}`, text })),
      manifests: Object.entries(manifests).map(([path, text]) => ({ path: `releases/${path}`, text })),
    },
    problems,
  );
  return { history, problems: problems.map(formatProblem) };
};

describe('release records', () => {
  it('are read oldest first, each with its manifest', () => {
    const { history, problems } = read(
      { '1.1.0.json': record('1.1.0', { date: '2026-02-01' }), '1.0.0.json': record('1.0.0') },
      { '1.0.0.csv': rows('a'), '1.1.0.csv': rows('a', 'b') },
    );
    expect(problems).toEqual([]);
    expect(history.map((r) => [r.version, r.manifest.size, r.path])).toEqual([
      ['1.0.0', 1, 'releases/1.0.0.json'],
      ['1.1.0', 2, 'releases/1.1.0.json'],
    ]);
  });

  it('name each wrong field at the line it is written on, all in one run', () => {
    const text = record('1.0.0', { date: '1 Jan', notes_en: 7, metrics: { m: 'aaaaaaaa:', n: 'xyz' } });
    expect(text.split('\n')[2]).toContain('"date"');
    expect(text.split('\n')[4]).toContain('"notes_en"');
    expect(text.split('\n')[15]).toContain('"n": "xyz"');
    expect(read({ '1.0.0.json': text }, { '1.0.0.csv': rows('a') }).problems).toEqual([
      'releases/1.0.0.json:3: date: must be a date YYYY-MM-DD (got "1 Jan")',
      'releases/1.0.0.json:5: notes_en: must be text (got 7)',
      'releases/1.0.0.json:16: metrics.n: must be two 8-digit hex hashes, "definition:comparison" (got "xyz")',
    ]);
  });

  it('name the top-level metrics at their own line, not at the table of that name under columns', () => {
    const text = record('1.0.0', { metrics: ['m'] });
    const line = text.split('\n').findIndex((l) => l.startsWith(' "metrics"')) + 1;
    expect(line).toBeGreaterThan(text.split('\n').findIndex((l) => l.startsWith('  "metrics"')) + 1);
    expect(read({ '1.0.0.json': text }, { '1.0.0.csv': rows('a') }).problems).toEqual([
      `releases/1.0.0.json:${line}: metrics: must give each metric’s definition hash`,
    ]);
  });

  it('name a field a record does not have at its line, a key written twice, and a version that is not the file name', () => {
    const typo = record('1.0.0', { note_en: 'x' });
    expect(read({ '1.0.0.json': typo }, { '1.0.0.csv': rows('a') }).problems).toEqual([
      `releases/1.0.0.json:${typo.split('\n').findIndex((l) => l.includes('"note_en"')) + 1}: note_en: is not a field of a release record (got "x")`,
    ]);
    const twice = record('1.0.0').replace(' "date": "2026-01-01",', ' "date": "2026-01-01",\n "date": "2026-01-02",');
    expect(read({ '1.0.0.json': twice }, { '1.0.0.csv': rows('a') }).problems).toEqual([
      'releases/1.0.0.json:4: date: is written twice in one object; JSON keeps only the last, so say it once',
    ]);
    expect(read({ '1.0.0.json': record('1.0.1') }, { '1.0.0.csv': rows('a') }).problems).toEqual([
      'releases/1.0.0.json:2: version: must match the file name (1.0.0.json) (got "1.0.1")',
    ]);
  });

  it('name JSON that is not at the line of its error, and a record or manifest without the other', () => {
    expect(read({ '1.0.0.json': '{\n "version": "1.0.0",\n}\n' }, { '1.0.0.csv': rows('a') }).problems).toEqual([
      expect.stringMatching(/^releases\/1\.0\.0\.json:3: \(file\): is not valid JSON: /),
    ]);
    expect(read({ '1.0.0.json': record('1.0.0') }, { '2.0.0.csv': rows('a') }).problems).toEqual([
      'releases/1.0.0.csv:1: (file): missing: every release record has a manifest beside it',
      'releases/2.0.0.csv:1: (file): a manifest without its record releases/2.0.0.json',
    ]);
  });

  it('name, at the lines of the later record, a date before the release it follows and a version too small for its changes', () => {
    // written in another order than npm run release writes: the lines are those of this file
    const later = record('1.0.1', { date: '2025-12-01' })
      .replace(/^ "date": .*\n/m, '')
      .replace(' "splits": []', ' "splits": [],\n "date": "2025-12-01"');
    const dateLine = later.split('\n').findIndex((l) => l.includes('"date"')) + 1;
    expect(dateLine).toBeGreaterThan(10);
    const { history, problems } = read({ '1.0.0.json': record('1.0.0'), '1.0.1.json': later }, { '1.0.0.csv': rows('a'), '1.0.1.csv': rows('a', 'b') });
    expect(history).toHaveLength(2);
    expect(problems).toEqual([
      'releases/1.0.1.json:2: version: its 1 changes since 1.0.0 need a minor version (1.1.0), not a patch one (got "1.0.1")',
      `releases/1.0.1.json:${dateLine}: date: is before the date of 1.0.0 (2026-01-01) (got "2025-12-01")`,
    ]);
  });

  it('hold the notes to the text rules of every published text', () => {
    const text = JSON.stringify({ version: '1.0.0', date: '2026-01-01', notes_zh: '首版', notes_en: 'First\u0007', columns: {}, metrics: {} }, null, 2);
    expect(read({ '1.0.0.json': text }, { '1.0.0.csv': rows('a') }).problems).toEqual([
      expect.stringMatching(/^releases\/1\.0\.0\.json:5: notes_en: contains the control character U\+0007/),
    ]);
  });
});
