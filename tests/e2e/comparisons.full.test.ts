// Every comparison panel of the built site, checked by its metric's declared measure and compare: a count or an
// amount is never drawn as a sorted axis across regions of different size; a metric defined per province never as
// one sorted axis across provinces; wherever a national value exists for a drawn row, it is labelled on the plot.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { DIST } from './paths.ts';
import { formatValue } from '../../src/i18n/format.ts';
import { t } from '../../src/i18n/strings.ts';
import { provinceCode } from '../../src/site/listing.ts';

const json = <T>(name: string): T[] => JSON.parse(readFileSync(join('public', 'data', `${name}.json`), 'utf8'));
type Obs = { observation_id: string; metric_id: string; region_id: string; year: number | null; value_base: number };
type MetricRow = { metric_id: string; measure: string; compare: string };
type RegionRow = { region_id: string; gb_code: string; province_zh: string; province_en: string; level: string };
type Reference = { metric_id: string; year: number; value: number; unit: string };

const observations = new Map(json<Obs>('observations').map((o) => [o.observation_id, o]));
const metrics = new Map(json<MetricRow>('metrics').map((m) => [m.metric_id, m]));
const regions = new Map(json<RegionRow>('regions').map((r) => [r.region_id, r]));
// The site draws national rates beside regions (a national total is not the same kind of number as a county's).
const national = new Map(
  json<Reference>('reference')
    .filter((r) => r.unit === '%')
    .map((r) => [`${r.metric_id}|${r.year}`, r.value]),
);
const sizeFree = (measure: string) => measure === 'rate' || measure === 'change' || measure === 'average';
const codeOf = (o: Obs) => regions.get(o.region_id)?.gb_code || `~${o.region_id}`;
const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
const inOrder = (keys: string[]) => keys.every((k, i) => i === 0 || keys[i - 1]! <= k);
const descending = (values: number[]) => values.every((v, i) => i === 0 || values[i - 1]! >= v);

type Panel = {
  where: string;
  file: string;
  locale: 'zh-cn' | 'en';
  metric: MetricRow;
  form: string | null;
  rows: Obs[];
  /** The rows of the chart's table, in its order. */
  table: string[];
  svg: Element;
  texts: string[];
};
const obsIds = (links: Iterable<Element>) => [...new Set([...links].map((a) => a.getAttribute('href')?.split('#obs-')[1] ?? '').filter(Boolean))];

function panels(): Panel[] {
  const out: Panel[] = [];
  for (const file of htmlFiles(DIST)) {
    const doc = parseHTML(readFileSync(file, 'utf8')).document;
    const locale = doc.documentElement.getAttribute('lang')?.toLowerCase().startsWith('en') ? 'en' : 'zh-cn';
    for (const panel of doc.querySelectorAll('[data-panel="compare"]')) {
      const svg = panel.querySelector('svg');
      if (!svg || panel.closest('[data-growth-panel]') || panel.hasAttribute('data-growth-panel')) continue;
      // the rows in the order the chart draws them: its marks' links
      const rows = obsIds(svg.querySelectorAll('a')).map((id) => observations.get(id)!);
      const figure = panel.closest('figure');
      const metric = metrics.get(rows[0]!.metric_id)!;
      out.push({
        where: `${relative(DIST, file)} ${metric.metric_id}`,
        file: relative(DIST, file),
        locale,
        table: figure
          ? [...figure.querySelectorAll('.frame-panel[data-tab="table"] tbody tr[data-observation]')].map((tr) => tr.getAttribute('data-observation')!)
          : [],
        metric,
        form: svg.getAttribute('data-form'),
        rows,
        svg,
        texts: [...svg.querySelectorAll('text')].map((x) => x.textContent ?? ''),
      });
    }
  }
  return out;
}

describe('every comparison panel of the built site, by its metric’s measure and compare', () => {
  const all = panels();
  const distinctRegions = (rows: Obs[]) => new Set(rows.map((o) => o.region_id)).size;

  it('finds panels of every form on the curated site', () => {
    const forms = new Set(all.map((p) => p.form));
    expect([...forms].sort()).toEqual(['by-province', 'ranked', 'unranked']);
  });

  it('declares the form its metric allows', () => {
    for (const p of all) {
      const expected = p.metric.compare === 'province' ? 'by-province' : sizeFree(p.metric.measure) ? 'ranked' : 'unranked';
      expect(p.form, p.where).toBe(expected);
    }
  });

  it('never sorts a count or an amount by value across regions: its rows are in GB/T 2260 code order', () => {
    let checked = 0;
    for (const p of all.filter((p) => !sizeFree(p.metric.measure))) {
      const keys = p.rows.map((o) => (p.metric.compare === 'province' ? `${provinceCode(regions.get(o.region_id))}|${codeOf(o)}` : codeOf(o)));
      expect(inOrder(keys), `${p.where}: ${keys.join(', ')}`).toBe(true);
      if (distinctRegions(p.rows) >= 2) checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('never draws one sorted axis across provinces for a metric defined per province: rows grouped by province, each group headed', () => {
    let checked = 0;
    for (const p of all.filter((p) => p.metric.compare === 'province')) {
      const provinces = p.rows.map((o) => provinceCode(regions.get(o.region_id)));
      // each province's rows together, provinces in code order
      const runs = provinces.filter((c, i) => i === 0 || provinces[i - 1] !== c);
      expect(new Set(runs).size, `${p.where}: provinces contiguous`).toBe(runs.length);
      expect(inOrder(runs.map((c) => (c === 'unidentified' ? '~' : c))), `${p.where}: provinces in code order`).toBe(true);
      for (const o of p.rows) {
        const region = regions.get(o.region_id)!;
        const name = p.locale === 'en' ? region.province_en : region.province_zh;
        if (name)
          expect(
            p.texts.some((x) => x.startsWith(name)),
            `${p.where}: heading ${name}`,
          ).toBe(true);
      }
      // a sorted order by value within a province only, never across them
      for (const code of new Set(provinces)) {
        const within = p.rows.filter((_, i) => provinces[i] === code);
        if (sizeFree(p.metric.measure)) expect(descending(within.map((o) => o.value_base)), `${p.where}: by value within ${code}`).toBe(true);
      }
      if (runs.length >= 2) checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('says so where a province has no other region in the chart', () => {
    for (const p of all.filter((p) => p.metric.compare === 'province')) {
      const counts = new Map<string, Set<string>>();
      for (const o of p.rows) {
        const code = provinceCode(regions.get(o.region_id));
        counts.set(code, (counts.get(code) ?? new Set()).add(o.region_id));
      }
      const alone = [...counts.values()].filter((s) => s.size === 1).length;
      const said = p.texts.filter((x) => x.includes(p.locale === 'en' ? '(no other region of this province)' : '（本省无其他地区可比）')).length;
      expect(said, p.where).toBe(alone);
    }
  });

  it('labels the national value, with its year, on the plot wherever one exists for a drawn row', () => {
    let labelled = 0;
    for (const p of all) {
      const years = [...new Set(p.rows.map((o) => o.year).filter((y) => y !== null && national.has(`${p.metric.metric_id}|${y}`)))] as number[];
      if (!years.length) continue;
      const s = t(p.locale);
      const texts = p.texts.join('\n');
      // the latest year's value is always among the labels (several years of one value share a label: 2018–2022)
      const latest = Math.max(...years);
      const value = formatValue(national.get(`${p.metric.metric_id}|${latest}`)!, '%', p.locale);
      const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const label = escape(s.chartForm.national).replace(escape('{value}'), escape(value)).replace(escape('{year}'), `(\\d{4}–)?${latest}`);
      expect(texts, `${p.where}: national ${latest}`).toMatch(new RegExp(label));
      labelled++;
    }
    expect(labelled).toBeGreaterThan(0);
  });

  it('lists the chart’s table in the chart’s order, and draws one order in both languages', () => {
    const tables = all.filter((p) => p.table.length);
    for (const p of tables) expect(p.table, p.where).toEqual(p.rows.map((o) => o.observation_id));
    expect(tables.length).toBeGreaterThan(0);
    // the same page and metric in the other language: en/<path> beside <path>
    const zh = new Map(all.filter((p) => p.locale === 'zh-cn').map((p) => [`${p.file} ${p.metric.metric_id}`, p]));
    let compared = 0;
    for (const p of all.filter((p) => p.locale === 'en')) {
      const other = zh.get(`${p.file.replace(/^en\//, '')} ${p.metric.metric_id}`);
      if (!other) continue;
      expect(
        p.rows.map((o) => o.observation_id),
        p.where,
      ).toEqual(other.rows.map((o) => o.observation_id));
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('makes every mark a target of at least 24 × 24 px', () => {
    for (const p of all)
      for (const a of p.svg.querySelectorAll('a')) {
        const r = Number(a.querySelector('circle')?.getAttribute('r') ?? 0);
        expect(r * 2, `${p.where} ${a.getAttribute('href')}`).toBeGreaterThanOrEqual(24);
      }
  });
});
