// The full tier compiles the real dataset once per run, here, and publishes it in memory once (the files npm run
// data writes, Parquet included); every test file reads the same results.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import type { TestProject } from 'vitest/node';
import { compileDataset } from '../src/pipeline/compile.ts';
import { outputFiles } from '../src/pipeline/publish.ts';
import { readDataset } from '../src/pipeline/read.ts';

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-real-'));
  const compiled = compileDataset(readDataset('data'));
  const file = join(dir, 'compiled.v8');
  writeFileSync(file, serialize(compiled));
  project.provide('realDataset', file);
  const binary = new Map<string, Uint8Array>();
  const files = compiled.compiled ? outputFiles(compiled.compiled, binary) : new Map<string, string>();
  const output = join(dir, 'output.v8');
  writeFileSync(output, serialize({ files, binary }));
  project.provide('realOutput', output);
  return () => rmSync(dir, { recursive: true, force: true });
}
