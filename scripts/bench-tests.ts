// npm run bench:tests — how long the test tiers take on this machine, with the load they ran under (the machine may
// be shared): the fast tier (npm run test:unit) by default; --full also the whole of npm test in this checkout
// (type check, lint, format check and every tier, the site build included); --runs N repeats each and reports the
// median. Figures only: a slow run fails nothing.
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { commandLine, usageErrors, wholeNumber } from './lib/args.ts';

const { full, runs } = usageErrors('bench:tests', () => {
  const { values } = commandLine({ full: { type: 'boolean', default: false }, runs: { type: 'string', default: '1' } });
  return { full: values.full!, runs: wholeNumber('--runs', values.runs, 1, 100) };
});

const npm = process.env.npm_execpath;
const tiers: [string, string[]][] = [['npm run test:unit', ['run', 'test:unit']]];
if (full) tiers.push(['npm test', ['run', 'test:all']]);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
let failed = false;
for (const [name, args] of tiers) {
  const seconds: number[] = [];
  const loads: number[] = [];
  for (let i = 0; i < runs; i++) {
    const load = loadavg()[0]!;
    const start = performance.now();
    const run = npm ? spawnSync(process.execPath, [npm, ...args], { stdio: 'ignore' }) : spawnSync('npm', args, { stdio: 'ignore' });
    seconds.push((performance.now() - start) / 1000);
    loads.push((load + loadavg()[0]!) / 2);
    if (run.status !== 0) {
      console.error(`${name} failed (exit ${run.status}): run it alone to see why`);
      failed = true;
    }
  }
  console.log(
    `${name}: ${median(seconds).toFixed(1)} s (${runs === 1 ? '1 run' : `median of ${runs}: ${seconds.map((s) => s.toFixed(1)).join(', ')}`}; load average ${median(loads).toFixed(1)} on ${availableParallelism()} cores)`,
  );
}
process.exit(failed ? 1 : 0);
