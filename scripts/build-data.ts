// npm run data — compile data/ into public/data/. DATA_DIR and OUT_DIR point it elsewhere (tests, synthetic data).
import { resolve } from 'node:path';
import { readDataset } from '../src/pipeline/read.ts';
import { compileDataset } from '../src/pipeline/compile.ts';
import { outputFiles, writeAtomically } from '../src/pipeline/publish.ts';
import { formatProblem } from '../src/pipeline/problems.ts';

const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const outDir = resolve(process.env.OUT_DIR ?? 'public/data');
const started = performance.now();
const { compiled, problems } = compileDataset(readDataset(dataDir));
if (!compiled) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dataDir}; ${outDir} was left as it was.`);
  process.exit(1);
}
writeAtomically(outDir, outputFiles(compiled));
const flagged = compiled.observations.filter((o) => o.flags.some((f) => f.startsWith('inconsistent_') || f === 'garbled_in_source')).length;
console.log(
  `${compiled.observations.length} observations (${compiled.observations.filter((o) => o.kind === 'derived').length} derived, ${flagged} flagged) ` +
    `from ${compiled.reports.length} reports, ${compiled.regions.length} regions, ${compiled.metrics.length} metrics → ${outDir} ` +
    `in ${Math.round(performance.now() - started)} ms`,
);
