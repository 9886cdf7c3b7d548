// The real dataset as the full tier's global setup compiled and published it (tests/real-dataset.setup.ts): once per
// run.
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { inject } from 'vitest';
import type { compileDataset } from '../src/pipeline/compile.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The file tests/real-dataset.setup.ts serialised the compiled real dataset to. */
    realDataset: string;
    /** The file it serialised the published files of that dataset to. */
    realOutput: string;
  }
}
let cached: ReturnType<typeof compileDataset> | undefined;
let published: RealOutput | undefined;

/** `compileDataset(readDataset('data'))`, shared by every test file of the run. */
export function realDataset(): ReturnType<typeof compileDataset> {
  cached ??= deserialize(readFileSync(inject('realDataset'))) as ReturnType<typeof compileDataset>;
  return cached;
}

/** What npm run data publishes of the real dataset: `outputFiles(compiled, binary)`, text files and Parquet bytes. */
export type RealOutput = { files: Map<string, string>; binary: Map<string, Uint8Array> };
export function realOutput(): RealOutput {
  published ??= deserialize(readFileSync(inject('realOutput'))) as RealOutput;
  return published;
}
