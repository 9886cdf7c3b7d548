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
import { changelog, type Entry, type Versioning } from '../../src/pipeline/release.ts';

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

const major = (version: string) => Number(version.split('.')[0]);
const runRelease = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['scripts/release.ts', ...args], { env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8' });

describe('the changelog against the latest release', () => {
  let dir: string;
  let split: { metric: string; row: string };
  /** The release the edits are measured against: the data as they stand, released in the scratch copy if they are a draft. */
  let base: string;
  beforeAll(() => {
    dir = scratch();
    const before = release(dir).release;
    base = before.version.replace(/-draft$/, '');
    if (!before.released) expect(runRelease(dir, '--version', base, '--date', '2026-12-02').status).toBe(0);
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
    const next = `${major(base) + 1}.0.0`;
    expect(r).toMatchObject({ version: `${next}-draft`, previous: base, released: false, date: '' });
    const changes = Papa.parse<Record<string, string>>(files.get('changes.csv')!, { header: true, skipEmptyLines: true }).data;
    expect(changes.find((c) => c.field === 'value')).toMatchObject({
      change: 'changed',
      observation_id: '002-hengfeng-2021-f022',
      old: '45340',
      new: '45341',
      previous_version: base,
    });
    expect(JSON.parse(files.get('datapackage.json')!).version).toBe(`${next}-draft`);
  });

  it('is recorded by npm run release, which refuses a version smaller than the changes need', () => {
    const run = (...args: string[]) => runRelease(dir, ...args);
    const next = `${major(base) + 1}.0.0`;
    const minorVersion = `${major(base)}.${Number(base.split('.')[1]) + 1}.0`;
    const minor = run('--version', minorVersion, '--date', '2026-12-03');
    expect(minor.status).toBe(2);
    expect(minor.stderr).toMatch(
      new RegExp(`need a major version \\(${next.replaceAll('.', '\\.')}\\); ${minorVersion.replaceAll('.', '\\.')} is a minor one`),
    );
    const latestDate = JSON.parse(readFileSync(join(dir, 'releases', `${base}.json`), 'utf8')).date;
    expect(run('--version', next, '--date', '2026-11-30').stderr).toMatch(new RegExp(`before the latest release's date ${latestDate}`));
    expect(run('--version', next, '--date', '2026-12-03').status).toBe(0);
    const { release: r } = release(dir);
    // the released data: version and date of the record, the same changelog against the release before
    expect(r).toMatchObject({ version: next, date: '2026-12-03', previous: base, released: true });
    expect(r.entries.map((e) => e.change)).toEqual(['split', 'changed', 'removed']);
  });
});

describe('the real dataset', () => {
  it('is its latest release, or a draft of the version its changes need, named in datapackage.json', () => {
    const { release: r, files } = release(join(REPO, 'data'));
    const latest = compileDataset(readDataset(join(REPO, 'data'))).compiled!.releases.at(-1)!;
    if (r.released) expect(r).toMatchObject({ version: latest.version, date: latest.date });
    else expect(r).toMatchObject({ version: expect.stringMatching(/-draft$/), previous: latest.version, date: '' });
    const pkg = JSON.parse(files.get('datapackage.json')!);
    expect(pkg.version).toBe(r.version);
    expect(pkg.created).toBe(r.date ? `${r.date}T00:00:00Z` : undefined);
  });

  it('has release 2.0.0 of 2026-12-01, whose changelog against 1.0.0 names the metric splits', () => {
    const { release: r, files } = release(join(REPO, 'data'));
    const history = compileDataset(readDataset(join(REPO, 'data'))).compiled!.releases;
    const [v1, v2] = [history.find((h) => h.version === '1.0.0')!, history.find((h) => h.version === '2.0.0')!];
    expect(v2.date).toBe('2026-12-01');
    const entries = changelog(v1, v2);
    const splits = entries.filter((e) => e.change === 'split').map((e) => e as Extract<Entry, { change: 'split' }>);
    expect(splits).toContainEqual(expect.objectContaining({ metric_id: 'education_expenditure', to: ['education_expenditure', 'education_budget'] }));
    expect(splits).toContainEqual(expect.objectContaining({ metric_id: 'student_aid_amount', to: ['student_aid_amount', 'tuition_waiver_amount'] }));
    expect(entries).toContainEqual({ change: 'column_added', table: 'observations', column: 'scope_en' });
    // the published changelog: against the latest release, or, once the data are released, against the one before
    expect(r.entries.length).toBeGreaterThan(0);
    const pkg = JSON.parse(files.get('datapackage.json')!);
    expect(pkg.resources.map((r: { path: string }) => r.path)).toContain('changes.csv');
  });
});

describe('release files a curator can get wrong', () => {
  const problems = (change: (dir: string) => void) => {
    const dir = scratch();
    change(dir);
    return compileDataset(readDataset(dir, dir)).problems.map(formatProblem);
  };

  it('names the file, line and field of a bad manifest line, a bad date and a version too small for its changes', () => {
    expect(problems((d) => edit(join(d, 'releases', '2.0.0.csv'), (t) => t.replace(/^(000-p1-anon-city-f001,)[0-9a-f]{32}/m, '$1xyz')))).toEqual([
      expect.stringMatching(/^releases\/2\.0\.0\.csv:2: hash: must be 32 lower-case hex digits \(got "xyz"\)$/),
    ]);
    expect(problems((d) => edit(join(d, 'releases', '2.0.0.json'), (t) => t.replace('"2026-12-01"', '"1 Dec"')))[0]).toMatch(
      /^releases\/2\.0\.0\.json:3: date: must be a date YYYY-MM-DD/,
    );
    // 2.0.0 splits metrics: recorded as a minor release of 1.0.0, it is refused
    const minor = problems((d) => {
      for (const ext of ['json', 'csv']) cpSync(join(d, 'releases', `2.0.0.${ext}`), join(d, 'releases', `1.1.0.${ext}`));
      edit(join(d, 'releases', '1.1.0.json'), (t) => t.replace('"version": "2.0.0"', '"version": "1.1.0"'));
      spawnSync('rm', [join(d, 'releases', '2.0.0.json'), join(d, 'releases', '2.0.0.csv')]);
    });
    expect(minor).toEqual([
      expect.stringMatching(/^releases\/1\.1\.0\.json:1: version: its changes since 1\.0\.0 need a major version \(2\.0\.0\), not a minor one/),
    ]);
  });
});
