// The folders a run of npm run data writes beside its output (<out>.staging-<pid>, <out>.previous-<pid>) until it
// swaps them in. A run that is killed leaves one behind, inside public/, where Astro would copy it into dist/.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const LEFTOVER = /^(.+)\.(staging|previous)-(\d+)$/;

/** Whether a process id belongs to a running process (signal 0 only checks; EPERM: it runs as another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Entries of a folder that are staging folders of `name` left by runs no longer running. */
export function staleStaging(entries: readonly string[], name: string, running = isRunning): string[] {
  return entries.filter((entry) => {
    const m = LEFTOVER.exec(entry);
    return m !== null && m[1] === name && Number(m[3]) !== process.pid && !running(Number(m[3]));
  });
}

/** Removes from `folder` the staging folders of `name` that killed runs left; returns their names. */
export function removeStaleStaging(folder: string, name: string): string[] {
  if (!existsSync(folder)) return [];
  const stale = staleStaging(readdirSync(folder), name);
  for (const entry of stale) rmSync(join(folder, entry), { recursive: true, force: true });
  return stale;
}
