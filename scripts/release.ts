// npm run release -- --version 2.1.0 --date 2026-12-15 --notes-en "…" --notes-zh "…"
// Records a release of data/: its manifest (data/releases/<version>.csv: every observation id with a content
// hash and the fields a changelog names) and its record (<version>.json: date, notes, columns, metric definition
// hashes). Refuses a version that is not above the latest release or smaller than its changes need (a split or a
// redefined metric is major, new rows minor, corrections patch), and a date before the latest release's.
// --from-published DIR records a release from an already published public/data folder (observations.csv,
// metrics.csv, datapackage.json), e.g. one compiled from an earlier commit, to seed the history.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { readDataset } from '../src/pipeline/read.ts';
import { compileDataset } from '../src/pipeline/compile.ts';
import { formatProblem } from '../src/pipeline/problems.ts';
import { textProblem } from '../src/model/text-rules.ts';
import { typedRecord } from '../src/model/columns.ts';
import {
  bumpBetween,
  changelog,
  compareVersions,
  manifestCsv,
  manifestRow,
  parseVersion,
  releaseRecord,
  releaseState,
  requiredBump,
  nextVersion,
  type ManifestRow,
  type State,
} from '../src/pipeline/release.ts';

const { values } = parseArgs({
  options: {
    version: { type: 'string' },
    date: { type: 'string' },
    'notes-en': { type: 'string', default: '' },
    'notes-zh': { type: 'string', default: '' },
    'from-published': { type: 'string' },
  },
});
const fail = (message: string): never => {
  console.error(`release: ${message}`);
  process.exit(2);
};
const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const version = values.version ?? fail('usage: npm run release -- --version X.Y.Z --date YYYY-MM-DD [--notes-en …] [--notes-zh …]');
const date = values.date ?? fail('--date YYYY-MM-DD is required: the release date is recorded, never read from the clock');
if (!parseVersion(version)) fail(`--version ${version}: not a semantic version X.Y.Z`);
if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) fail(`--date ${date}: not a date YYYY-MM-DD`);
for (const [option, field] of [
  ['notes-en', 'notes_en'],
  ['notes-zh', 'notes_zh'],
] as const) {
  const problem = textProblem(field, values[option]);
  if (problem) fail(`--${option}: ${problem}`);
}

function fromPublished(dir: string): State {
  const table = (name: 'observations' | 'metrics') =>
    Papa.parse<Record<string, string>>(readFileSync(join(dir, `${name}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => ({
      ...typedRecord(name, r),
      ...Object.fromEntries(
        Object.keys(r)
          .filter((k) => !(k in typedRecord(name, r)))
          .map((k) => [k, r[k]]),
      ),
    }));
  const pkg = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as {
    resources: { name: string; format?: string; schema: { fields: { name: string }[] } }[];
  };
  const columns = Object.fromEntries(
    pkg.resources.filter((r) => (r.format ?? 'csv') === 'csv' && r.name !== 'changes').map((r) => [r.name, r.schema.fields.map((f) => f.name)]),
  );
  const manifest = new Map<string, ManifestRow>();
  // columns an older release did not have are absent from its rows, not empty values
  for (const o of table('observations'))
    manifest.set(String(o.observation_id), manifestRow(Object.fromEntries(Object.entries(o).filter(([k]) => columns.observations!.includes(k)))));
  const metrics = table('metrics').map((m) => Object.fromEntries(Object.entries(m).filter(([k]) => columns.metrics!.includes(k))));
  return releaseState(manifest, metrics, columns);
}

function fromData(): State {
  const { compiled, problems } = compileDataset(readDataset(dataDir));
  if (!compiled) {
    for (const p of problems) console.error(formatProblem(p));
    fail(`${problems.length} problems in ${dataDir}: fix them before recording a release`);
  }
  return releaseState(new Map(compiled!.observations.map((o) => [o.observation_id, manifestRow(o)])), compiled!.metrics);
}

const current = values['from-published'] ? fromPublished(resolve(values['from-published'])) : fromData();
const { compiled } = compileDataset(readDataset(dataDir));
const history = compiled?.releases ?? [];
const latest = history.at(-1);
if (latest) {
  if (compareVersions(version, latest.version) <= 0) fail(`--version ${version}: not above the latest release ${latest.version}`);
  if (date < latest.date) fail(`--date ${date}: before the latest release's date ${latest.date}`);
  const entries = changelog(latest, current);
  if (!entries.length) fail(`the data are release ${latest.version} already: nothing to release`);
  const need = requiredBump(entries);
  const made = bumpBetween(latest.version, version);
  if (['none', 'patch', 'minor', 'major'].indexOf(made) < ['none', 'patch', 'minor', 'major'].indexOf(need)) {
    fail(`${entries.length} changes since ${latest.version} need a ${need} version (${nextVersion(latest.version, need)}); ${version} is a ${made} one`);
  }
  console.log(`${entries.length} changes since ${latest.version} (${need})`);
}
const dir = join(dataDir, 'releases');
mkdirSync(dir, { recursive: true });
if (existsSync(join(dir, `${version}.json`))) fail(`${join(dir, `${version}.json`)} exists`);
const record = releaseRecord(version, date, { zh: values['notes-zh']!, en: values['notes-en']! }, current);
// one key a line: a later diff of the record shows which metric changed
writeFileSync(join(dir, `${version}.json`), `${JSON.stringify(record, null, 1)}\n`);
writeFileSync(join(dir, `${version}.csv`), manifestCsv([...current.manifest.values()].sort((a, b) => (a.observation_id < b.observation_id ? -1 : 1))));
console.log(`release ${version} (${date}): ${current.manifest.size} rows → ${dir}/${version}.json, ${version}.csv`);
