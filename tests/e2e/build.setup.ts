// Builds the real site once, under a sub-path as GitHub Pages serves it, for the site and browser tests.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { BASE_PATH, DIST, REPO_URL, SITE_URL } from './paths.ts';

export default function setup(): void {
  rmSync(DIST, { recursive: true, force: true });
  const env = { ...process.env, BASE_PATH, SITE_URL, REPO_URL, DIST_DIR: DIST };
  execFileSync('npm', ['run', 'build'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}
