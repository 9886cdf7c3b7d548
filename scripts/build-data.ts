// npm run data — compile data/ into public/data/. DATA_DIR and OUT_DIR point it elsewhere (tests, synthetic data).
// Reports are compiled and written one at a time (compileStream), so a national dataset fits in memory. Reading,
// validating and proving run in a worker thread, serialising and writing in this one: each report is handed over as
// it is compiled, in order, so the output is what one thread writes, in about half the time on two cores.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { openDataset } from '../src/pipeline/read.ts';
import { compileStream, type CompiledReport, type DatasetTables } from '../src/pipeline/compile.ts';
import { DatasetEmitter } from '../src/pipeline/publish.ts';
import { StagedOutput } from '../src/pipeline/staging.ts';
import { formatProblem } from '../src/pipeline/problems.ts';
import type { Observation } from '../src/model/observation.ts';
import { isWarning } from '../src/vocab/flags.ts';
import { writeError } from '../src/lib/write-error.ts';

type Result = ReturnType<typeof compileStream>;
type Message =
  { kind: 'report'; report: CompiledReport; observations: readonly Observation[] } | { kind: 'end'; tables: DatasetTables } | { kind: 'done'; result: Result };
/** Reports the compiling thread may run ahead of the writing one: bounds the memory held in messages. */
const AHEAD = 64;

if (isMainThread)
  await main().catch((error: unknown) => {
    // a full disk or a folder it may not write: one line, not a stack trace (the staged output is already undone)
    if (!(error as NodeJS.ErrnoException).code) throw error;
    const outDir = resolve(process.env.OUT_DIR ?? 'public/data');
    console.error(`npm run data: ${outDir} cannot be written (${writeError(error)}); the previous output was left as it was`);
    process.exit(1);
  });
else compileInWorker(workerData as { dataDir: string; written: Int32Array });

function compileInWorker({ dataDir, written }: { dataDir: string; written: Int32Array }): void {
  const port = parentPort!;
  let sent = 0;
  const result = compileStream(openDataset(dataDir), {
    report(report, observations) {
      port.postMessage({ kind: 'report', report, observations } satisfies Message);
      sent++;
      for (let done = Atomics.load(written, 0); sent - done > AHEAD; done = Atomics.load(written, 0)) Atomics.wait(written, 0, done, 1000);
    },
    end(tables) {
      port.postMessage({ kind: 'end', tables } satisfies Message);
    },
  });
  port.postMessage({ kind: 'done', result } satisfies Message);
}

async function main(): Promise<void> {
  const dataDir = resolve(process.env.DATA_DIR ?? 'data');
  const outDir = resolve(process.env.OUT_DIR ?? 'public/data');
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    console.error(`DATA_DIR ${dataDir}: no such folder; ${outDir} was left as it was`);
    process.exit(2);
  }
  // The output folder is replaced whole: one that is the data folder, inside it or around it would replace the
  // curated data with the compiled files.
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : `${outer}${sep}`);
  const real = (path: string) => (existsSync(path) ? realpathSync(path) : path);
  const [out, data] = [real(outDir), real(dataDir)];
  if (within(out, data) || within(data, out)) {
    const where = out === data ? 'the data folder' : within(out, data) ? 'inside the data folder' : 'a folder the data folder is in';
    console.error(`OUT_DIR ${outDir}: is ${where} (${dataDir}); the output replaces its folder whole, so it must be elsewhere`);
    process.exit(2);
  }
  const started = performance.now();
  const staged = new StagedOutput(outDir);
  // the changelog needs every row's manifest line: kept only for a data folder with releases
  const emitter = new DatasetEmitter(staged, { releases: existsSync(join(dataDir, 'releases')) });
  const written = new Int32Array(new SharedArrayBuffer(4));
  let flagged = 0;
  let regions = 0;
  let metrics = 0;
  let result: Result;
  try {
    const worker = new Worker(new URL(import.meta.url), { workerData: { dataDir, written } });
    result = await new Promise<Result>((done, fail) => {
      worker.on('message', (message: Message) => {
        try {
          if (message.kind === 'report') {
            for (const o of message.observations) if (o.flags.some(isWarning)) flagged++;
            emitter.report(message.report, message.observations);
            Atomics.add(written, 0, 1);
            Atomics.notify(written, 0);
          } else if (message.kind === 'end') {
            regions = message.tables.regions.length;
            metrics = message.tables.metrics.length;
            emitter.end(message.tables);
          } else done(message.result);
        } catch (error) {
          void worker.terminate();
          fail(error);
        }
      });
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`the compile stopped (worker exit code ${code}) before it finished`)));
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
  const release = emitter.release!;
  if (release.previous || release.version !== '0.0.0') {
    console.log(
      release.released
        ? `version ${release.version} (${release.date}): ${release.entries.length} changes since ${release.previous || 'the start'}`
        : `unreleased: ${release.entries.length} changes since ${release.previous} need version ${release.version.replace(/-draft$/, '')} (npm run release)`,
    );
  }
}
