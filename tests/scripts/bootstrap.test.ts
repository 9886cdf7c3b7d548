// What the first command after `git clone` decides: whether the installed dependencies are package-lock.json's.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installProblem, nodeCache } from '../../scripts/bootstrap.mjs';

const lock = (packages: Record<string, object>) => JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'p' }, ...packages } });

function project(wanted: Record<string, object>, installed?: Record<string, object>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bootstrap-'));
  writeFileSync(join(dir, 'package-lock.json'), lock(wanted));
  if (installed) {
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules/.package-lock.json'), lock(installed));
  }
  return dir;
}

describe('the dependency check', () => {
  const a = { 'node_modules/a': { version: '1.0.0' } };

  it('passes what npm installed from the same lockfile, without the packages of other platforms', () => {
    expect(installProblem(project({ ...a, 'node_modules/@x/darwin': { version: '2.0.0', optional: true } }, a))).toBeNull();
  });

  it('names what is missing, stale or extra', () => {
    expect(installProblem(project(a))).toBe('the dependencies are not installed');
    expect(installProblem(project({ ...a, 'node_modules/b': { version: '1.0.0' } }, a))).toBe('node_modules/b is missing');
    expect(installProblem(project({ 'node_modules/a': { version: '1.1.0' } }, a))).toBe('node_modules/a is 1.0.0, package-lock.json wants 1.1.0');
    expect(installProblem(project({}, a))).toBe('node_modules/a is installed but not in package-lock.json');
  });

  it('keeps Node where .ci/run always has', () => {
    expect(nodeCache({ HOME: '/h' })).toBe('/h/.cache/bureau-atlas-node24');
    expect(nodeCache({ HOME: '/h', XDG_CACHE_HOME: '/c' })).toBe('/c/bureau-atlas-node24');
  });
});
