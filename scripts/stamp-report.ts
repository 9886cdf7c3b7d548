// npm run stamp -- <report_id> [...]: records the SHA-256 of the snapshot and of source.txt in report.json, once a
// curator has reviewed the cut. The compile step then refuses any later silent change to either file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sha256 } from '../src/pipeline/provenance.ts';

const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const ids = process.argv.slice(2);
if (!ids.length) {
  console.error('usage: npm run stamp -- <report_id> [<report_id> …]');
  process.exit(2);
}
for (const id of ids) {
  const folder = join(dataDir, 'reports', id);
  const jsonPath = join(folder, 'report.json');
  const report = JSON.parse(readFileSync(jsonPath, 'utf8'));
  report.seed_sha256 = sha256(readFileSync(join(dataDir, 'snapshots', report.seed_file), 'utf8'));
  report.source_sha256 = sha256(readFileSync(join(folder, 'source.txt'), 'utf8'));
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`${id}: seed ${report.seed_sha256.slice(0, 12)}…, source ${report.source_sha256.slice(0, 12)}…`);
}
