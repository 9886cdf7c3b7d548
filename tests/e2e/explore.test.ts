// The data explorer in a real browser, on the built site served by the project's static server (byte ranges, as
// GitHub Pages answers them).
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BASE_PATH } from './paths.ts';
import observations from '../../public/data/observations.json' with { type: 'json' };
import metrics from '../../public/data/metrics.json' with { type: 'json' };
import regions from '../../public/data/regions.json' with { type: 'json' };
import type { Observation } from '../../src/model/observation.ts';
import { browserSession } from './browser-session.ts';

const { browser, origin, url } = browserSession();
// the explorer's first rows on two loaded cores: reader fetched, footer, filter columns and one page of rows
const READY = { timeout: 20_000 };
const all = observations as Observation[];
const metricName = new Map(metrics.map((m) => [m.metric_id, m.name_zh]));
const provinceOf = new Map(regions.map((r) => [r.region_id, r.province_zh]));

async function explore(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}) {
  const context = await browser().newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  const parquet: { url: string; status: number; range: string | null; bytes: number }[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('response', async (r) => {
    if (!r.url().endsWith('.parquet')) return;
    parquet.push({ url: r.url(), status: r.status(), range: r.request().headers().range ?? null, bytes: Number(r.headers()['content-length']) });
  });
  await page.goto(url(path), { waitUntil: 'load' });
  if (options.javaScriptEnabled !== false) await page.waitForSelector('[data-explorer][data-ready]', READY);
  return { page, problems, parquet, close: () => context.close() };
}

const cells = (page: Page, column: number) => page.locator(`.explore-table tbody tr td:nth-child(${column})`).allInnerTexts();
const status = (page: Page) => page.locator('[data-explore-status]').innerText();
const settled = (page: Page, query: RegExp) => page.waitForFunction((q) => new RegExp(q).test(location.search), query.source, READY);

describe('the data explorer', () => {
  it('filters by province and metric from its address, reading the Parquet file by byte ranges', async () => {
    const expected = all.filter((o) => provinceOf.get(o.region_id) === '安徽省' && o.metric_id === 'student_aid_students');
    const { page, problems, parquet, close } = await explore('data/explore/?province=340000&metric=student_aid_students');
    expect(await status(page)).toContain(`${expected.length} 条`);
    expect(new Set(await cells(page, 1)).size).toBeGreaterThan(0);
    for (const region of await cells(page, 1)) expect(region).toMatch(/^安徽省/);
    for (const metric of await cells(page, 2)) expect(metric.startsWith(metricName.get('student_aid_students')!)).toBe(true);
    expect(await page.locator('select[name=province]').inputValue()).toBe('340000');
    // every read of a table file is a range answered with its bytes alone
    expect(parquet.length).toBeGreaterThan(0);
    for (const read of parquet) {
      expect(read.range, read.url).toMatch(/^bytes=/);
      expect(read.status, read.url).toBe(206);
    }
    expect(problems).toEqual([]);
    await close();
  });

  it('puts the filters a reader chooses into the address, and the address opens them again', async () => {
    const { page, close } = await explore('data/explore/');
    await page.selectOption('select[name=province]', '440000');
    await settled(page, /province=440000/);
    await page.selectOption('select[name=kind]', 'target');
    await settled(page, /kind=target/);
    const shown = await status(page);
    const again = await explore(`data/explore/${await page.evaluate(() => location.search)}`);
    expect(await status(again.page)).toBe(shown);
    expect(await again.page.locator('select[name=kind]').inputValue()).toBe('target');
    await again.close();
    await close();
  });

  it('finds 入园率 inside a metric name, and a place name inside a full region name (阳江 in 广东省阳江市)', async () => {
    const { page, close } = await explore('data/explore/');
    await page.fill('input[name=q]', '入园率');
    await settled(page, /q=/);
    await page.waitForFunction(() => /条，共/.test(document.querySelector('[data-explore-status]')!.textContent!), null, READY);
    const rate = all.filter((o) => metricName.get(o.metric_id)!.includes('入园率'));
    expect(rate.length).toBeGreaterThan(0);
    expect(await status(page)).toContain(`${rate.length} 条`);
    for (const metric of await cells(page, 2)) expect(metric).toContain('入园率');

    await page.fill('input[name=q]', '阳江');
    await page.waitForFunction(() => /%E9%98%B3%E6%B1%9F/.test(location.search), null, READY);
    const yangjiang = all.filter((o) => o.region_id === '441700');
    await page.waitForFunction((n) => document.querySelector('[data-explore-status]')!.textContent!.startsWith(`${n} 条`), yangjiang.length, READY);
    for (const region of await cells(page, 1)) expect(region).toBe('广东省阳江市');
    await close();
  });

  it('searches in the English twin too, in English names', async () => {
    const { page, close } = await explore('en/data/explore/?q=enrolment%20rate');
    // two words, each anywhere in the metric's names or id ("gross enrolment rate", "enrolment … rate")
    const texts = (id: string) => {
      const m = metrics.find((x) => x.metric_id === id)!;
      return `${m.name_en} ${m.name_zh} ${m.metric_id}`.toLowerCase();
    };
    const expected = all.filter((o) => ['enrolment', 'rate'].every((w) => texts(o.metric_id).includes(w)));
    expect(expected.length).toBeGreaterThan(0);
    expect(await status(page)).toContain(`${expected.length} of ${all.length}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await close();
  });

  it('sorts by value, up and then down, and keeps the sort in the address', async () => {
    const { page, close } = await explore('data/explore/?metric=student_aid_students');
    const values = () => page.$$eval('.explore-table tbody tr', (rows) => rows.map((r) => r.getAttribute('data-observation')!));
    // ties keep the file's order, which is the JSON's
    const valued = all.filter((o) => o.metric_id === 'student_aid_students' && o.value_base !== null);
    const lowest = [...valued].sort((a, b) => a.value_base! - b.value_base!)[0]!;
    const highest = [...valued].sort((a, b) => b.value_base! - a.value_base!)[0]!;
    await page.click('button[data-sort=value]');
    await settled(page, /sort=value/);
    await page.waitForSelector('th[aria-sort=ascending] button[data-sort=value]', READY);
    expect((await values())[0]).toBe(lowest.observation_id);
    await page.click('button[data-sort=value]');
    await settled(page, /desc=1/);
    await page.waitForSelector('th[aria-sort=descending] button[data-sort=value]', READY);
    expect((await values())[0]).toBe(highest.observation_id);
    await close();
  });

  it('links each row to its sentence on the report page and to its metric chart', async () => {
    const { page, close } = await explore('data/explore/?metric=student_aid_students');
    const row = page.locator('.explore-table tbody tr').first();
    const id = (await row.getAttribute('data-observation'))!;
    const o = all.find((x) => x.observation_id === id)!;
    expect(await row.locator('a[data-chart]').getAttribute('href')).toBe(`${BASE_PATH}metrics/${o.metric_id}/#chart-${o.metric_id}`);
    await row.locator('a[data-sentence]').click();
    await page.waitForURL(`**/reports/${o.report_id}/#obs-${id}`, READY);
    expect(await page.locator(`[id="obs-${id}"]`).count()).toBe(1);
    await close();
  });

  it('is a page of downloads and lists without JavaScript', async () => {
    const { page, close } = await explore('data/explore/', { javaScriptEnabled: false });
    expect(await page.locator('[data-explorer]').isHidden()).toBe(true);
    expect(await page.locator('[data-explore-nojs]').isVisible()).toBe(true);
    const links = await page.locator('.explore-files a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain(`${BASE_PATH}data/observations.csv`);
    expect(links).toContain(`${BASE_PATH}data/observations.parquet`);
    for (const href of links) expect((await fetch(`${origin()}${href}`)).status, href!).toBe(200);
    expect(await page.locator(`a[href="${BASE_PATH}regions/"]`).count()).toBeGreaterThan(0);
    expect(await page.locator(`a[href="${BASE_PATH}topics/access/"]`).count()).toBeGreaterThan(0);
    await close();
  });
});
