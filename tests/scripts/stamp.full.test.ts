// npm run stamp with ids that are not reports, and with files reached through symbolic links.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDataset } from '../fixtures/dataset.ts';

const stamp = (dir: string, ...ids: string[]) =>
  spawnSync(process.execPath, ['scripts/stamp-report.ts', ...ids], { env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8' });

describe('npm run stamp', () => {
  it('says which id is unknown or not an id, without a stack trace', () => {
    const dir = writeDataset();
    const result = stamp(dir, 'no-such-report', '../004-zhangdian-2019', '004-zhangdian-2019');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`stamp: no report "no-such-report": ${join(dir, 'reports', 'no-such-report', 'report.json')} does not exist`);
    expect(result.stderr).toContain('stamp: "../004-zhangdian-2019" is not a report id (like 004-zhangdian-2019)');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toMatch(/^004-zhangdian-2019: seed /);
  });

  it('refuses a snapshot or source.txt that is a symbolic link, and leaves report.json as it was', () => {
    const dir = writeDataset();
    const outside = join(tmpdir(), `atlas-stamp-outside-${process.pid}.txt`);
    writeFileSync(outside, 'not part of the project\n');
    const source = join(dir, 'reports', '004-zhangdian-2019', 'source.txt');
    rmSync(source);
    symlinkSync(outside, source);
    const before = readFileSync(join(dir, 'reports', '004-zhangdian-2019', 'report.json'), 'utf8');
    const result = stamp(dir, '004-zhangdian-2019');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`stamp: ${source} is a symbolic link (or inside one); data/ holds real files only: copy the file in`);
    expect(readFileSync(join(dir, 'reports', '004-zhangdian-2019', 'report.json'), 'utf8')).toBe(before);
  });

  it('changes only the two checksums: a 20-digit number, 1e400, the key order and the layout stay as written', () => {
    const dir = writeDataset();
    const path = join(dir, 'reports', '004-zhangdian-2019', 'report.json');
    const written = readFileSync(path, 'utf8')
      .replace(/"seed_sha256": "[0-9a-f]+"/, '"seed_sha256": "stale"')
      .replace(/"source_sha256": "[0-9a-f]+"/, '"source_sha256":"stale"')
      .replace('"notes_en": ""', '"notes_en": "",\n    "x_count": 12345678901234567890, "x_big": 1e400');
    writeFileSync(path, written);
    expect(stamp(dir, '004-zhangdian-2019').status).toBe(0);
    const stamped = readFileSync(path, 'utf8');
    const sums = JSON.parse(stamped) as { seed_sha256: string; source_sha256: string };
    expect(sums.seed_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stamped).toBe(written.replace('"stale"', JSON.stringify(sums.seed_sha256)).replace('"stale"', JSON.stringify(sums.source_sha256)));
  });

  it('refuses a report.json with a key written twice instead of dropping one', () => {
    const dir = writeDataset();
    const path = join(dir, 'reports', '004-zhangdian-2019', 'report.json');
    const written = readFileSync(path, 'utf8').replace('"kind": "annual_summary",', '"kind": "annual_summary",\n  "kind": "plan",');
    writeFileSync(path, written);
    const result = stamp(dir, '004-zhangdian-2019');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`stamp: ${path}:9: kind: is written twice in one object`);
    expect(readFileSync(path, 'utf8')).toBe(written);
  });
});
