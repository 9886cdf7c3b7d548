// Run before the TypeScript scripts (plain JavaScript, so that any Node can run it): they need Node's built-in
// type stripping, and an older Node fails on them with ERR_UNKNOWN_FILE_EXTENSION instead of saying why.
import { pathToFileURL } from 'node:url';

export const REQUIRED = [22, 12];

/** The message for a Node version too old for bureau-atlas, or null when it will do. */
export function nodeProblem(version) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const ok = major > REQUIRED[0] || (major === REQUIRED[0] && minor >= REQUIRED[1]);
  return ok ? null : `bureau-atlas needs Node ≥ ${REQUIRED.join('.')} (found ${version}); Node 24 LTS is recommended (see .nvmrc)`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problem = nodeProblem(process.version);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
