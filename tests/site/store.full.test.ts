import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Observation } from '../../src/model/observation.ts';
import { Lru, ShardStore, parseShard, summarise } from '../../src/site/store.ts';
import { realOutput } from '../real-dataset.ts';

// The real dataset as npm run data publishes it, in a folder of its own: what the pages read.
let dir: string;
let all: Observation[];
beforeAll(() => {
  const { files } = realOutput();
  dir = mkdtempSync(join(tmpdir(), 'atlas-store-'));
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  all = JSON.parse(files.get('observations.json')!);
});

describe('the pages’ reader', () => {
  it('gives a metric’s and a region’s observations exactly as observations.json has them, in its order', () => {
    const store = new ShardStore(dir);
    const metrics = [...new Set(all.map((o) => o.metric_id))].sort();
    const regions = [...new Set(all.map((o) => o.region_id))].sort();
    expect(store.ids('metric')).toEqual(metrics);
    expect(store.ids('region')).toEqual(regions);
    for (const id of metrics) expect(store.get('metric', id)).toEqual(all.filter((o) => o.metric_id === id));
    for (const id of regions) expect(store.get('region', id)).toEqual(all.filter((o) => o.region_id === id));
    expect(store.get('metric', 'no_such_metric')).toEqual([]);
    // read again, once checked, past the few files the store keeps: the same rows
    for (const id of metrics) expect(store.read('metric', id)).toEqual(all.filter((o) => o.metric_id === id));
  });

  it('refuses a file that does not match the schema on its first read, naming it', () => {
    const bad = mkdtempSync(join(tmpdir(), 'atlas-store-bad-'));
    mkdirSync(join(bad, 'by-metric'));
    writeFileSync(join(bad, 'by-metric', 'x.json'), JSON.stringify([{ ...all[0]!, kind: 'guess' }]));
    expect(() => new ShardStore(bad).get('metric', 'x')).toThrow(/by-metric\/x\.json: not a valid observation file\n {2}row 1, kind: /);
  });

  it('counts what the indexes show as a pass over all observations would', () => {
    const { metricStats, regionCounts, totals } = summarise(new ShardStore(dir));
    expect(totals.observations).toBe(all.length);
    expect(totals.derived).toBe(all.filter((o) => o.kind === 'derived').length);
    expect(totals.inconsistent).toBe(all.filter((o) => o.flags.some((f) => f.startsWith('inconsistent_'))).length);
    const years = all.map((o) => o.year).filter((y) => y !== null);
    expect(totals.years).toEqual([Math.min(...years), Math.max(...years)]);
    for (const [id, n] of regionCounts) expect(n, id).toBe(all.filter((o) => o.region_id === id).length);
    const retention = all.filter((o) => o.metric_id === 'compulsory_retention_rate');
    const gross = all.filter((o) => o.metric_id === 'preschool_gross_enrolment_rate');
    expect(metricStats.get('compulsory_retention_rate')?.regions).toBe(new Set(retention.map((o) => o.region_id)).size);
    // Without the metric dictionary, a comparable value is any whole-region actual one.
    const withActuals = new Set(gross.filter((o) => o.kind === 'actual' && o.scope === 'region' && o.value_base !== null).map((o) => o.region_id)).size;
    expect(metricStats.get('preschool_gross_enrolment_rate')).toEqual({
      observations: gross.length,
      regions: new Set(gross.map((o) => o.region_id)).size,
      comparable: withActuals,
    });
  });

  it('names the file and the row of an observation file that does not match the schema', () => {
    const good = all[0]!;
    const text = JSON.stringify([good, { ...good, year: 'twenty' }, { ...good, kind: 'guess' }]);
    expect(() => parseShard('by-metric/x.json', text)).toThrow(/by-metric\/x\.json: not a valid observation file\n {2}row 2, year: .*\n {2}row 3, kind: /);
  });

  it('reads a report text as published', () => {
    const store = new ShardStore(dir);
    const report = all[0]!.report_id;
    const text = store.source(report);
    const o = all.find((x) => x.report_id === report && x.quote_start !== null)!;
    expect([...text].slice(o.quote_start!, o.quote_end!).join('')).toBe(o.quote);
  });
});

describe('Lru', () => {
  it('keeps the most recently used entries and loads each missing one once', () => {
    const loads: string[] = [];
    const lru = new Lru<string>(2);
    const get = (k: string) => lru.get(k, (key) => (loads.push(key), key.toUpperCase()));
    expect([get('a'), get('b'), get('a'), get('c'), get('a'), get('b')]).toEqual(['A', 'B', 'A', 'C', 'A', 'B']);
    // c pushed out b (least recently used), then b pushed out c
    expect(loads).toEqual(['a', 'b', 'c', 'b']);
    expect([...lru.map.keys()]).toEqual(['a', 'b']);
  });
});
