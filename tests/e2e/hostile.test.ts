// A dataset written by an attacker (or a careless copy-paste) must build, render inert and keep the layout.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURES, METRICS, REGIONS, SNAPSHOT, SOURCE, reportJson, writeDataset } from '../fixtures/dataset.ts';
import { serve } from '../../scripts/static-server.ts';
import { buildEnv } from './paths.ts';

const EVIL = '<script>alert(1)</script>"onerror="alert(2)" javascript:alert(3) \u202Eevil\u202C';
const LONG = '长'.repeat(10_000);
const DIST = join(process.cwd(), 'test-results', 'hostile');
const BASE = '/hostile/';

// The hostile line is in the snapshot and the report, so a quote of it passes the provenance proof for real.
const line = `加大教育投入<img src=x onerror=alert(4)>投资2亿元${LONG}`;
const snapshot = `${SNAPSHOT}${line}\n`;
const source = `${SOURCE}${line}\n`;

beforeAll(() => {
  const dir = writeDataset({
    metrics: METRICS.replace('Investment in school construction,CNY,,中小学建设项目的投资额。', `Investment in school construction,CNY,,"${EVIL.replaceAll('"', '""')}${LONG}"`),
    regions: REGIONS.replace('The title names the district.', `"${EVIL.replaceAll('"', '""')}"`).replace('Zhangdian District', `Zhangdian ${'\u202E'}District${LONG}`),
    figures: `${FIGURES}f005,school_construction_investment,2019,actual,2,亿元,,2亿元,"加大教育投入<img src=x onerror=alert(4)>投资2亿元",,,,,"${EVIL.replaceAll('"', '""')}"\n`,
    source,
    report: reportJson({ title_en: `javascript:alert(5) ${EVIL}`, notes: `${EVIL} ${LONG}` }, source),
  });
  // The fixture's snapshot must hold the hostile line too.
  execFileSync('bash', ['-c', `printf '%s' "$0" > "$1"`, snapshot, join(dir, 'snapshots', '004_0000.txt')]);
  execFileSync('node', ['scripts/stamp-report.ts', '004-zhangdian-2019'], { env: { ...process.env, DATA_DIR: dir } });
  const out = mkdtempSync(join(tmpdir(), 'atlas-hostile-'));
  execFileSync('node', ['scripts/build-data.ts'], { env: { ...process.env, DATA_DIR: dir, OUT_DIR: out }, stdio: 'inherit' });
  rmSync(DIST, { recursive: true, force: true });
  execFileSync('npx', ['astro', 'build'], { env: buildEnv({ ATLAS_DATA: out, DIST_DIR: DIST, BASE_PATH: BASE }), stdio: ['ignore', 'ignore', 'inherit'] });
}, 300_000);
afterAll(() => rmSync(DIST, { recursive: true, force: true }));

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
    expect(readFileSync(join(DIST, 'regions', '370303', 'index.html'), 'utf8')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps the layout at phone width with 10 000-character strings and right-to-left marks', async () => {
    const { origin, server } = await serve(DIST, BASE);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
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
