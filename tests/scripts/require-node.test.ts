// The guard run before every TypeScript script: an old Node is told which version bureau-atlas needs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeProblem } from '../../scripts/require-node.mjs';

describe('the Node version guard', () => {
  it('names the version needed and the one found', () => {
    expect(nodeProblem('v20.18.0')).toBe('bureau-atlas needs Node ≥ 22.12 (found v20.18.0); Node 24 LTS is recommended (see .nvmrc)');
    expect(nodeProblem('v22.11.0')).toMatch(/needs Node ≥ 22.12 \(found v22.11.0\)/);
  });

  it('passes Node 22.12 and later', () => {
    for (const version of ['v22.12.0', 'v23.0.0', 'v24.21.0', process.version]) expect(nodeProblem(version)).toBeNull();
  });

  it('runs before each TypeScript script of package.json', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    for (const [name, command] of Object.entries(scripts)) {
      const first = /node scripts\/[\w-]+\.ts/.exec(command);
      // or after npm run data, which runs it
      if (first) expect(command.slice(0, first.index), name).toMatch(/^(node scripts\/require-node\.mjs|npm run data) && /);
    }
  });
});
