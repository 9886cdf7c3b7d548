// Plot-style SVG snapshots: a chart is compared with its committed SVG, stored one element a line (prettySvg) so that
// a diff can be read; a mismatch writes <name>-changed.svg beside it for review. Snapshots are created only outside
// CI, never regenerated silently.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { prettySvg } from './pretty-svg.ts';

const DIR = join(import.meta.dirname, 'snapshots');

export function expectSvgSnapshot(name: string, chart: string): void {
  const svg = prettySvg(chart);
  const file = join(DIR, `${name}.svg`);
  const changed = join(DIR, `${name}-changed.svg`);
  if (!existsSync(file)) {
    if (process.env.CI) throw new Error(`missing snapshot ${file}: run the tests locally and commit it`);
    writeFileSync(file, svg);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  if (expected === svg) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, svg);
  expect(svg, `${name}.svg changed; see ${name}-changed.svg`).toBe(expected);
}
