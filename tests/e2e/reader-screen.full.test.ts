// A reader's first screens on a 390 × 844 phone, in both languages, on the pages a visitor reaches from the home
// page: the home page's first chart starts on the first screen, each chart's plot follows its title closely, no
// table squeezes Chinese below three characters a line, every chart mark is a target a finger can hit, and the
// header leaves the screen to the page. The chart frame's tabs work without JavaScript.
import type { Server } from 'node:http';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_PATH, DIST } from './paths.ts';
import { serve } from '../../scripts/static-server.ts';
import observations from '../../public/data/observations.json' with { type: 'json' };
import type { Observation } from '../../src/model/observation.ts';
import { headerHeight, MAX_HEADER_PX, MIN_CELL_CHARS, narrowChineseCells } from './phone-checks.ts';
import { chartScreen, median, MAX_TITLE_TO_PLOT, MAX_TITLE_TO_PLOT_MEDIAN, MIN_TARGET_PX, SCREEN, type ChartScreen } from './reader-screen-checks.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';

let browser: Browser;
let server: Server;
let origin: string;
let context: BrowserContext;
let page: Page;

/** The id with the most observations: the page of that kind with the most to show. */
function most(key: 'region_id' | 'report_id'): string {
  const counts = new Map<string, number>();
  for (const o of observations as Observation[]) counts.set(o[key], (counts.get(o[key]) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

type Visit = { path: string; screen: ChartScreen; header: number; narrow: string[] };
const visits: Visit[] = [];

/** Opens every tab of every chart frame in turn, so the tables behind the table tab are measured too. */
async function narrowCellsInEveryTab(): Promise<string[]> {
  const found = (await narrowChineseCells(page)).map((c) => `“${c.text}” ${c.chars}`);
  const tabs = page.locator('figure.frame .frame-tabs input[data-tab="table"]');
  for (let i = 0; i < (await tabs.count()); i++) {
    await tabs.nth(i).check({ force: true });
    for (const c of await narrowChineseCells(page)) found.push(`table tab: “${c.text}” ${c.chars}`);
  }
  return found;
}

beforeAll(async () => {
  ({ origin, server } = await serve(DIST, BASE_PATH));
  browser = await launchChromium();
  context = await browser.newContext({ viewport: SCREEN });
  page = await context.newPage();
  for (const lang of ['', 'en/']) {
    // the metric page a reader reaches by the home page's first chart title
    await page.goto(`${origin}${BASE_PATH}${lang}`, { waitUntil: 'load' });
    const metric = await page.locator('figure.chart h3 a').first().getAttribute('href');
    expect(metric, 'the home page’s first chart links to its metric').toBeTruthy();
    const paths = ['', 'topics/access/', metric!.slice(BASE_PATH.length + lang.length), `regions/${most('region_id')}/`, `reports/${most('report_id')}/`];
    for (const path of paths.map((p) => `${lang}${p}`)) {
      await page.goto(`${origin}${BASE_PATH}${path}`, { waitUntil: 'load' });
      const screen = await chartScreen(page);
      const header = await headerHeight(page);
      visits.push({ path: `/${path}`, screen, header, narrow: await narrowCellsInEveryTab() });
    }
  }
}, 300_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe(`on a ${SCREEN.width} × ${SCREEN.height} phone, in both languages`, () => {
  it('starts the home page’s first plot on the first screen', () => {
    const homes = visits.filter((v) => v.path === '/' || v.path === '/en/');
    expect(homes).toHaveLength(2);
    for (const home of homes) {
      expect(home.screen.firstPlot, `${home.path}: no plot`).not.toBeNull();
      expect(home.screen.firstPlot!, home.path).toBeLessThanOrEqual(SCREEN.height);
    }
  });

  it(`keeps each chart’s plot within ${MAX_TITLE_TO_PLOT} px of its title, ${MAX_TITLE_TO_PLOT_MEDIAN} px at the median`, () => {
    const gaps = visits.flatMap((v) => v.screen.gaps.map((g) => ({ ...g, path: v.path })));
    // the sample holds charts on the home, topic and metric pages of both languages
    expect(gaps.length).toBeGreaterThanOrEqual(6);
    expect(gaps.filter((g) => g.px > MAX_TITLE_TO_PLOT).map((g) => `${g.path} ${g.id}: ${g.px} px`)).toEqual([]);
    for (const v of visits.filter((v) => v.screen.gaps.length))
      expect(median(v.screen.gaps.map((g) => g.px)), v.path).toBeLessThanOrEqual(MAX_TITLE_TO_PLOT_MEDIAN);
  });

  it(`gives every table cell with Chinese text room for ${MIN_CELL_CHARS} characters a line, chart tables included`, () => {
    const narrow = visits.flatMap((v) => v.narrow.map((n) => `${v.path}: ${n}`));
    expect(narrow.slice(0, 20), `${narrow.length} narrow cells`).toEqual([]);
  });

  it(`makes every chart mark a target of at least ${MIN_TARGET_PX} × ${MIN_TARGET_PX} px`, () => {
    const marks = visits.flatMap((v) => v.screen.small.map((s) => `${v.path}: ${s.width} × ${s.height} ${s.href}`));
    expect(marks.slice(0, 20), `${marks.length} small chart links`).toEqual([]);
  });

  it(`keeps the header at most ${MAX_HEADER_PX} px tall`, () => {
    expect(visits.filter((v) => v.header > MAX_HEADER_PX || v.header === 0).map((v) => `${v.path}: ${v.header} px`)).toEqual([]);
  });
});

describe('the chart frame without JavaScript', () => {
  it('switches tabs by its radio buttons, and opens the panel an address names', async () => {
    const plain = await browser.newContext({ viewport: SCREEN, javaScriptEnabled: false });
    const p = await plain.newPage();
    await p.goto(`${origin}${BASE_PATH}`, { waitUntil: 'load' });
    const href = (await p.locator('figure.chart h3 a').first().getAttribute('href'))!;
    await p.goto(`${origin}${href}`, { waitUntil: 'load' });
    const id = (await p.locator('figure.frame').first().getAttribute('id'))!;
    const panel = (tab: string) => p.locator(`[id="${id}-${tab}"]`);
    expect(await panel('chart').isVisible()).toBe(true);
    expect(await panel('table').isVisible()).toBe(false);
    await p.locator(`[id="${id}"] .frame-tabs label:has(input[data-tab="table"])`).click();
    expect(await panel('table').isVisible()).toBe(true);
    expect(await panel('chart').isVisible()).toBe(false);
    await p.locator(`[id="${id}"] .frame-tabs label:has(input[data-tab="download"])`).click();
    expect(await panel('download').locator('a[download]').count()).toBeGreaterThanOrEqual(2);
    expect(await panel('download').isVisible()).toBe(true);
    // a fresh page at the address of the table panel: the table shows, and the download menu stays behind its tab
    const q = await plain.newPage();
    await q.goto(`${origin}${href.replace(/#.*$/, '')}#${id}-table`, { waitUntil: 'load' });
    expect(await q.locator(`[id="${id}-table"]`).isVisible()).toBe(true);
    expect(await q.locator(`[id="${id}"] a[download]:visible`).count()).toBe(0);
    await plain.close();
  });
});
