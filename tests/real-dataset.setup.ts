// The full tier compiles the real dataset once per run, here, and every test file reads the same result.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import type { TestProject } from 'vitest/node';
import { compileDataset } from '../src/pipeline/compile.ts';
import { readDataset } from '../src/pipeline/read.ts';

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-real-'));
  const file = join(dir, 'compiled.v8');
  writeFileSync(file, serialize(compileDataset(readDataset('data'))));
  project.provide('realDataset', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
