// Where a synthetic dataset is written: never into the repository's data, public or src folders, nor over a folder
// an earlier run did not make; and the writing itself, counting the bytes.
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportFiles } from './report.ts';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The file that marks a folder as a synthetic dataset, with the run's parameters and counts. */
export const MARKER = '.synthetic.json';

/** Refuses any place where synthetic data could mix with the curated data or the published output. */
export function assertSafeOut(out: string): void {
  const real = (p: string) => {
    // resolve symlinks of the longest existing ancestor, so data/../data or a link into data/ is caught too
    let head = resolve(p);
    const tail: string[] = [];
    while (!existsSync(head) && dirname(head) !== head) {
      tail.unshift(head.slice(dirname(head).length + 1));
      head = dirname(head);
    }
    return join(realpathSync(head), ...tail);
  };
  const target = real(out);
  for (const forbidden of [join(REPO, 'data'), join(REPO, 'public'), join(REPO, 'src'), REPO]) {
    const f = real(forbidden);
    const inside = target === f || target.startsWith(f + sep);
    if (forbidden === REPO ? target === f : inside) {
      throw new Error(`synth: refusing to write into ${target}: synthetic data never goes into the repository's data, public, src or root folders`);
    }
  }
  if (existsSync(target)) {
    const entries = readdirSync(target);
    if (entries.length && !entries.includes(MARKER)) {
      throw new Error(`synth: refusing to write into ${target}: it is not empty and holds no ${MARKER} from an earlier synthetic run`);
    }
  }
}

/** The dataset's folder, emptied on creation; `bytes` counts what has been written to it, the marker aside. */
export class SynthOutput {
  readonly out: string;
  bytes = 0;

  constructor(out: string) {
    this.out = out;
    rmSync(out, { recursive: true, force: true });
    mkdirSync(join(out, 'snapshots'), { recursive: true });
    mkdirSync(join(out, 'reports'), { recursive: true });
  }

  put(path: string, text: string): void {
    writeFileSync(join(this.out, path), text);
    this.bytes += Buffer.byteLength(text);
  }

  report(r: ReportFiles): void {
    this.put(join('snapshots', r.seedFile), r.snapshot);
    const folder = join('reports', r.id);
    mkdirSync(join(this.out, folder));
    this.put(join(folder, 'source.txt'), r.source);
    this.put(join(folder, 'report.json'), r.reportJson);
    this.put(join(folder, 'figures.csv'), r.figuresCsv);
    this.put(join(folder, 'skipped.csv'), r.skippedCsv);
  }

  marker(content: object): void {
    writeFileSync(join(this.out, MARKER), `${JSON.stringify(content, null, 2)}\n`);
  }
}
