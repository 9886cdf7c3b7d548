import { join } from 'node:path';

export const BASE_PATH = '/bureau-atlas/';
export const DIST = join(process.cwd(), 'test-results', 'site');
/** The same commit built a second time, by the site tier's setup, to show that a build repeats byte for byte. */
export const DIST_AGAIN = `${DIST}-again`;
export const SITE_URL = 'http://127.0.0.1:4399';
/** The repository that "report a wrong figure" links to in the test build. */
export const REPO_URL = 'https://github.com/example/bureau-atlas';

/**
 * The environment for a build started from inside a test: vitest sets BASE_URL, MODE, DEV, PROD and SSR in
 * process.env for import.meta.env, and Astro would take them for its own.
 */
export function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
  return { ...env, ...extra };
}
