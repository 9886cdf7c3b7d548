// The state of an already published public/data folder, read back to seed the release history: the same manifest
// and metric hashes as the data it was published from.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDataset } from '../../../src/pipeline/compile.ts';
import { outputFiles } from '../../../src/pipeline/publish.ts';
import { changelog } from '../../../src/pipeline/release/changelog.ts';
import { manifestRow, releaseState } from '../../../src/pipeline/release/manifest.ts';
import { publishedState } from '../../../src/pipeline/release/published.ts';
import { rawDataset } from '../../fixtures/dataset.ts';

const { compiled } = compileDataset(rawDataset());
const files = outputFiles(compiled!);
const publish = (change: (name: string, text: string) => string = (_, text) => text) => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-published-'));
  for (const name of ['observations.csv', 'metrics.csv', 'datapackage.json']) writeFileSync(join(dir, name), change(name, files.get(name)!));
  return dir;
};

describe('a published folder', () => {
  it('reads back as the state of the data it was published from', () => {
    const current = releaseState(new Map(compiled!.observations.map((o) => [o.observation_id, manifestRow(o)])), compiled!.metrics);
    const state = publishedState(publish());
    expect([...state.manifest.keys()]).toEqual([...current.manifest.keys()]);
    expect(state.metrics).toEqual(current.metrics);
    expect(changelog(current, state)).toEqual([]);
  });

  it('leaves out the columns its datapackage.json does not list, as an older release did not have them', () => {
    const older = publishedState(
      publish((name, text) => {
        if (name !== 'datapackage.json') return text;
        const pkg = JSON.parse(text);
        const observations = pkg.resources.find((r: { name: string }) => r.name === 'observations');
        observations.schema.fields = observations.schema.fields.filter((f: { name: string }) => f.name !== 'unit');
        return JSON.stringify(pkg);
      }),
    );
    expect(older.columns.observations).not.toContain('unit');
    expect([...older.manifest.values()].every((row) => row.unit === '')).toBe(true);
  });
});
