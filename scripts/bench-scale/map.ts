// The map tab at national scale: map-draw.ts run as its own process on a level's compiled data, so that its time and
// peak memory are measured as every other step's are. What it prints is the map's bytes and drawing time.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO, run, type Bench, type Step } from './measure.ts';
import type { MapDraw } from './map-draw.ts';

export type MapResult = Step & Partial<MapDraw>;

export function measureMap(bench: Bench, tag: string, out: string): MapResult {
  const step = run(bench, `${tag}-map`, [process.execPath, join(REPO, 'scripts', 'bench-scale', 'map-draw.ts'), out]);
  const last = readFileSync(resolve(REPO, step.log), 'utf8')
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .at(-1);
  if (!step.ok || !last) return { ...step, ok: false, error: step.error ?? 'no result' };
  return { ...step, ...(JSON.parse(last) as MapDraw) };
}

/** One line of the report: the map's size in both languages and its time. */
export const mapLine = (m: MapResult, pct: string) =>
  m.ok
    ? `map tab at ${pct}: ${m.metric}, ${m.shown} of ${m.rows} regions drawn (${m.mode}); SVG ${Math.round(m.svg_bytes!['zh-cn'] / 1024)} KB, ` +
      `${Math.round(m.svg_gz!['zh-cn'] / 1024)} KB gzipped (en ${Math.round(m.svg_gz!.en / 1024)} KB); first map ${m.first_ms} ms, next ${m.next_ms} ms; ` +
      `step ${m.wall_s} s, peak ${m.peak_rss_mb} MB`
    : `map tab at ${pct}: FAILED — ${m.error}`;
