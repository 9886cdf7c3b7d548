// node scripts/maps-cost.ts — what drawing the curated site's maps costs in one process, as its build draws them:
// a locator per region and a collection map per home and regions index, in both languages, and a comparison map of
// each metric's latest actual values where two regions or more report it. Prints one JSON line: CPU and wall time,
// and the number of maps. `npm run bench` runs it beside the builds with and without maps, whose difference a loaded
// machine blurs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectionMap } from '../src/maps/collection.ts';
import { comparisonMap } from '../src/maps/compare.ts';
import { locator } from '../src/maps/locator.ts';
import type { Region } from '../src/model/region.ts';
import { dataDir } from '../src/site/store.ts';
import { metricRows } from './bench-scale/map-draw.ts';

const data = dataDir();
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
const regions = JSON.parse(readFileSync(join(data, 'regions.json'), 'utf8')) as Region[];
const reports = JSON.parse(readFileSync(join(data, 'reports.json'), 'utf8')) as { region_id: string; year: number | null }[];
let maps = 0;
for (const locale of ['zh-cn', 'en'] as const) {
  for (const region of regions) if (locator(region, locale).map) maps++;
  const entries = regions.map((region) => ({ region, years: reports.filter((r) => r.region_id === region.region_id).map((r) => r.year), href: '#' }));
  for (let page = 0; page < 2; page++, maps++) collectionMap(entries, locale, () => '#');
}
const name = new Map(regions.map((r) => [r.region_id, r.name_zh]));
let metrics = 0;
for (const { metric_id } of JSON.parse(readFileSync(join(data, 'metrics.json'), 'utf8')) as { metric_id: string }[]) {
  const rows = metricRows(data, metric_id, name);
  if (rows.length < 2) continue;
  metrics++;
  for (const locale of ['zh-cn', 'en'] as const) if (comparisonMap(rows, locale, { regions })) maps++;
}
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ maps, metrics, cpu_ms: Math.round((cpu.user + cpu.system) / 1000), wall_ms: Math.round(performance.now() - wall0) }));
