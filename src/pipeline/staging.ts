// public/data/ (and dist/, scripts/build-site.ts) is replaced all or nothing: a run writes into a folder beside it
// (<out>.staging-<pid>) and swaps it in at the end (through <out>.previous-<pid>). A run that is killed leaves its
// folder behind, inside public/, where Astro would copy it into dist/: the next run removes it. A run killed inside
// the swap leaves no <out> but <out>.previous-<pid>, the last complete copy: the next run puts it back first, and
// never deletes it while it is the only one.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Output } from './writers.ts';

const LEFTOVER = /^(.+)\.(staging|previous)-(\d+)$/;

/** Whether a process id belongs to a running process (signal 0 only checks; EPERM: it runs as another user). */
function isRunning(pid: number): boolean {
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

/**
 * Cleans up after killed runs of `outDir`: if the output is missing and a killed run's previous copy is there, that
 * copy is the last complete output and is put back; every other leftover folder is removed. Returns what was done.
 */
export function recoverStaging(outDir: string): { restored?: string; removed: string[] } {
  const folder = dirname(outDir);
  if (!existsSync(folder)) return { removed: [] };
  const stale = staleStaging(readdirSync(folder), basename(outDir));
  let restored: string | undefined;
  if (!existsSync(outDir)) {
    // the newest previous copy, should several killed runs have left one
    restored = stale.filter((e) => LEFTOVER.exec(e)![2] === 'previous').sort((a, b) => Number(LEFTOVER.exec(b)![3]) - Number(LEFTOVER.exec(a)![3]))[0];
    if (restored) renameSync(join(folder, restored), outDir);
  }
  const removed = stale.filter((e) => e !== restored);
  for (const entry of removed) rmSync(join(folder, entry), { recursive: true, force: true });
  return { restored, removed };
}

/** Swaps a complete `staging` folder in for `outDir`, keeping the old one until the new one is in place. */
export function swapIn(staging: string, outDir: string): void {
  const previous = `${outDir}.previous-${process.pid}`;
  mkdirSync(dirname(outDir), { recursive: true });
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
}

/** A folder beside outDir that files are written into; commit() swaps it in for outDir, abort() removes it. */
export class StagedOutput implements Output {
  readonly outDir: string;
  readonly staging: string;
  readonly folders = new Set<string>();
  readonly open = new Map<string, number>();

  constructor(outDir: string) {
    this.outDir = outDir;
    this.staging = `${outDir}.staging-${process.pid}`;
    // a run killed half-way leaves its folder beside the output (in public/): never published, removed here
    recoverStaging(outDir);
    rmSync(this.staging, { recursive: true, force: true });
    mkdirSync(this.staging, { recursive: true });
  }

  private target(path: string): string {
    const target = join(this.staging, path);
    const folder = dirname(target);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    return target;
  }

  readonly file = (path: string, content: string): void => {
    writeFileSync(this.target(path), content);
  };

  /**
   * Files being appended to stay open between chunks, up to MAX_OPEN at once (the oldest is closed first): the
   * tables stay open throughout, and thousands of per-region files never exhaust file descriptors.
   */
  static readonly MAX_OPEN = 64;
  readonly created = new Set<string>();
  readonly bytes = (path: string, chunk: Uint8Array): void => this.append(path, chunk);
  readonly append = (path: string, chunk: string | Uint8Array): void => {
    let fd = this.open.get(path);
    if (fd === undefined) {
      if (this.open.size >= StagedOutput.MAX_OPEN) {
        const [oldest, oldestFd] = this.open.entries().next().value!;
        closeSync(oldestFd);
        this.open.delete(oldest);
      }
      fd = openSync(this.target(path), this.created.has(path) ? 'a' : 'w');
      this.created.add(path);
    } else this.open.delete(path);
    this.open.set(path, fd);
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
  };

  private closeAll(): void {
    for (const fd of this.open.values()) closeSync(fd);
    this.open.clear();
  }

  abort(): void {
    this.closeAll();
    rmSync(this.staging, { recursive: true, force: true });
  }

  commit(): void {
    this.closeAll();
    swapIn(this.staging, this.outDir);
  }
}
