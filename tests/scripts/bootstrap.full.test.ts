// `npm start` and `npm test` on a machine whose Node is too old: a fake Node 20 first on PATH runs the bootstrap,
// which provisions Node 24 (from a cache, or through npm install node@24), installs the dependencies and reruns
// the npm script under Node 24. Nothing is downloaded: the cache holds this Node, the fake npm records the install.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'bootstrap-full-'));
const project = join(work, 'project');
const fakeBin = join(work, 'bin');
const realNpm = realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim());

function run(cache: string, npmCli = realNpm) {
  const result = spawnSync(join(fakeBin, 'node'), ['scripts/bootstrap.mjs', 'probe'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${fakeBin}${delimiter}${process.env.PATH}`, XDG_CACHE_HOME: cache, npm_execpath: npmCli, BUREAU_ATLAS_PROVISIONED: '' },
  });
  return { status: result.status, out: result.stdout + result.stderr };
}

function cacheWithNode(): string {
  const cache = mkdtempSync(join(work, 'cache-'));
  mkdirSync(join(cache, 'bureau-atlas-node24/node_modules/.bin'), { recursive: true });
  symlinkSync(process.execPath, join(cache, 'bureau-atlas-node24/node_modules/.bin/node'));
  return cache;
}

beforeAll(() => {
  // A Node that reports itself as 20 and runs scripts as this one does.
  mkdirSync(fakeBin);
  writeFileSync(
    join(fakeBin, 'node'),
    `#!/bin/sh\nexec '${process.execPath}' --import "data:text/javascript,Object.defineProperty(process,'version',{value:'v20.0.0'})" "$@"\n`,
  );
  chmodSync(join(fakeBin, 'node'), 0o755);
  // A project with one local dependency, so that npm ci installs without the network.
  mkdirSync(join(project, 'scripts'), { recursive: true });
  for (const f of ['bootstrap.mjs', 'require-node.mjs']) cpSync(join('scripts', f), join(project, 'scripts', f));
  writeFileSync(join(project, 'probe.cjs'), "console.log('ran under ' + process.version);");
  mkdirSync(join(project, 'dep'));
  writeFileSync(join(project, 'dep/package.json'), JSON.stringify({ name: 'dep', version: '1.0.0' }));
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'probe', version: '1.0.0', private: true, dependencies: { dep: 'file:dep' }, scripts: { probe: 'node probe.cjs' } }),
  );
  execFileSync(process.execPath, [realNpm, 'install', '--package-lock-only', '--no-audit', '--no-fund', '--offline'], { cwd: project });
  return () => rmSync(work, { recursive: true, force: true });
});

describe('the first command on an old Node', () => {
  it('the fake Node is refused by the version guard', () => {
    const guard = spawnSync(join(fakeBin, 'node'), ['scripts/require-node.mjs'], { cwd: project, encoding: 'utf8' });
    expect(guard.status).toBe(1);
    expect(guard.stderr).toMatch(/needs Node ≥ 22\.12 \(found v20\.0\.0\)/);
  });

  it('installs the missing dependencies and runs the script under the cached Node 24', () => {
    const { status, out } = run(cacheWithNode());
    expect(out).toContain('Installing the dependencies (npm ci): the dependencies are not installed');
    expect(out).toContain(`ran under ${process.version}`);
    expect(status).toBe(0);
    expect(existsSync(join(project, 'node_modules/.package-lock.json'))).toBe(true);
  });

  it('installs node@24 into an empty cache, then runs under it without reinstalling', () => {
    const cache = mkdtempSync(join(work, 'cache-'));
    const log = join(work, 'npm.log');
    // npm as the bootstrap calls it: `install … node@24` places this Node; anything else goes to the real npm.
    const fakeNpm = join(work, 'npm-cli.cjs');
    writeFileSync(
      fakeNpm,
      `const { appendFileSync, mkdirSync, symlinkSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const args = process.argv.slice(2);
appendFileSync(${JSON.stringify(log)}, args.join(' ') + '\\n');
if (args[0] === 'install' && args.includes('node@24')) {
  const bin = args[args.indexOf('--prefix') + 1] + '/node_modules/.bin';
  mkdirSync(bin, { recursive: true });
  symlinkSync(${JSON.stringify(process.execPath)}, bin + '/node');
} else process.exit(spawnSync(process.execPath, [${JSON.stringify(realNpm)}, ...args], { stdio: 'inherit' }).status);
`,
    );
    const { status, out } = run(cache, fakeNpm);
    expect(out).toContain('bureau-atlas needs Node ≥ 22.12 (found v20.0.0)');
    expect(out).toContain(`ran under ${process.version}`);
    expect(status).toBe(0);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls[0]).toBe(`install --prefix ${join(cache, 'bureau-atlas-node24')} --no-save --no-audit --no-fund --loglevel=error node@24`);
    // the dependencies were current: npm only ran the script
    expect(calls.slice(1)).toEqual(['run probe']);
  });

  it('fails, naming the script, when the script fails', () => {
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ ...pkg, scripts: { probe: 'node -e "process.exit(3)"' } }));
    expect(run(cacheWithNode()).status).toBe(3);
  });
});
