// npm run stamp -- <report_id> [...]: records the SHA-256 of the snapshot and of source.txt in report.json, once a
// curator has reviewed the cut. The compile step then refuses any later silent change to either file.
import { existsSync, realpathSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sha256 } from '../src/lib/hash.ts';
import { readDataFile } from '../src/pipeline/read.ts';
import { jsonErrorLine } from '../src/pipeline/validate.ts';
import { jsonShapeProblems } from '../src/lib/json-lines.ts';

const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const ids = process.argv.slice(2);
if (!ids.length) {
  console.error('usage: npm run stamp -- <report_id> [<report_id> …]');
  process.exit(2);
}
const root = existsSync(dataDir) ? realpathSync(dataDir) : dataDir;
let failed = 0;
const fail = (message: string) => {
  console.error(`stamp: ${message}`);
  failed++;
};
for (const id of ids) {
  // an id names a folder of data/reports/, never a path: "../x" would stamp (and read) outside it
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    fail(`"${id}" is not a report id (like 004-zhangdian-2019)`);
    continue;
  }
  const folder = join(dataDir, 'reports', id);
  const jsonPath = join(folder, 'report.json');
  if (!existsSync(jsonPath)) {
    fail(`no report "${id}": ${jsonPath} does not exist`);
    continue;
  }
  // the checksums are of the files as the compile step reads them: UTF-8, no symbolic links
  const read = (path: string): string | null => {
    if (!existsSync(path)) {
      fail(`${path} does not exist`);
      return null;
    }
    const file = readDataFile(path, dataDir, root);
    if (file.problem !== undefined) {
      fail(`${path} ${file.problem}`);
      return null;
    }
    return file.text;
  };
  const jsonText = read(jsonPath);
  if (jsonText === null) continue;
  let report: Record<string, unknown>;
  try {
    report = JSON.parse(jsonText);
  } catch (error) {
    fail(`${jsonPath}:${jsonErrorLine(jsonText, (error as Error).message)}: not valid JSON: ${(error as Error).message}`);
    continue;
  }
  const shape = jsonShapeProblems(jsonText);
  if (shape.length || !report || typeof report !== 'object' || Array.isArray(report)) {
    const [p] = shape;
    fail(p ? `${jsonPath}:${p.line}: ${p.key ?? '(file)'}: ${p.message}` : `${jsonPath}: is not a JSON object`);
    continue;
  }
  const seedFile = report.seed_file;
  if (typeof seedFile !== 'string' || !/^\d{3}_[0-9a-f]+\.txt$/.test(seedFile)) {
    fail(`${jsonPath}: seed_file must name a file of data/snapshots/ (got ${JSON.stringify(seedFile)})`);
    continue;
  }
  const seed = read(join(dataDir, 'snapshots', seedFile));
  const source = read(join(folder, 'source.txt'));
  if (seed === null || source === null) continue;
  const sums = { seed_sha256: sha256(seed), source_sha256: sha256(source) };
  // Only the two checksums change: the rest of the file stays as the curator wrote it, byte for byte (parsing and
  // writing it again would round a 20-digit number, turn 1e400 into null and drop a key written twice).
  const stamped = Object.entries(sums).reduce((text, [key, value]) => withStringValue(text, key, value, key in report), jsonText);
  try {
    writeFileSync(jsonPath, stamped);
  } catch (error) {
    fail(`${jsonPath}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    continue;
  }
  console.log(`${id}: seed ${sums.seed_sha256.slice(0, 12)}…, source ${sums.source_sha256.slice(0, 12)}…`);
}
if (failed) process.exit(1);

/** The JSON text of a flat object with `key` set to the string `value`: its value replaced where written, else added first. */
function withStringValue(text: string, key: string, value: string, present: boolean): string {
  const written = new RegExp(`("${key}"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|null|true|false|-?[0-9][0-9.eE+-]*)`);
  if (present && written.test(text)) return text.replace(written, (_, head: string) => `${head}${JSON.stringify(value)}`);
  const indent = /\{\s*?\n(\s*)"/.exec(text)?.[1] ?? '  ';
  return /^\s*\{\s*\}\s*$/.test(text)
    ? `{\n${indent}${JSON.stringify(key)}: ${JSON.stringify(value)}\n}\n`
    : text.replace(/\{/, `{\n${indent}${JSON.stringify(key)}: ${JSON.stringify(value)},`);
}
