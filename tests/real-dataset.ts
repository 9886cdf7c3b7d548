// The real dataset as the full tier's global setup compiled it (tests/real-dataset.setup.ts): compiled once per run.
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { inject } from 'vitest';
import type { compileDataset } from '../src/pipeline/compile.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The file tests/real-dataset.setup.ts serialised the compiled real dataset to. */
    realDataset: string;
  }
}
let cached: ReturnType<typeof compileDataset> | undefined;

/** `compileDataset(readDataset('data'))`, shared by every test file of the run. */
export function realDataset(): ReturnType<typeof compileDataset> {
  cached ??= deserialize(readFileSync(inject('realDataset'))) as ReturnType<typeof compileDataset>;
  return cached;
}
