// Dataset releases: the changelog a researcher reads against the previous release, the version it needs, and the
// release files a curator can get wrong.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileDataset } from '../../src/pipeline/compile.ts';
import { readDataset } from '../../src/pipeline/read.ts';
import { formatProblem } from '../../src/pipeline/problems.ts';
import { outputFiles } from '../../src/pipeline/publish.ts';
import { nextVersion } from '../../src/model/release.ts';
import { changelog, requiredBump, type Entry } from '../../src/pipeline/release/changelog.ts';
import { readReleases } from '../../src/pipeline/release/history.ts';
import { manifestRow, releaseState } from '../../src/pipeline/release/manifest.ts';
import type { Versioning } from '../../src/pipeline/release/versioning.ts';
import { realDataset } from '../real-dataset.ts';

const REPO = process.cwd();
const scratch = () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'atlas-release-')), 'data');
  cpSync(join(REPO, 'data'), dir, { recursive: true });
  return dir;
};
const release = (dir: string) => {
  const { compiled, problems } = compileDataset(readDataset(dir, dir));
  expect(problems.map(formatProblem)).toEqual([]);
  const files = outputFiles(compiled!);
  return { release: JSON.parse(files.get('release.json')!) as Versioning, files };
};
const edit = (path: string, change: (text: string) => string) => writeFileSync(path, change(readFileSync(path, 'utf8')));
const runRelease = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['scripts/release.ts', ...args], { env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8' });
const recordDate = (dir: string, version: string) => JSON.parse(readFileSync(join(dir, 'releases', `${version}.json`), 'utf8')).date as string;

describe('the changelog against the latest release', () => {
  let dir: string;
  let split: { metric: string; row: string };
  // the release the edits below are compared with: the data as they are, recorded first if they have unreleased changes
  let base: { version: string; date: string };
  beforeAll(() => {
    dir = scratch();
    const current = release(dir).release;
    if (current.released) base = { version: current.version, date: current.date };
    else {
      base = { version: current.version.replace(/-draft$/, ''), date: recordDate(dir, current.previous) };
      const recorded = runRelease(dir, '--version', base.version, '--date', base.date);
      expect(recorded.status, recorded.stderr).toBe(0);
    }
    // 1. one value changed: 45340名 → 45341名 in the report's text as collected, its cut and its figure row
    const report = join(dir, 'reports', '002-hengfeng-2021');
    const seed = join(dir, 'snapshots', JSON.parse(readFileSync(join(report, 'report.json'), 'utf8')).seed_file);
    for (const path of [seed, join(report, 'source.txt'), join(report, 'figures.csv')]) edit(path, (t) => t.replaceAll('45340名', '45341名'));
    edit(join(report, 'figures.csv'), (t) => t.replace(/^(f022,[^,]*,[^,]*,[^,]*,)45340,/m, '$145341,'));
    const stamp = spawnSync(process.execPath, ['scripts/stamp-report.ts', '002-hengfeng-2021'], { env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8' });
    expect(stamp.status, stamp.stderr).toBe(0);
    // 2. one row deleted
    edit(join(dir, 'reports', '000-p1-anon-city', 'figures.csv'), (t) => t.replace(/^f024,.*\n/m, ''));
    // 3. one metric split: one row of a metric reported twice in a report moves to a new metric
    const figures = join(dir, 'reports', '004-zhangdian-2019', 'figures.csv');
    const rows = Papa.parse<Record<string, string>>(readFileSync(figures, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const referenced = rows.map((r) => r.check).join(' ');
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.metric_id!, (counts.get(r.metric_id!) ?? 0) + 1);
    const row = rows.find((r) => counts.get(r.metric_id!)! > 1 && !r.check && !referenced.includes(r.id!))!;
    split = { metric: row.metric_id!, row: `004-zhangdian-2019-${row.id}` };
    row.metric_id = `${split.metric}_part`;
    writeFileSync(figures, `${Papa.unparse(rows, { newline: '\n' })}\n`);
    edit(join(dir, 'metrics.csv'), (t) => {
      const line = t.split('\n').find((l) => l.startsWith(`${split.metric},`))!;
      return `${t.trimEnd()}\n${line.replace(`${split.metric},`, `${split.metric}_part,`)}\n`;
    });
  });

  it('lists exactly a changed value, a removed row and a split metric, and needs a major version', () => {
    const { release: r, files } = release(dir);
    expect(r.entries).toEqual<Entry[]>([
      { change: 'split', metric_id: split.metric, to: [split.metric, `${split.metric}_part`], rows: 1 },
      {
        change: 'changed',
        id: '002-hengfeng-2021-f022',
        metric_id: 'covid_nucleic_acid_tested',
        fields: [
          { field: 'value', old: '45340', new: '45341' },
          { field: 'quote', old: '', new: '' },
          { field: 'value_base', old: '', new: '' },
        ],
      },
      { change: 'removed', id: '000-p1-anon-city-f024', metric_id: 'municipal_first_class_kindergartens' },
    ]);
    const major = nextVersion(base.version, 'major');
    expect(r).toMatchObject({ version: `${major}-draft`, previous: base.version, released: false, date: '' });
    const changes = Papa.parse<Record<string, string>>(files.get('changes.csv')!, { header: true, skipEmptyLines: true }).data;
    expect(changes.find((c) => c.field === 'value')).toMatchObject({
      change: 'changed',
      observation_id: '002-hengfeng-2021-f022',
      old: '45340',
      new: '45341',
      previous_version: base.version,
    });
    expect(JSON.parse(files.get('datapackage.json')!).version).toBe(`${major}-draft`);
  });

  it('is recorded by npm run release, which refuses a version smaller than the changes need', () => {
    const [major, minor] = [nextVersion(base.version, 'major'), nextVersion(base.version, 'minor')];
    const day = (offset: number) => new Date(Date.parse(base.date) + offset * 86_400_000).toISOString().slice(0, 10);
    const refused = runRelease(dir, '--version', minor, '--date', day(1));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(
      new RegExp(`--version "${minor}": its \\d+ changes since ${base.version} need a major version \\(${major}\\), not a minor one`),
    );
    expect(runRelease(dir, '--version', major, '--date', day(-1)).stderr).toContain(
      `--date "${day(-1)}": is before the date of ${base.version} (${base.date})`,
    );
    expect(runRelease(dir, '--version', major, '--date', day(1)).status).toBe(0);
    const { release: r } = release(dir);
    // the released data: version and date of the record, the same changelog against the release before
    expect(r).toMatchObject({ version: major, date: day(1), previous: base.version, released: true });
    expect(r.entries.map((e) => e.change)).toEqual(['split', 'changed', 'removed']);
  });
});

describe('the real dataset', () => {
  const data = join(REPO, 'data');
  const history = readReleases(readDataset(data, data).releases!, []);
  const recorded = (version: string) => history.find((r) => r.version === version)!;

  it('is its latest release, or a draft of the version its changes since it need, as datapackage.json says', () => {
    const { release: r, files } = release(data);
    const latest = history.at(-1)!;
    if (r.released) expect(r).toMatchObject({ version: latest.version, date: latest.date });
    else expect(r).toMatchObject({ version: `${nextVersion(latest.version, requiredBump(r.entries))}-draft`, date: '', previous: latest.version });
    const pkg = JSON.parse(files.get('datapackage.json')!);
    expect(pkg.version).toBe(r.version);
    expect(pkg.created).toBe(r.date ? `${r.date}T00:00:00Z` : undefined);
    expect(pkg.resources.map((r: { path: string }) => r.path)).toContain('changes.csv');
  });

  it('keeps release 2.0.0 of 2026-12-01, whose changelog against 1.0.0 names the metric splits', () => {
    expect(recorded('2.0.0').date).toBe('2026-12-01');
    const entries = changelog(recorded('1.0.0'), recorded('2.0.0'));
    const splits = entries.filter((e) => e.change === 'split').map((e) => e as Extract<Entry, { change: 'split' }>);
    expect(splits).toContainEqual(expect.objectContaining({ metric_id: 'education_expenditure', to: ['education_expenditure', 'education_budget'] }));
    expect(splits).toContainEqual(expect.objectContaining({ metric_id: 'student_aid_amount', to: ['student_aid_amount', 'tuition_waiver_amount'] }));
    expect(entries).toContainEqual({ change: 'column_added', table: 'observations', column: 'scope_en' });
  });

  it('has, since 2.0.0, each prose column in two languages (_zh, _en) instead of one: a major change', () => {
    const { compiled } = realDataset();
    const current = releaseState(new Map(compiled!.observations.map((o) => [o.observation_id, manifestRow(o)])), compiled!.metrics);
    const entries = changelog(recorded('2.0.0'), current);
    const renamed = [
      ['observations', 'note'],
      ['observations', 'checks'],
      ['regions', 'reasoning'],
      ['reports', 'year_reasoning'],
      ['reports', 'notes'],
      ['reference', 'note'],
    ];
    for (const [table, column] of renamed) {
      expect(entries).toContainEqual({ change: 'column_removed', table, column });
      for (const language of ['zh', 'en']) expect(entries).toContainEqual({ change: 'column_added', table, column: `${column}_${language}` });
    }
    expect(requiredBump(entries)).toBe('major');
  });

  it('gives a row without prose the note hash it had in 2.0.0, and a row whose prose gained its Chinese a new one', () => {
    const { compiled } = realDataset();
    const old = recorded('2.0.0').manifest;
    const noteHash = (hash: string) => hash.slice(8, 16);
    const rows = compiled!.observations.filter((o) => old.has(o.observation_id));
    const bare = rows.filter((o) => !o.note_en && !o.checks_en && !o.inputs.length);
    const prose = rows.filter((o) => o.note_en && o.note_zh);
    expect(bare.length).toBeGreaterThan(20);
    expect(prose.length).toBeGreaterThan(500);
    for (const o of bare) expect(noteHash(manifestRow(o).hash), o.observation_id).toBe(noteHash(old.get(o.observation_id)!.hash));
    for (const o of prose) expect(noteHash(manifestRow(o).hash), o.observation_id).not.toBe(noteHash(old.get(o.observation_id)!.hash));
  });
});
