// Cost per page, by kind of page: Astro's build log gives each page's generation time ("├─ /regions/341221/index.html
// (+22ms)"), and the built files their size once gzipped. A kind whose pages get slower or heavier as the site grows
// is work that grows with the number of regions, which the totals hide behind the growing number of pages.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export type KindCost = {
  pages: number;
  ms_median: number | null;
  ms_p90: number | null;
  ms_total: number | null;
  gz_median: number;
  gz_max: number;
  largest: string;
};

/** The kind of a built path: home, region, report, metric, topic, the listings, data, search…, chart files. */
export function pageKind(path: string): string {
  const p = path.replace(/^\/+/, '').replace(/^en(\/|$)/, '');
  const [first = '', second = ''] = p.split('/');
  if (first === '' || first === 'index.html') return 'home';
  if (first === 'charts') return 'chart file';
  const single: Record<string, string> = { regions: 'region', reports: 'report', metrics: 'metric', topics: 'topic' };
  if (single[first]) return second === '' || second === 'index.html' || second === 'p' ? `${first} list` : single[first]!;
  return first.replace(/\.html$/, '');
}

const median = (sorted: number[]) => (sorted.length ? sorted[Math.floor(sorted.length / 2)]! : null);
const p90 = (sorted: number[]) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))]! : null);

/** Each page's generation time in ms from Astro's build log, by kind. */
export function pageTimes(log: string): Map<string, number[]> {
  const times = new Map<string, number[]>();
  for (const m of log.matchAll(/[├└]─ (\S+) \(\+(\d+(?:\.\d+)?)ms\)/g)) {
    const kind = pageKind(m[1]!);
    const list = times.get(kind) ?? [];
    list.push(Number(m[2]));
    times.set(kind, list);
  }
  return times;
}

/** Per kind: pages, generation ms (median, 90th percentile, total) and gzipped size (median, largest). */
export function kindCosts(dist: string, astroLog: string): Record<string, KindCost> {
  const sizes = new Map<string, [string, number][]>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) {
        const rel = relative(dist, path);
        const kind = pageKind(rel);
        const list = sizes.get(kind) ?? [];
        list.push([rel, gzipSync(readFileSync(path), { level: 9 }).length]);
        sizes.set(kind, list);
      }
    }
  };
  walk(dist);
  const times = pageTimes(readFileSync(astroLog, 'utf8'));
  const out: Record<string, KindCost> = {};
  for (const kind of new Set([...sizes.keys(), ...times.keys()])) {
    const gz = (sizes.get(kind) ?? []).sort((a, b) => a[1] - b[1]);
    const ms = (times.get(kind) ?? []).sort((a, b) => a - b);
    out[kind] = {
      pages: gz.length || ms.length,
      ms_median: median(ms),
      ms_p90: p90(ms),
      ms_total: ms.length ? Math.round(ms.reduce((a, b) => a + b, 0)) : null,
      gz_median: median(gz.map((g) => g[1])) ?? 0,
      gz_max: gz.at(-1)?.[1] ?? 0,
      largest: gz.at(-1)?.[0] ?? '',
    };
  }
  return out;
}
