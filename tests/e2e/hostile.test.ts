// A dataset written by an attacker (or a careless copy-paste) must build, render inert and keep the layout.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURES, METRICS, REGIONS, SNAPSHOT, SOURCE, reportJson, writeDataset } from '../fixtures/dataset.ts';
import { serve } from '../../scripts/static-server.ts';
import { buildEnv } from './paths.ts';

const EVIL = '<script>alert(1)</script>"onerror="alert(2)" javascript:alert(3) evil'; // bidi controls are refused at compile (text-rules.ts), tested there
// 100 KB strings: where data/ allows no such length (names, titles, notes) npm run data refuses them (tested in
// tests/pipeline/hostile-input.test.ts), so the built site carries each field at its longest allowed length, and the
// report's text a line of 100 000 characters.
const HUGE = '长'.repeat(100_000);
const fill = (text: string, chars: number) => text + '长'.repeat(Math.max(0, chars - Array.from(text).length));
const FORMULA = '=HYPERLINK("http://evil.example")';
const PUBLIC_STAGING = join(process.cwd(), 'public', `data.staging-${process.pid}`);
const DIST = join(process.cwd(), 'test-results', 'hostile');
const BASE = '/hostile/';

// The hostile line is in the snapshot and the report, so a quote of it passes the provenance proof for real.
const line = `加大教育投入<img src=x onerror=alert(4)>投资2亿元${HUGE}`;
const snapshot = `${SNAPSHOT}${line}\n`;
const source = `${SOURCE}${line}\n`;

const csvText = (text: string) => `"${text.replaceAll('"', '""')}"`;
let hostileBuildSeconds = 0;

beforeAll(() => {
  const dir = writeDataset({
    metrics: METRICS.replace(
      'Investment in school construction,CNY,,中小学建设项目的投资额。',
      `${csvText(fill(`${FORMULA} ${EVIL}`, 200))},CNY,,${csvText(fill(`@SUM(A1) ${EVIL}`, 1000))}`,
    ),
    regions: REGIONS.replace(
      '标题写明该区。,The title names the district.',
      `${csvText(fill(`-2+3 ${EVIL}`, 1000))},${csvText(fill(`-2+3 ${EVIL}`, 1000))}`,
    ).replace('张店区,Zhangdian District', `${csvText(`${FORMULA}张店区`)},${csvText(fill(`Zhangdian District`, 200))}`),
    figures: `${FIGURES}f005,school_construction_investment,2019,actual,2,亿元,,2亿元,"加大教育投入<img src=x onerror=alert(4)>投资2亿元",${csvText(fill('school:+1+1', 200))},${csvText(fill('school +1+1', 200))},,,${csvText(fill(`${FORMULA} ${EVIL}`, 2000))},${csvText(fill(`${FORMULA} ${EVIL}`, 2000))}\n`,
    source,
    report: reportJson(
      { title_en: fill(`javascript:alert(5) ${EVIL}`, 300), notes_zh: fill(`+cmd ${EVIL}`, 5000), notes_en: fill(`+cmd ${EVIL}`, 5000) },
      source,
    ),
  });
  // The fixture's snapshot must hold the hostile line too.
  writeFileSync(join(dir, 'snapshots', '004_0000.txt'), snapshot);
  execFileSync('node', ['scripts/stamp-report.ts', '004-zhangdian-2019'], { env: { ...process.env, DATA_DIR: dir } });
  const out = mkdtempSync(join(tmpdir(), 'atlas-hostile-'));
  execFileSync('node', ['scripts/build-data.ts'], { env: { ...process.env, DATA_DIR: dir, OUT_DIR: out }, stdio: 'inherit' });
  OUT = out;
  rmSync(DIST, { recursive: true, force: true });
  // a run of npm run data still writing while the site builds: its staging folder must not be published
  mkdirSync(PUBLIC_STAGING, { recursive: true });
  writeFileSync(join(PUBLIC_STAGING, 'observations.csv'), 'half-written');
  const started = performance.now();
  execFileSync('npx', ['astro', 'build'], { env: buildEnv({ ATLAS_DATA: out, DIST_DIR: DIST, BASE_PATH: BASE }), stdio: ['ignore', 'ignore', 'inherit'] });
  hostileBuildSeconds = (performance.now() - started) / 1000;
  console.log(`hostile astro build: ${hostileBuildSeconds.toFixed(1)} s`);
}, 600_000);
afterAll(() => {
  rmSync(DIST, { recursive: true, force: true });
  rmSync(PUBLIC_STAGING, { recursive: true, force: true });
});
let OUT = '';

const html = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? html(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));

describe('a hostile dataset', () => {
  it('renders every string as text: no injected element, handler or javascript: link', () => {
    const files = html(DIST);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      for (const script of document.querySelectorAll('script')) expect(script.getAttribute('src') ?? '', file).toMatch(new RegExp(`^${BASE}_astro/`));
      expect(document.querySelectorAll('img').length, file).toBe(0);
      for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) expect(attr.name.startsWith('on'), `${file}: ${attr.name}`).toBe(false);
        const href = el.getAttribute('href');
        if (href) expect(href.trim().toLowerCase().startsWith('javascript:'), `${file}: ${href}`).toBe(false);
      }
    }
    expect(readFileSync(join(DIST, 'en', 'regions', '370303', 'index.html'), 'utf8')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('publishes no CSV cell that a spreadsheet would run as a formula, except numbers', () => {
    const csvs = [
      ...readdirSync(OUT)
        .filter((f) => f.endsWith('.csv'))
        .map((f) => join(OUT, f)),
      ...readdirSync(join(DIST, 'charts'))
        .filter((f) => f.endsWith('.csv'))
        .map((f) => join(DIST, 'charts', f)),
    ];
    expect(csvs.length).toBeGreaterThan(5);
    let escaped = 0;
    for (const file of csvs) {
      for (const row of Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true }).data) {
        for (const cell of row) {
          if (/^[=+\-@\t\r]/.test(cell)) expect(Number.isFinite(Number(cell)), `${file}: ${cell.slice(0, 40)}`).toBe(true);
          if (/^'[=+\-@]/.test(cell)) escaped++;
        }
      }
    }
    // the hostile name, reasoning, note, scope and report notes are there, made inert
    expect(escaped).toBeGreaterThanOrEqual(5);
    expect(readFileSync(join(OUT, 'regions.csv'), 'utf8')).toContain(`"'=HYPERLINK(""http://evil.example"")张店区"`);
  });

  it('never copies a staging folder of npm run data into the site', () => {
    expect(existsSync(join(DIST, `data.staging-${process.pid}`))).toBe(false);
    expect(readdirSync(DIST).filter((f) => /\.(staging|previous)-\d+$/.test(f))).toEqual([]);
  });

  it('keeps the layout at phone width with strings at their longest allowed length and a 100 000-character line', async () => {
    const { origin, server } = await serve(DIST, BASE);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    for (const path of ['regions/370303/', 'reports/004-zhangdian-2019/', 'metrics/school_construction_investment/', 'en/reports/004-zhangdian-2019/']) {
      await page.goto(`${origin}${BASE}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    expect(dialogs).toBe(0);
    await browser.close();
    server.close();
  }, 120_000);
});
