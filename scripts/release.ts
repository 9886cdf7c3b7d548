// npm run release -- --version 2.1.0 --date 2026-12-15 --notes-en "…" --notes-zh "…"
// Records a release of data/: its manifest (data/releases/<version>.csv: every observation id with a content
// hash and the fields a changelog names) and its record (<version>.json: date, notes, columns, metric definition
// hashes). Refuses a version that is not above the latest release or smaller than its changes need (a split or a
// redefined metric is major, new rows minor, corrections patch), and a date before the latest release's; every
// reason in one run.
// --from-published DIR records a release from an already published public/data folder (observations.csv,
// metrics.csv, datapackage.json), e.g. one compiled from an earlier commit, to seed the history.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readDataset } from '../src/pipeline/read.ts';
import { compileDataset } from '../src/pipeline/compile.ts';
import { formatProblem, shownValue } from '../src/pipeline/problems.ts';
import { requiredBump } from '../src/pipeline/release/changelog.ts';
import { manifestCsv, manifestRow, releaseState } from '../src/pipeline/release/manifest.ts';
import { publishedState } from '../src/pipeline/release/published.ts';
import { newReleaseProblems, releaseRecord } from '../src/pipeline/release/versioning.ts';

const { values } = parseArgs({
  options: {
    version: { type: 'string' },
    date: { type: 'string' },
    'notes-en': { type: 'string', default: '' },
    'notes-zh': { type: 'string', default: '' },
    'from-published': { type: 'string' },
  },
});
const fail = (messages: string[]): never => {
  for (const message of messages) console.error(`release: ${message}`);
  process.exit(2);
};
const dataDir = resolve(process.env.DATA_DIR ?? 'data');
if (values.version === undefined || values.date === undefined)
  fail([
    'usage: npm run release -- --version X.Y.Z --date YYYY-MM-DD [--notes-en …] [--notes-zh …]',
    ...(values.date === undefined ? ['--date YYYY-MM-DD is required: the release date is recorded, never read from the clock'] : []),
  ]);
const wanted = { version: values.version!, date: values.date!, notes_zh: values['notes-zh']!, notes_en: values['notes-en']! };

const { compiled, problems } = compileDataset(readDataset(dataDir));
if (!compiled) {
  for (const p of problems) console.error(formatProblem(p));
  fail([`${problems.length} problems in ${dataDir}: fix them before recording a release`]);
}
const current = values['from-published']
  ? publishedState(resolve(values['from-published']))
  : releaseState(new Map(compiled!.observations.map((o) => [o.observation_id, manifestRow(o)])), compiled!.metrics);
const latest = compiled!.releases.at(-1);
const { problems: refused, entries } = newReleaseProblems(compiled!.releases, current, wanted);
const dir = join(dataDir, 'releases');
const recordPath = join(dir, `${wanted.version}.json`);
if (existsSync(recordPath)) refused.push({ field: 'version', message: `${recordPath} exists` });
// each reason at the option that gives the field
const option = (field: string) => `--${field.replace('_', '-')}`;
if (refused.length) fail(refused.map((p) => `${option(p.field)} ${shownValue(wanted[p.field as keyof typeof wanted] ?? p.got)}: ${p.message}`));
if (latest) console.log(`${entries.length} changes since ${latest.version} (${requiredBump(entries)})`);

mkdirSync(dir, { recursive: true });
const record = releaseRecord(wanted.version, wanted.date, { zh: wanted.notes_zh, en: wanted.notes_en }, current);
// one key a line: a later diff of the record shows which metric changed
writeFileSync(recordPath, `${JSON.stringify(record, null, 1)}\n`);
writeFileSync(join(dir, `${wanted.version}.csv`), manifestCsv([...current.manifest.values()].sort((a, b) => (a.observation_id < b.observation_id ? -1 : 1))));
console.log(`release ${wanted.version} (${wanted.date}): ${current.manifest.size} rows → ${dir}/${wanted.version}.json, ${wanted.version}.csv`);
