// Reads the compiled dataset's per-metric and per-region observation files and report texts for the pages, one
// file at a time. Pages never hold the national table: a page reads the files it shows, a handful stay cached.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { partition } from './comparable.ts';
import type { PublishedMetric } from '../model/metric.ts';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { observationSchema, type Observation } from '../model/observation.ts';
import { SHARDS } from '../model/columns.ts';
import { severity } from '../vocab/flags.ts';

/** The compiled dataset the site is built from: public/data/, or ATLAS_DATA (a test's or a synthetic dataset). */
export const dataDir = (): string => process.env.ATLAS_DATA ?? join(process.cwd(), 'public', 'data');

const observationList = z.array(observationSchema);

/** Parses and checks one observation file; an error names the file and the row. */
export function parseShard(path: string, text: string): Observation[] {
  const result = observationList.safeParse(JSON.parse(text));
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 5).map((i) => `  row ${Number(i.path[0]) + 1}, ${i.path.slice(1).join('.')}: ${i.message}`);
  throw new Error(`${path}: not a valid observation file\n${issues.join('\n')}`);
}

/** Least recently used entries go first once there are more than `size`. */
export class Lru<V> {
  readonly size: number;
  readonly map = new Map<string, V>();
  constructor(size: number) {
    this.size = size;
  }
  get(key: string, load: (key: string) => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      value = load(key);
      if (this.map.size >= this.size) this.map.delete(this.map.keys().next().value!);
    } else this.map.delete(key);
    this.map.set(key, value);
    return value;
  }
}

export type ShardKind = keyof typeof SHARDS;

/** Observations of one metric or one region, in published order; none for an id without a file. */
export class ShardStore {
  readonly dir: string;
  // A few metrics' files at a time: a topic page draws several charts, and each chart's downloads follow its page.
  readonly cache = { metric: new Lru<Observation[]>(12), region: new Lru<Observation[]>(4) };

  constructor(dir: string) {
    this.dir = dir;
  }

  private path(kind: ShardKind, id: string): string {
    return join(this.dir, SHARDS[kind], `${id}.json`);
  }

  /** Ids that have a file: the metrics and regions with at least one observation. */
  ids(kind: ShardKind): string[] {
    const folder = join(this.dir, SHARDS[kind]);
    if (!existsSync(folder)) throw new Error(`${folder} is missing: run npm run data`);
    return readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort();
  }

  /** Files already read and checked in this build: read again, they are only parsed. */
  private readonly checked = new Set<string>();

  /** Reads a file without caching it: for one pass over every file. Each file is checked against the schema once. */
  read(kind: ShardKind, id: string): Observation[] {
    const path = this.path(kind, id);
    if (!existsSync(path)) return [];
    const text = readFileSync(path, 'utf8');
    if (this.checked.has(path)) return JSON.parse(text) as Observation[];
    const rows = parseShard(path, text);
    this.checked.add(path);
    return rows;
  }

  get(kind: ShardKind, id: string): Observation[] {
    return this.cache[kind].get(id, () => this.read(kind, id));
  }

  source(reportId: string): string {
    return readFileSync(join(this.dir, 'sources', `${reportId}.txt`), 'utf8');
  }
}

/** `comparable`: regions with a value the metric's comparison draws (comparable.ts): the chart exists from two. */
export type MetricStats = { observations: number; regions: number; comparable: number };
export type Totals = { observations: number; years: [number, number] | null; inconsistent: number; derived: number };
/** What indexes and headlines count: per metric (only metrics with observations), per region, and overall. */
export type Summary = { metricStats: Map<string, MetricStats>; regionCounts: Map<string, number>; totals: Totals };

/**
 * Counts over every observation, one metric's file at a time; `each` sees every metric's file in the same pass (the
 * peer summaries of peers.ts), so the build reads each file once for everything it computes over all regions.
 */
export function summarise(
  store: ShardStore,
  metricOf?: (id: string) => PublishedMetric | undefined,
  each?: (metric: PublishedMetric, observations: Observation[]) => void,
): Summary {
  const metricStats = new Map<string, MetricStats>();
  const regionCounts = new Map<string, number>();
  const totals: Totals = { observations: 0, years: null, inconsistent: 0, derived: 0 };
  let [first, last] = [Infinity, -Infinity];
  for (const id of store.ids('metric')) {
    const observations = store.read('metric', id);
    if (!observations.length) continue;
    const regions = new Set<string>();
    const withActuals = new Set<string>();
    for (const o of observations) {
      regions.add(o.region_id);
      if (o.kind === 'actual' && o.scope === 'region' && o.value_base !== null) withActuals.add(o.region_id);
      regionCounts.set(o.region_id, (regionCounts.get(o.region_id) ?? 0) + 1);
      if (o.year !== null && o.year < first) first = o.year;
      if (o.year !== null && o.year > last) last = o.year;
      if (o.flags.some((f) => severity(f) === 'contradiction')) totals.inconsistent++;
      if (o.kind === 'derived') totals.derived++;
    }
    totals.observations += observations.length;
    const metric = metricOf?.(id);
    const comparable = metric ? partition(metric, observations).regions : withActuals.size;
    if (metric) each?.(metric, observations);
    metricStats.set(id, { observations: observations.length, regions: regions.size, comparable });
  }
  if (first <= last) totals.years = [first, last];
  return { metricStats, regionCounts, totals };
}
