// node scripts/bench-scale/map-draw.ts <compiled data dir> | --all-divisions
//
// Draws the map tab of one national comparison and prints what it cost as one JSON line: the metric reported by the
// most regions, each region's latest actual value, in the ranked chart's order (highest first), drawn by
// comparisonMap in both languages. --all-divisions draws every county- and prefecture-level division of the
// synthetic pool (about 3,300, the 100 % level) with made-up values, without synth or a data compile.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ComparisonRow } from '../../src/charts/comparison.ts';
import { comparisonMapModel } from '../../src/maps/compare.ts';
import type { Region } from '../../src/model/region.ts';
import { regionPool } from '../synth/regions.ts';

export type MapDraw = {
  metric: string;
  regions: number;
  rows: number;
  shown: number;
  not_shown: number;
  mode: string;
  svg_bytes: { 'zh-cn': number; en: number };
  svg_gz: { 'zh-cn': number; en: number };
  /** The first map of a build loads and simplifies the boundaries; later maps reuse them. */
  first_ms: number;
  next_ms: number;
};

type Obs = {
  observation_id: string;
  region_id: string;
  metric_id: string;
  year: number | null;
  kind: ComparisonRow['kind'];
  value_base: number | null;
  unit_base: string;
  qualifier: string;
  flags: string[];
};

const row = (o: Obs, name: string): ComparisonRow => ({
  observationId: o.observation_id,
  label: `${name} · ${o.year}`,
  value: o.value_base!,
  unitBase: o.unit_base,
  kind: o.kind,
  qualifier: o.qualifier,
  flagged: false,
  href: `/metrics/${o.metric_id}/#obs-${o.observation_id}`,
  title: `${name} ${o.year}: ${o.value_base}`,
  national: null,
  regionId: o.region_id,
  year: o.year,
  wholeRegion: true,
});

/** The compiled level's most widely reported metric, one row per region: its latest actual value. */
export function levelRows(out: string): { metric: string; regions: Region[]; rows: ComparisonRow[] } {
  const regions = JSON.parse(readFileSync(join(out, 'regions.json'), 'utf8')) as Region[];
  const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as { metric_id: string }[];
  const name = new Map(regions.map((r) => [r.region_id, r.name_zh]));
  let best: { metric: string; rows: ComparisonRow[] } = { metric: '', rows: [] };
  for (const { metric_id } of metrics) {
    let obs: Obs[];
    try {
      obs = JSON.parse(readFileSync(join(out, 'by-metric', `${metric_id}.json`), 'utf8')) as Obs[];
    } catch {
      continue;
    }
    const latest = new Map<string, Obs>();
    for (const o of obs)
      if (o.kind === 'actual' && o.value_base !== null && (latest.get(o.region_id)?.year ?? -Infinity) < (o.year ?? -Infinity)) latest.set(o.region_id, o);
    if (latest.size > best.rows.length) best = { metric: metric_id, rows: [...latest.values()].map((o) => row(o, name.get(o.region_id) ?? o.region_id)) };
  }
  best.rows.sort((a, b) => b.value - a.value);
  return { ...best, regions };
}

/** Every division of the synthetic pool with a value from its code: the national map without a dataset. */
function poolRows(): { metric: string; regions: Region[]; rows: ComparisonRow[] } {
  const regions: Region[] = regionPool().map((c) => ({
    region_id: c.code,
    name_zh: c.name,
    name_en: c.name,
    level: c.level,
    province_zh: c.province,
    province_en: '',
    gb_code: c.code,
    basis: 'explicit',
    evidence: '',
    reasoning_zh: '',
    reasoning_en: '',
  }));
  const rows = regions.map((r, i) =>
    row(
      {
        observation_id: `o${i}`,
        region_id: r.region_id,
        metric_id: 'synthetic',
        year: 2024,
        kind: 'actual',
        value_base: ((Number(r.gb_code) * 7919) % 1000) / 10,
        unit_base: '%',
        qualifier: '',
        flags: [],
      },
      r.name_zh,
    ),
  );
  return { metric: 'synthetic (every division)', regions, rows: rows.sort((a, b) => b.value - a.value) };
}

export function drawNationalMap(source: string): MapDraw {
  const { metric, regions, rows } = source === '--all-divisions' ? poolRows() : levelRows(source);
  const t0 = performance.now();
  const zh = comparisonMapModel(rows, 'zh-cn', { regions });
  const t1 = performance.now();
  const en = comparisonMapModel(rows, 'en', { regions });
  const t2 = performance.now();
  const bytes = (svg: string | undefined) => Buffer.byteLength(svg ?? '');
  const gz = (svg: string | undefined) => (svg ? gzipSync(svg, { level: 9 }).length : 0);
  return {
    metric,
    regions: regions.length,
    rows: rows.length,
    shown: zh?.shown.length ?? 0,
    not_shown: zh?.notShown.length ?? rows.length,
    mode: zh?.mode ?? 'none',
    svg_bytes: { 'zh-cn': bytes(zh?.svg), en: bytes(en?.svg) },
    svg_gz: { 'zh-cn': gz(zh?.svg), en: gz(en?.svg) },
    first_ms: Math.round(t1 - t0),
    next_ms: Math.round(t2 - t1),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const source = process.argv[2];
  if (!source) {
    console.error('usage: node scripts/bench-scale/map-draw.ts <compiled data dir> | --all-divisions');
    process.exit(2);
  }
  console.log(JSON.stringify(drawNationalMap(source)));
}
