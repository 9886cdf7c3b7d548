// npm run data replaces its output folder whole: an OUT_DIR that is the data folder, inside it or around it is
// refused before anything is written, so that the curated data is never replaced by compiled files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDataset } from '../fixtures/dataset.ts';

const compile = (dataDir: string, outDir: string) =>
  spawnSync(process.execPath, ['scripts/build-data.ts'], { env: { ...process.env, DATA_DIR: dataDir, OUT_DIR: outDir }, encoding: 'utf8' });

describe('npm run data with an output folder over the data', () => {
  it.each([
    ['the data folder', (d: string) => d, 'is the data folder'],
    ['a folder inside it', (d: string) => join(d, 'reports'), 'is inside the data folder'],
    ['the folder around it', (d: string) => dirname(d), 'is a folder the data folder is in'],
    ['a new folder inside it', (d: string) => join(d, 'out', 'data'), 'is inside the data folder'],
  ])('refuses %s and leaves the data as it was', (_, out, message) => {
    const dir = writeDataset();
    const before = readdirSync(dir).sort();
    const run = compile(dir, out(dir));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(existsSync(join(dir, 'reports', '004-zhangdian-2019', 'figures.csv'))).toBe(true);
  });

  it('sees through a symbolic link to the data folder', () => {
    const dir = writeDataset();
    const link = `${dir}-link`;
    symlinkSync(dir, link);
    mkdirSync(join(dir, 'public'));
    const run = compile(link, join(dir, 'public', 'data'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is inside the data folder');
  });

  it('names a data folder that does not exist, in one line', () => {
    const dir = writeDataset();
    const run = compile(join(dir, 'nowhere'), join(dir, '..', 'out'));
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(`DATA_DIR ${join(dir, 'nowhere')}: no such folder; ${join(dir, '..', 'out')} was left as it was`);
  });
});

describe('npm run data where its output cannot be written', () => {
  it('says why in one line, naming the folder, with no stack trace', () => {
    const dir = writeDataset();
    // a file where a folder of the output's path should be: ENOTDIR, as a read-only or full disk gives EROFS or ENOSPC
    const file = join(dir, '..', `not-a-folder-${process.pid}`);
    writeFileSync(file, '');
    const run = compile(dir, join(file, 'data'));
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      `npm run data: ${join(file, 'data')} cannot be written (a part of its path is a file, not a folder, ENOTDIR); the previous output was left as it was`,
    ]);
  });
});
