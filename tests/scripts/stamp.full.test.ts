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
});
