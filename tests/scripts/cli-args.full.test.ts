// The scripts themselves: a bad number on the command line is one line and exit status 2, never a stack trace.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..');

/** Runs a script with arguments; its exit status and what it printed. */
function run(script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [join(REPO, 'scripts', script), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the scripts refuse a bad number in one line, without a stack trace', () => {
  it.each([
    ['synth.ts', ['--regions', '-1'], 'synth: --regions "-1": expected a whole number from 1 to'],
    ['synth.ts', ['--regions=-1'], 'synth: --regions "-1": expected a whole number'],
    ['synth.ts', ['--regions', '0x10'], 'synth: --regions "0x10": expected a whole number'],
    ['synth.ts', ['--regions', '0'], 'synth: --regions "0": expected'],
    ['synth.ts', ['--regions', '1e3'], 'synth: --regions "1e3": expected'],
    ['synth.ts', ['--regions', '99999999999999999999'], 'synth: --regions "99999999999999999999": expected'],
    ['synth.ts', ['--regions', '5000'], 'synth: --regions "5000": expected a whole number from 1 to 3302'],
    ['synth.ts', ['--regions', '2', '--years', '-2'], 'synth: --years "-2": expected a whole number from 1 to 30'],
    ['synth.ts', ['--regions', '2', '--metrics', '0x8'], 'synth: --metrics "0x8": expected'],
    ['synth.ts', ['--regions', '2', '--region', '3'], "synth: Unknown option '--region'"],
    ['synth.ts', [], 'synth: --regions N is required'],
    ['bench-tests.ts', ['--runs', '-3'], 'bench:tests: --runs "-3": expected a whole number from 1 to 100'],
    ['map-boundaries.ts', ['--budget', '1e6'], 'maps:data: --budget "1e6": expected a whole number'],
    ['bench-scale.ts', ['--levels', '0x1'], 'bench:scale: --levels "0x1": expected a decimal number'],
    ['bench-scale.ts', ['--site-levels', '-0.01'], 'bench:scale: --site-levels "-0.01": expected a decimal number'],
    ['bench-scale.ts', ['--timeout-min', '0'], 'bench:scale: --timeout-min "0": expected a whole number from 1 to 1440'],
    ['bench-extract.ts', ['--json'], 'bench:extract: --json: needs a value'],
    ['extract.ts', ['--out'], 'extract: --out: needs a value'],
    ['screenshots.ts', ['--dist', 'no-such-site'], 'screenshots: --dist no-such-site: no built site there'],
    ['screenshots.ts', ['--out'], 'screenshots: --out: needs a value'],
  ])('%s %j', (script, args, message) => {
    const r = run(script, args);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('bench with BENCH_RUNS=-1', () => {
    const r = run('bench.ts', [], { BENCH_RUNS: '-1' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('bench: BENCH_RUNS "-1": expected a whole number from 1 to 100, in decimal digits');
  });
});
