// The deploy workflow: write permissions only where the site is deployed, every action pinned to a commit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const workflow = readFileSync('.github/workflows/deploy.yml', 'utf8');
/** The text of one job, from its key to the next job's. */
const job = (name: string) => workflow.slice(workflow.indexOf(`\n  ${name}:\n`) + 1).split(/\n {2}(?=\w+:\n)/)[0]!;

describe('the deploy workflow', () => {
  it('grants pages: write and id-token: write to the deploy job only', () => {
    const top = workflow.slice(0, workflow.indexOf('\njobs:'));
    expect(top).not.toMatch(/pages: write|id-token: write/);
    expect(job('build')).not.toMatch(/pages: write|id-token: write/);
    expect(job('build')).toMatch(/npm ci/);
    expect(job('deploy')).toMatch(/permissions:\n\s+pages: write\n\s+id-token: write/);
  });

  it('pins every action to a full commit SHA, with its tag in a comment', () => {
    const uses = [...workflow.matchAll(/uses: (\S+)(.*)/g)];
    expect(uses.length).toBe(5);
    for (const [, ref, comment] of uses) {
      expect(ref, ref).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
      expect(comment, ref).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });
});
