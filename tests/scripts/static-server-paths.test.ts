// The test server serves the built site and nothing beside it, and survives any request path.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileFor, serve } from '../../scripts/static-server.ts';

const parent = mkdtempSync(join(tmpdir(), 'atlas-serve-'));
const root = join(parent, 'dist');
mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(join(root, '404.html'), 'not found');
writeFileSync(join(root, 'index.html'), 'home');
// A sibling whose name starts with the root's: startsWith(root) took it for inside.
mkdirSync(join(parent, 'dist-private'));
writeFileSync(join(parent, 'dist-private', 'secret.txt'), 'secret');

describe('fileFor', () => {
  it('names files under the root only', () => {
    expect(fileFor(root, '/atlas/', '/atlas/reports/')).toBe(join(root, 'reports'));
    for (const url of [
      '/atlas/../dist-private/secret.txt',
      '/atlas/..%2fdist-private/secret.txt',
      '/atlas/..%2F..%2Fetc/passwd',
      '/atlas/%2e%2e/dist-private/secret.txt',
    ])
      expect(fileFor(root, '/atlas/', url)).toBeNull();
  });

  it('names no file for a malformed escape or a NUL', () => {
    expect(fileFor(root, '/atlas/', '/atlas/%E0%A4%A')).toBeNull();
    expect(fileFor(root, '/atlas/', '/atlas/%')).toBeNull();
    expect(fileFor(root, '/atlas/', '/atlas/a%00b')).toBeNull();
  });
});

describe('serve', () => {
  const started = serve(root, '/atlas/');
  afterAll(async () => (await started).server.close());

  it('answers 404 to a bad escape and a sibling-folder escape, and keeps serving', async () => {
    const { origin } = await started;
    expect((await fetch(`${origin}/atlas/%E0%A4%A`)).status).toBe(404);
    const escaped = await fetch(`${origin}/atlas/..%2fdist-private/secret.txt`);
    expect(escaped.status).toBe(404);
    expect(await escaped.text()).toBe('not found');
    expect(await (await fetch(`${origin}/atlas/`)).text()).toBe('home');
  });
});
