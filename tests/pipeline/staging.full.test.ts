// npm run data killed half-way leaves <out>.staging-<pid>; the next run removes it, so it never reaches dist/.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleStaging } from '../../src/pipeline/staging.ts';
import { writeDataset } from '../fixtures/dataset.ts';

/** The id of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

describe('staging folders of killed runs', () => {
  it('are found by name and by whether their run still runs', () => {
    const running = (pid: number) => pid === 2;
    expect(staleStaging(['data', 'data.staging-1', 'data.staging-2', 'data.previous-3', 'other.staging-4', 'data.staging-x'], 'data', running)).toEqual([
      'data.staging-1',
      'data.previous-3',
    ]);
  });

  it('are removed by the next npm run data, and a killed run leaves the previous output whole', async () => {
    const data = writeDataset();
    const parent = mkdtempSync(join(tmpdir(), 'atlas-public-'));
    const out = join(parent, 'data');
    const env = { ...process.env, DATA_DIR: data, OUT_DIR: out };
    expect(spawnSync(process.execPath, ['scripts/build-data.ts'], { env }).status).toBe(0);
    const before = readdirSync(out).sort();
    // a run killed as soon as its staging folder exists
    const run = spawn(process.execPath, ['scripts/build-data.ts'], { env });
    const staging = join(parent, `data.staging-${run.pid}`);
    for (let i = 0; i < 400 && !existsSync(staging); i++) await new Promise((r) => setTimeout(r, 5));
    run.kill('SIGKILL');
    await new Promise((r) => run.on('exit', r));
    // and one from an earlier killed run, half-written
    const old = join(parent, `data.staging-${deadPid()}`);
    mkdirSync(old);
    writeFileSync(join(old, 'observations.csv'), 'observation_id\n');
    expect(readdirSync(out).sort()).toEqual(before);
    expect(spawnSync(process.execPath, ['scripts/build-data.ts'], { env }).status).toBe(0);
    expect(readdirSync(parent)).toEqual(['data']);
  });
});
