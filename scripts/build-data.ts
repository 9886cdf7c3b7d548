// npm run data — compile data/ into public/data/. DATA_DIR and OUT_DIR point it elsewhere (tests, synthetic data).
// Reports are compiled and written one at a time (compileStream), so a national dataset fits in memory.
import { resolve } from 'node:path';
import { openDataset } from '../src/pipeline/read.ts';
import { compileStream, type DatasetTables } from '../src/pipeline/compile.ts';
import { DatasetEmitter, StagedOutput } from '../src/pipeline/publish.ts';
import { formatProblem } from '../src/pipeline/problems.ts';
import type { CompiledReport } from '../src/pipeline/compile.ts';
import type { Observation } from '../src/model/observation.ts';

const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const outDir = resolve(process.env.OUT_DIR ?? 'public/data');
const started = performance.now();
const staged = new StagedOutput(outDir);
const emitter = new DatasetEmitter(staged);
let flagged = 0;
let regions = 0;
let metrics = 0;
let result: ReturnType<typeof compileStream>;
try {
  result = compileStream(openDataset(dataDir), {
    report(report: CompiledReport, observations: readonly Observation[]) {
      for (const o of observations) if (o.flags.some((f) => f.startsWith('inconsistent_') || f === 'garbled_in_source')) flagged++;
      emitter.report(report, observations);
    },
    end(tables: DatasetTables) {
      regions = tables.regions.length;
      metrics = tables.metrics.length;
      emitter.end(tables);
    },
  });
} catch (error) {
  staged.abort();
  throw error;
}
if (result.problems.length) {
  staged.abort();
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error(`\n${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${dataDir}; ${outDir} was left as it was.`);
  process.exit(1);
}
staged.commit();
console.log(
  `${result.observations} observations (${result.derived} derived, ${flagged} flagged) ` +
    `from ${result.reports} reports, ${regions} regions, ${metrics} metrics → ${outDir} ` +
    `in ${Math.round(performance.now() - started)} ms`,
);
