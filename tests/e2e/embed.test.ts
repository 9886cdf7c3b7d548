// Charts that travel, in a real browser: the chart-only page, its snippet on a page of another site, and the tab a
// shared address opens.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASE_PATH, DIST, SITE_URL } from './paths.ts';
import { htmlLang } from '../../src/i18n/locale.ts';
import { browserSession } from './browser-session.ts';

const { browser, origin, url } = browserSession();
const REACTS = { timeout: 15_000 };
// a metric whose page draws a chart has an embed page
const metric = () => readdirSync(`${DIST}/embed`)[0]!;

describe('embedding a chart', () => {
  for (const lang of ['', 'en/'])
    it(`${lang || 'zh/'}: the embed page draws the chart with its source line and a link back, without the site's header, navigation or footer`, async () => {
      const page = await browser().newPage();
      await page.goto(url(`${lang}embed/${metric()}/`));
      expect(await page.locator('header.site, nav, footer.site').count()).toBe(0);
      expect(await page.locator(`figure.chart#chart-${metric()} .plot svg`).count()).toBeGreaterThan(0);
      expect(await page.locator('figure.chart .frame-source').innerText()).toMatch(lang ? /Source/ : /来源/);
      const back = page.locator('.embed-back a');
      expect(await back.getAttribute('href')).toBe(`${BASE_PATH}${lang}metrics/${metric()}/#chart-${metric()}`);
      expect(await page.locator('html').getAttribute('lang')).toBe(htmlLang(lang ? 'en' : 'zh-cn'));
      await page.close();
    });

  it('gives each charted metric page a snippet that loads the chart in an iframe on a blank page of another site', async () => {
    const page = await browser().newPage();
    await page.goto(url(`metrics/${metric()}/`));
    await page.click(`#share-${metric()} summary`);
    const snippet = await page.locator(`textarea[data-embed-code="${metric()}"]`).inputValue();
    expect(snippet).toMatch(/^<iframe src="[^"]+" title="[^"]+" style="width: 100%; aspect-ratio: \d+ \/ \d+; border: 0"/);
    // the test build's site address stands for wherever the site is published; here it is this server
    const host = await browser().newPage();
    await host.setContent(`<!doctype html><html><body><h1>An article</h1>${snippet.replaceAll(SITE_URL, origin())}</body></html>`);
    const frame = await (await host.waitForSelector('iframe[data-bureau-atlas-embed]')).contentFrame();
    await frame!.waitForSelector(`figure.chart#chart-${metric()} .plot svg`, REACTS);
    expect(await frame!.locator('header.site').count()).toBe(0);
    // with the optional script the frame takes its content's height
    await host.waitForFunction(() => document.querySelector('iframe')!.style.height.endsWith('px'), null, REACTS);
    const height = await host.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height);
    expect(height).toBeGreaterThan(200);
    await host.close();
    await page.close();
  });

  it('offers, once, the rows drawn and the image, then every value of the metric', async () => {
    const page = await browser().newPage();
    await page.goto(url(`en/metrics/${metric()}/`));
    const hrefs = await page.locator(`#chart-${metric()} .download-menu a[download]`).evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs).toEqual([
      `${BASE_PATH}charts/drawn/${metric()}.excel.csv`,
      `${BASE_PATH}charts/drawn/${metric()}.csv`,
      `${BASE_PATH}charts/${metric()}.en.svg`,
      `${BASE_PATH}charts/${metric()}.en.png`,
      `${BASE_PATH}charts/${metric()}.excel.csv`,
      `${BASE_PATH}charts/${metric()}.csv`,
      `${BASE_PATH}data/by-metric/${metric()}.json`,
    ]);
    // the share toggle passes the chart on; its downloads are the tab's, not a second list
    expect(await page.locator(`#share-${metric()} a[download]`).count()).toBe(0);
    const drawn = (await (await fetch(`${origin()}${hrefs[1]}`)).text()).trim().split('\n');
    const marks = (await page.locator(`#chart-${metric()} .plot-wide`).getAttribute('data-observations'))!.split(' ');
    expect(drawn.length - 1).toBe(marks.length);
    const all = (await (await fetch(`${origin()}${hrefs[5]}`)).text()).trim().split('\n');
    expect(all.length).toBeGreaterThanOrEqual(drawn.length);
    const excel = Buffer.from(await (await fetch(`${origin()}${hrefs[0]}`)).arrayBuffer());
    expect([...excel.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    for (const href of hrefs.slice(2)) expect((await fetch(`${origin()}${href}`)).status, href).toBe(200);
    await page.close();
  });
});

describe('links that keep the view', () => {
  it('opens the tab the address names, and writes the tab a reader opens into the address and the permalink', async () => {
    const page = await browser().newPage();
    await page.goto(url(`metrics/${metric()}/?tab=table`));
    const table = page.locator(`#chart-${metric()} table`).first();
    await table.waitFor({ state: 'visible', ...REACTS });
    const plain = await browser().newPage();
    await plain.goto(url(`metrics/${metric()}/`));
    expect(await plain.locator(`#chart-${metric()} table`).first().isVisible()).toBe(false);
    await plain.click(`#chart-${metric()} label:has(input[data-tab=table])`);
    await plain.waitForFunction(() => location.search === '?tab=table', null, REACTS);
    expect(await plain.locator(`a[data-permalink="${metric()}"]`).getAttribute('href')).toContain('?tab=table');
    await plain.close();
    await page.close();
  });
});
