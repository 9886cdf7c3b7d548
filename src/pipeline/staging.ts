// public/data/ is replaced all or nothing: a run of npm run data writes into a folder beside it
// (<out>.staging-<pid>) and swaps it in at the end (through <out>.previous-<pid>). A run that is killed leaves its
// folder behind, inside public/, where Astro would copy it into dist/: the next run removes it.
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

/** Removes from `folder` the staging folders of `name` that killed runs left; returns their names. */
function removeStaleStaging(folder: string, name: string): string[] {
  if (!existsSync(folder)) return [];
  const stale = staleStaging(readdirSync(folder), name);
  for (const entry of stale) rmSync(join(folder, entry), { recursive: true, force: true });
  return stale;
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
    removeStaleStaging(dirname(outDir), basename(outDir));
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
    const previous = `${this.outDir}.previous-${process.pid}`;
    mkdirSync(dirname(this.outDir), { recursive: true });
    if (existsSync(this.outDir)) renameSync(this.outDir, previous);
    renameSync(this.staging, this.outDir);
    rmSync(previous, { recursive: true, force: true });
  }
}
