// `npm start` and `npm test` run through here, so that each works as the first command after `git clone` on a
// machine whose Node is older than the project needs: plain JavaScript that any Node since 18 runs. It provisions
// Node 24 from the npm registry's `node` package when the running Node is too old (cached, so once per machine),
// installs the dependencies when they are missing or differ from package-lock.json, then runs the npm script named
// by its first argument under that Node, with the arguments after it (`npm start -- --port 4000`).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeProblem } from './require-node.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** Where the provisioned Node lives, shared with `.ci/run`'s older copies and across clones. */
export function nodeCache(env = process.env) {
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'bureau-atlas-node24');
}

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Why the installed dependencies are not those of package-lock.json, or null when they are: npm records what it
 * installed in node_modules/.package-lock.json. A package optional on this platform may be absent.
 */
export function installProblem(root = ROOT) {
  const read = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
  if (!existsSync(join(root, 'node_modules/.package-lock.json'))) return 'the dependencies are not installed';
  let wanted, installed;
  try {
    wanted = read('package-lock.json').packages ?? {};
    installed = read('node_modules/.package-lock.json').packages ?? {};
  } catch (error) {
    return `the lockfiles cannot be read (${error.message})`;
  }
  for (const [path, entry] of Object.entries(wanted)) {
    if (path === '' || path.startsWith('node_modules/') === false) continue;
    const have = installed[path];
    if (!have) {
      if (!entry.optional) return `${path} is missing`;
    } else if (have.version !== entry.version) return `${path} is ${have.version}, package-lock.json wants ${entry.version}`;
  }
  for (const path of Object.keys(installed)) if (!(path in wanted)) return `${path} is installed but not in package-lock.json`;
  return null;
}

/** npm as the command that runs this script started it, under the Node now running. */
function npm(args, options) {
  const cli = process.env.npm_execpath;
  const [command, argv] = cli && /\.c?js$/.test(cli) ? [process.execPath, [cli, ...args]] : ['npm', args];
  return spawnSync(command, argv, { stdio: 'inherit', ...options });
}

const exitWith = (result, what) => {
  if (result.error) {
    console.error(`${what}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
};

function main(script, args) {
  if (!script) {
    console.error('usage: node scripts/bootstrap.mjs <npm script>');
    process.exit(2);
  }
  const problem = nodeProblem(process.version);
  if (problem) {
    // A provisioned Node that still reads as too old would loop.
    if (process.env.BUREAU_ATLAS_PROVISIONED) {
      console.error(problem);
      process.exit(1);
    }
    const cache = nodeCache();
    const node = join(cache, 'node_modules', '.bin', 'node');
    if (!executable(node)) {
      console.error(`${problem}\nInstalling Node 24 from the npm registry's node package into ${cache} (once per machine) …`);
      exitWith(npm(['install', '--prefix', cache, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', 'node@24']), 'npm install node@24');
      if (!executable(node)) {
        console.error(`npm installed no ${node}`);
        process.exit(1);
      }
    }
    const env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}`, BUREAU_ATLAS_PROVISIONED: '1' };
    exitWith(spawnSync(node, [fileURLToPath(import.meta.url), script, ...args], { stdio: 'inherit', env }), node);
    return;
  }
  const stale = installProblem();
  if (stale) {
    console.error(`Installing the dependencies (npm ci): ${stale}`);
    exitWith(npm(['ci', '--no-audit', '--no-fund'], { cwd: ROOT }), 'npm ci');
  }
  exitWith(npm(['run', script, ...(args.length ? ['--', ...args] : [])], { cwd: ROOT }), `npm run ${script}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv[2], process.argv.slice(3));
