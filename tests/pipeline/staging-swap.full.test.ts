// A run of npm run data after one killed inside its swap puts the last complete copy back before anything else.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDataset } from '../fixtures/dataset.ts';
import { killedInSwapState as killedInSwap } from '../fixtures/staging.ts';

describe('npm run data after a run killed inside the swap', () => {
  it('never lets the next run, given bad data, delete the only complete copy', () => {
    const { parent, out } = killedInSwap();
    const bad = writeDataset({ figures: 'id\n' });
    const run = spawnSync(process.execPath, ['scripts/build-data.ts'], { env: { ...process.env, DATA_DIR: bad, OUT_DIR: out }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${out} was left as it was`);
    expect(readdirSync(parent)).toEqual(['data']);
    expect(readFileSync(join(out, 'observations.csv'), 'utf8')).toContain('last-complete');
  });
});
