// npm run bench:tests — how long the test tiers take on this machine, with the load they ran under (the machine may
// be shared): the fast tier (npm run test:unit) and the whole of npm test in this checkout (type check, lint,
// format check and every tier, the site builds included), each with its slowest test files. --only unit or
// --only full times one of the two; --runs N repeats each and reports the median. Figures only: a slow run fails
// nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { commandLine, UsageError, usageErrors, wholeNumber } from './lib/args.ts';

const { only, runs } = usageErrors('bench:tests', () => {
  const { values } = commandLine({ only: { type: 'string' }, runs: { type: 'string', default: '1' } });
  if (values.only !== undefined && !['unit', 'full'].includes(values.only)) throw new UsageError(`--only ${values.only}: unit or full`);
  return { only: values.only, runs: wholeNumber('--runs', values.runs, 1, 100) };
});

// vitest's JSON report names each file's start and end; the arguments go to the vitest run that ends each script
const tiers = [
  { key: 'unit', name: 'npm run test:unit', script: 'test:unit' },
  { key: 'full', name: 'npm test', script: 'test:all' },
].filter((t) => !only || t.key === only);
type Report = { testResults: { name: string; startTime: number; endTime: number }[] };

const npm = process.env.npm_execpath;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const work = mkdtempSync(join(tmpdir(), 'atlas-bench-tests-'));
let failed = false;
for (const tier of tiers) {
  const seconds: number[] = [];
  const loads: number[] = [];
  let files: Report['testResults'] = [];
  for (let i = 0; i < runs; i++) {
    const report = join(work, `${tier.key}-${i}.json`);
    const args = ['run', tier.script, '--', '--reporter=json', `--outputFile=${report}`];
    const load = loadavg()[0]!;
    const start = performance.now();
    const run = npm ? spawnSync(process.execPath, [npm, ...args], { stdio: 'ignore' }) : spawnSync('npm', args, { stdio: 'ignore' });
    seconds.push((performance.now() - start) / 1000);
    loads.push((load + loadavg()[0]!) / 2);
    if (run.status !== 0) {
      console.error(`${tier.name} failed (exit ${run.status}): run it alone to see why`);
      failed = true;
    }
    try {
      files = (JSON.parse(readFileSync(report, 'utf8')) as Report).testResults;
    } catch {
      // the run stopped before vitest wrote its report (the type check or lint failed)
    }
  }
  console.log(
    `${tier.name}: ${median(seconds).toFixed(1)} s (${runs === 1 ? '1 run' : `median of ${runs}: ${seconds.map((s) => s.toFixed(1)).join(', ')}`}; load average ${median(loads).toFixed(1)} on ${availableParallelism()} cores)`,
  );
  const slowest = [...files].sort((a, b) => b.endTime - b.startTime - (a.endTime - a.startTime)).slice(0, 8);
  for (const f of slowest) console.log(`  ${((f.endTime - f.startTime) / 1000).toFixed(1).padStart(6)} s  ${relative(process.cwd(), f.name)}`);
}
rmSync(work, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
