// npm run build replaces dist/ all or nothing: the site and its search index are built beside it and swapped in only
// when both are complete. The site build is stood in for by a program that writes part of a new site and then is
// killed, fails, or finishes, so that what a reader would be served in each case can be checked in seconds.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..');

/** A folder holding a stand-in `npx` (the site build): writes a new site into DIST_DIR, then does what BUILD says. */
function standIn(): string {
  const bin = mkdtempSync(join(tmpdir(), 'atlas-build-bin-'));
  writeFileSync(
    join(bin, 'npx'),
    [
      '#!/bin/sh',
      'mkdir -p "$DIST_DIR/data" "$DIST_DIR/en"',
      `echo '<!doctype html><html lang="zh-cn"><head><title>新</title></head><body><main>新的站点</main></body></html>' > "$DIST_DIR/index.html"`,
      'echo "[]" > "$DIST_DIR/data/reports.json"',
      'case "$BUILD" in',
      // killed part-way: the page for English is not written yet, and the build (its parent too) dies
      '  kill) kill -9 $PPID; exit 1;;',
      '  fail) exit 1;;',
      'esac',
      `echo '<!doctype html><html lang="en"><head><title>New</title></head><body><main>The new site</main></body></html>' > "$DIST_DIR/en/index.html"`,
    ].join('\n'),
  );
  chmodSync(join(bin, 'npx'), 0o755);
  return bin;
}

/** A dist/ holding the previous complete build. */
function previousSite(): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-build-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'en'), { recursive: true });
  mkdirSync(join(dist, 'pagefind'));
  writeFileSync(join(dist, 'index.html'), 'old zh');
  writeFileSync(join(dist, 'en', 'index.html'), 'old en');
  writeFileSync(join(dist, 'pagefind', 'pagefind.js'), 'old index');
  return dist;
}

const files = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

function build(dist: string, bin: string, mode: string) {
  return spawnSync(process.execPath, ['scripts/build-site.ts'], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, DIST_DIR: dist, BUILD: mode, REPO_URL: '' },
    timeout: 120_000,
  });
}

describe('npm run build, all or nothing', () => {
  const bin = standIn();

  it('a build killed part-way leaves the previous dist/ whole, and the next build clears what it left', () => {
    const dist = previousSite();
    const before = files(dist);
    const killed = build(dist, bin, 'kill');
    expect(killed.signal).toBe('SIGKILL');
    expect(files(dist)).toEqual(before);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('old zh');
    expect(readFileSync(join(dist, 'pagefind', 'pagefind.js'), 'utf8')).toBe('old index');
    // the half-built site is beside dist/, never in it
    const left = readdirSync(join(dist, '..')).filter((e) => e.startsWith('dist.staging-'));
    expect(left).toHaveLength(1);

    const next = build(dist, bin, 'finish');
    expect(next.status, next.stderr).toBe(0);
    expect(readdirSync(join(dist, '..')).sort()).toEqual(['dist']);
    expect(readFileSync(join(dist, 'en', 'index.html'), 'utf8')).toContain('The new site');
    // the search index is the new one, built for the new pages, and its staging folder is gone
    expect(readFileSync(join(dist, 'pagefind', 'pagefind.js'), 'utf8')).not.toBe('old index');
    expect(existsSync(join(dist, '.search-staging'))).toBe(false);
  });

  it('a build that fails leaves the previous dist/ whole and nothing beside it', () => {
    const dist = previousSite();
    const before = files(dist);
    const failed = build(dist, bin, 'fail');
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain('was left as it was');
    expect(files(dist)).toEqual(before);
    expect(readFileSync(join(dist, 'en', 'index.html'), 'utf8')).toBe('old en');
    expect(readdirSync(join(dist, '..'))).toEqual(['dist']);
  });

  it('a repository address that is not a web address stops the build before anything is built', () => {
    const dist = previousSite();
    const before = files(dist);
    const refused = spawnSync(process.execPath, ['scripts/build-site.ts'], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, DIST_DIR: dist, BUILD: 'finish', REPO_URL: 'javascript:alert(1)' },
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('REPO_URL: "javascript:alert(1)" is not an http(s) address');
    expect(files(dist)).toEqual(before);
    expect(readdirSync(join(dist, '..'))).toEqual(['dist']);
  });

  it.each([
    ['SITE_URL', 'javascript:alert(1)//', 'SITE_URL: "javascript:alert(1)//" is not an http(s) address'],
    ['SITE_URL', 'data:text/html,x', 'SITE_URL: "data:text/html,x" is not an http(s) address'],
    ['BASE_PATH', '/a"><script>alert(1)</script>/', 'BASE_PATH: "/a\\"><script>alert(1)</script>/" is not a path of plain segments'],
    ['BASE_PATH', 'javascript:alert(1)//', 'BASE_PATH: "javascript:alert(1)//" is not a path'],
    ['DIST_DIR', 'src', 'one of its source folders; the build replaces it whole'],
    ['DIST_DIR', 'data/site', 'one of its source folders; the build replaces it whole'],
    ['DIST_DIR', '.', 'is the project, a folder around it'],
    ['DIST_DIR', '..', 'is the project, a folder around it'],
  ])('%s=%j stops the build before anything is built', (name, value, message) => {
    // a project of its own (its scripts are this one's), so that a build that took DIST_DIR=src replaced only a copy
    // (inside a folder of its own, which DIST_DIR=.. names)
    const project = join(mkdtempSync(join(tmpdir(), 'atlas-project-')), 'project');
    mkdirSync(project);
    symlinkSync(join(REPO, 'scripts'), join(project, 'scripts'));
    mkdirSync(join(project, 'src'));
    mkdirSync(join(project, 'data'));
    writeFileSync(join(project, 'src', 'page.astro'), 'source');
    const dist = previousSite();
    const before = files(dist);
    const refused = spawnSync(process.execPath, ['scripts/build-site.ts'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, DIST_DIR: dist, BUILD: 'finish', REPO_URL: '', [name]: value },
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(message);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(files(dist)).toEqual(before);
    expect(readFileSync(join(project, 'src', 'page.astro'), 'utf8')).toBe('source');
    expect(readdirSync(project).sort()).toEqual(['data', 'scripts', 'src']);
  });
});
