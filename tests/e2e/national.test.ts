// The site built from a synthetic dataset above LIST_THRESHOLD reports, as at national scale: the search index is
// split into a core index and per-province bundles (src/site/search-shards.ts), and the search page merges a
// province's bundles when the reader picks it. Small bundles (SEARCH_SHARD_PAGES) so that provinces have several.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Server } from 'node:http';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_PATH, buildEnv } from './paths.ts';
import { serve } from '../../scripts/static-server.ts';
import { scratchProject } from '../../scripts/scratch-project.ts';
import { LOCALES } from '../../src/i18n/format.ts';
import { isGrouped } from '../../src/site/listing.ts';
import { isSharded, searchShards, shardPath } from '../../src/site/search-shards.ts';
import { parseHTML } from 'linkedom';
import { t } from '../../src/i18n/strings.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';

const SHARD_PAGES = 4;
const work = mkdtempSync(join(tmpdir(), 'atlas-national-'));
const dist = join(work, 'dist');
const node = process.execPath;
type Row = Record<string, string | number | null>;
let regions: Row[];
let reports: Row[];
let browser: Browser;
let server: Server;
let origin: string;

const indexSearch = () =>
  execFileSync(node, ['scripts/search-index.ts'], {
    env: buildEnv({ DIST_DIR: dist, SEARCH_SHARD_PAGES: String(SHARD_PAGES) }),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

beforeAll(async () => {
  const data = join(work, 'synthetic');
  const out = join(work, 'out');
  const root = join(work, 'site');
  execFileSync(node, ['scripts/synth.ts', '--regions', '8', '--years', '8', '--metrics', '6', '--seed', '3', '--out', data], { stdio: 'ignore' });
  execFileSync(node, ['scripts/build-data.ts'], { env: buildEnv({ DATA_DIR: data, OUT_DIR: out }), stdio: 'ignore' });
  scratchProject(root, out);
  execFileSync(node, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
    cwd: root,
    env: buildEnv({ ATLAS_DATA: join(root, 'public', 'data'), DIST_DIR: dist, BASE_PATH, SEARCH_SHARD_PAGES: String(SHARD_PAGES) }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  indexSearch();
  regions = JSON.parse(readFileSync(join(dist, 'data', 'regions.json'), 'utf8'));
  reports = JSON.parse(readFileSync(join(dist, 'data', 'reports.json'), 'utf8'));
  ({ origin, server } = await serve(dist, BASE_PATH));
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

const entry = (dir: string) =>
  JSON.parse(readFileSync(join(dist, dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
const pageCount = (dir: string) => Object.values(entry(dir).languages).reduce((n, l) => n + l.page_count, 0);
const htmlPages = () =>
  readdirSync(dist, { recursive: true, withFileTypes: true })
    // chart-only pages for iframes (embed/) are not searched: their metric's page is
    .filter((e) => e.isFile() && e.name.endsWith('.html') && !relative(dist, e.parentPath).split('/').includes('embed'))
    .map((e) => relative(dist, join(e.parentPath, e.name)));

describe('the search index at national scale', () => {
  it('writes the core index and one bundle per province, part and language, holding every page exactly once', () => {
    expect(isSharded(reports.length)).toBe(true);
    const plan = searchShards(regions as never, reports as never, SHARD_PAGES);
    expect(plan.some((p) => p.shards.length > 1)).toBe(true);
    let sharded = 0;
    for (const shard of plan.flatMap((p) => p.shards)) {
      for (const locale of LOCALES) {
        const languages = Object.keys(entry(shardPath(locale, shard)).languages);
        expect(languages, shardPath(locale, shard)).toEqual([locale === 'en' ? 'en' : 'zh-hans']);
        expect(pageCount(shardPath(locale, shard)), shardPath(locale, shard)).toBe(shard.regions.length + shard.reports.length);
        sharded += shard.regions.length + shard.reports.length;
      }
    }
    expect(sharded).toBe(2 * (regions.length + reports.length));
    expect(readdirSync(join(dist, 'pagefind-shards', 'en')).length).toBe(plan.flatMap((p) => p.shards).length);
    // The core index has every other page: no region or report page, nothing left out.
    expect(pageCount('pagefind')).toBe(htmlPages().length - sharded);
    expect(existsSync(join(dist, '.search-staging'))).toBe(false);
  });

  it('refuses a search page that lists other bundles than the index has', () => {
    expect(() =>
      execFileSync(node, ['scripts/search-index.ts'], { env: buildEnv({ DIST_DIR: dist, SEARCH_SHARD_PAGES: String(SHARD_PAGES + 1) }), stdio: 'pipe' }),
    ).toThrow(/search\/index\.html lists \d+ search bundles, the plan has \d+/);
  });

  it('refuses a site whose pages do not match its data, naming the page, and keeps the previous index', () => {
    const missing = `reports/${reports[0]!.report_id}/index.html`;
    const html = readFileSync(join(dist, missing));
    const before = readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'));
    const bundles = readdirSync(join(dist, 'pagefind-shards', 'zh-cn')).length;
    rmSync(join(dist, missing));
    try {
      expect(indexSearch).toThrow(missing);
      expect(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'))).toEqual(before);
      expect(readdirSync(join(dist, 'pagefind-shards', 'zh-cn')).length).toBe(bundles);
      expect(existsSync(join(dist, '.search-staging'))).toBe(false);
    } finally {
      writeFileSync(join(dist, missing), html);
    }
  });

  it('finds a report’s text only once the reader picks its province, and keeps the choice in the address', async () => {
    const report = reports.find((r) => r.year !== null)!;
    const region = regions.find((r) => r.region_id === report.region_id)!;
    const province = `${String(region.gb_code).slice(0, 2)}0000`;
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    const hrefs = () => page.locator('[data-search-results] li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const target = `${BASE_PATH}reports/${report.report_id}/`;
    const query = `${region.name_zh} ${report.year}`;

    // From the region page's link, with its province chosen.
    await page.goto(`${origin}${BASE_PATH}regions/${region.region_id}/`);
    await page.locator(`a[href="${BASE_PATH}search/?province=${province}"]`).click();
    await page.waitForURL((url) => url.pathname === `${BASE_PATH}search/` && url.searchParams.get('province') === province);
    expect(await page.locator('#province').inputValue()).toBe(province);
    await page.locator('#q').fill(query);
    await expect.poll(hrefs, { timeout: 15_000 }).toContain(target);
    expect(new URL(page.url()).searchParams.get('q')).toBe(query);
    expect(new URL(page.url()).searchParams.get('province')).toBe(province);

    // Without a province region and report pages are not searched; the listing of regions answers for the region.
    await page.locator('#province').selectOption('');
    await page.locator('#q').fill(String(region.name_zh));
    await expect.poll(hrefs, { timeout: 15_000 }).toContain(`${BASE_PATH}regions/${isGrouped(regions.length) ? `p/${province}/` : ''}`);
    expect(await hrefs()).not.toContain(target);
    expect(await hrefs()).not.toContain(`${BASE_PATH}regions/${region.region_id}/`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers the English bundles on the English search page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}${BASE_PATH}en/search/`);
    const bundles = await page
      .locator('#province option[data-bundles]')
      .evaluateAll((os) => os.flatMap((o) => (o as HTMLOptionElement).dataset.bundles!.split(' ')));
    expect(bundles.length).toBe(readdirSync(join(dist, 'pagefind-shards', 'en')).length);
    for (const bundle of bundles) expect(bundle).toMatch(new RegExp(`^${BASE_PATH}pagefind-shards/en/[0-9a-z]+-\\d+/$`));
    for (const bundle of bundles) expect(existsSync(join(dist, bundle.slice(BASE_PATH.length), 'pagefind-entry.json')), bundle).toBe(true);
    await context.close();
  });
});

describe('metrics with more values than a chart has rows', () => {
  it('summarise each year in a table whose columns are named and whose figures are in order and add up', () => {
    const columns = t('en').distribution.columns;
    const tables = readdirSync(join(dist, 'en', 'metrics'))
      .map((id) => parseHTML(readFileSync(join(dist, 'en', 'metrics', id, 'index.html'), 'utf8')).document)
      .flatMap((doc) => [...doc.querySelectorAll('table')].filter((table) => /^Distribution by year/.test(table.querySelector('caption')?.textContent ?? '')));
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
      expect(heads.slice(1, 7)).toEqual([columns.count, columns.min, columns.q1, columns.median, columns.q3, columns.max]);
      const total = Number(/\((\d+) values\)/.exec(table.querySelector('caption')!.textContent!)![1]);
      let counted = 0;
      for (const row of table.querySelectorAll('tbody tr')) {
        const cells = [...row.querySelectorAll('td')].map((td) => td.textContent!.trim());
        counted += Number(cells[1]);
        const summary = cells.slice(2, 7);
        // plain numbers (counts, rates): the five must not decrease from lowest to highest
        if (summary.every((c) => /^-?[\d,.]+%?$/.test(c))) {
          const values = summary.map((c) => Number(c.replace(/[,%]/g, '')));
          expect(values, cells.join(' | ')).toEqual([...values].sort((a, b) => a - b));
        }
      }
      expect(counted).toBe(total);
    }
  });
});
