// A copy of the project to build a site from other data in (the synthetic national dataset): its own src copy,
// Astro caches and public/data, node_modules linked package by package, so the working tree is never touched.
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Makes `root` a buildable copy of the project (`from`, this one by default) whose public/data is `data` (an output
 * of npm run data); with `data` null the copy has no public folder, for a build that reads its data from ATLAS_DATA
 * and leaves the public files to another.
 */
export function scratchProject(root: string, data: string | null, from = REPO): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  for (const entry of readdirSync(join(REPO, 'node_modules'))) {
    if (['.vite', '.vite-temp', '.vitest-cache', '.astro', '.package-lock.json'].includes(entry)) continue;
    symlinkSync(join(REPO, 'node_modules', entry), join(root, 'node_modules', entry));
  }
  for (const item of ['src', 'astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(from, item), join(root, item), { recursive: true });
  if (data === null) return;
  mkdirSync(join(root, 'public'));
  for (const entry of readdirSync(join(REPO, 'public'))) {
    if (entry === 'data' || entry.startsWith('.data-')) continue;
    cpSync(join(REPO, 'public', entry), join(root, 'public', entry), { recursive: true });
  }
  cpSync(data, join(root, 'public', 'data'), { recursive: true });
}
