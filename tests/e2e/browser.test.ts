// The built site in a real browser, served under its sub-path as GitHub Pages serves it: reading a chart, moving
// between pages, searching, downloading, and every page template on a phone and a desktop. Every kind of page's load is
// sweep.test.ts; accessibility is accessibility.test.ts; npm run screenshots writes the main page kinds to look at.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_PATH, DIST } from './paths.ts';
import observations from '../../public/data/observations.json' with { type: 'json' };
import type { Observation } from '../../src/model/observation.ts';
import { readerProblems } from './reader-checks.ts';
import { t } from '../../src/i18n/strings.ts';
import { browserSession, firstMetric, REACTS, SEARCH_ANSWERS } from './browser-session.ts';

const { open, url } = browserSession();

describe('reading a chart', () => {
  it('shows a tooltip when a mark is hovered or focused', async () => {
    const { page, close } = await open(`metrics/${firstMetric()}/`);
    const mark = page.locator('figure.chart svg a').first();
    await mark.hover();
    await expect.poll(() => page.locator('figure.chart .tooltip').first().isVisible(), REACTS).toBe(true);
    await page.mouse.move(0, 0);
    await mark.focus();
    const text = await page.locator('figure.chart .tooltip').first().textContent();
    expect(text).toMatch(/\S/);
    await close();
  });

  it('opens the figure’s card when a mark is clicked, and from the card the highlighted figure in its report, which links back to the card', async () => {
    const { page, close } = await open(`metrics/${firstMetric()}/`);
    await page.locator('figure.chart svg a').first().click();
    await page.waitForURL(new RegExp(`/metrics/${firstMetric()}/#obs-`));
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const card = page.locator(`article.figure-card[id="${id}"]`);
    await expect.poll(() => card.evaluate((el) => getComputedStyle(el).borderTopColor), REACTS).toBe('rgb(224, 180, 0)');
    await card.locator('.figure-card-links a').first().click();
    await page.waitForURL(new RegExp(`/reports/.+#${id}$`));
    // The figure itself is highlighted (a sentence may hold three figures), not the sentence around it.
    const figure = page.locator(`[id="${id}"]`).locator('xpath=ancestor-or-self::span[contains(@class, "fig")][1]').locator('mark').first();
    await expect.poll(() => figure.evaluate((el) => getComputedStyle(el).backgroundColor), REACTS).toBe('rgb(255, 224, 138)');
    const quote = page.locator(`[id="${id}"]`).locator('xpath=ancestor::span[contains(@class, "quote")][1]');
    expect(await quote.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgb(255, 224, 138)');
    await figure.click();
    await page.waitForURL(new RegExp(`/metrics/[^/]+/#${id}$`));
    await close();
  });

  it('jumps from the top of a report page to its table of figures', async () => {
    const { page, close } = await open(`reports/${observations[0]!.report_id}/`);
    await page.locator('a[href="#figures"]').click();
    await expect.poll(() => page.locator('#figures').evaluate((el) => Math.abs(el.getBoundingClientRect().top) < 50), REACTS).toBe(true);
    await close();
  });

  it('lands on the sentence from a table cell too', async () => {
    const { page, close } = await open(`regions/${observations[0]!.region_id}/`);
    await page.locator('td.num a').first().click();
    await page.waitForURL(/#obs-/);
    expect(page.url()).toContain(`${BASE_PATH}reports/`);
    await close();
  });

  it('keeps every chart and table when JavaScript is off', async () => {
    const { page, close } = await open(`metrics/${firstMetric()}/`, { javaScriptEnabled: false });
    expect(await page.locator('figure.chart .plot-wide svg').count()).toBe(1);
    expect(await page.locator('figure.chart .plot-wide svg a').count()).toBeGreaterThan(1);
    expect(await page.locator('figure.chart table tbody tr').count()).toBeGreaterThan(1);
    await close();
  });

  it('reaches chart marks with the keyboard and shows where focus is', async () => {
    const { page, close } = await open(`metrics/${firstMetric()}/`);
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.closest('svg') !== null && document.activeElement?.tagName.toLowerCase() === 'a');
    }
    expect(reached).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await close();
  });
});

describe('navigation, search and downloads', () => {
  it('switches language to the twin page', async () => {
    const { page, close } = await open(`metrics/${firstMetric()}/`);
    await page.locator('[data-lang-switch]').click();
    await page.waitForURL(`**${BASE_PATH}en/metrics/${firstMetric()}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await close();
  });

  it('keeps the figure anchor and the search query when switching language', async () => {
    const first = observations[0]!;
    const report = await open(`reports/${first.report_id}/#obs-${first.observation_id}`);
    await report.page.locator('[data-lang-switch]').click();
    await report.page.waitForURL(`**${BASE_PATH}en/reports/${first.report_id}/#obs-${first.observation_id}`);
    await report.close();
    const search = await open('search/?q=入园率');
    await search.page.locator('[data-lang-switch]').click();
    await search.page.waitForURL((u) => u.pathname === `${BASE_PATH}en/search/` && u.searchParams.get('q') === '入园率');
    await search.close();
  });

  it('finds the preschool enrolment metric first for 入园率, nothing about 投入, and says what each result is', async () => {
    const { page, close } = await open('search/?q=入园率');
    const results = page.locator('[data-search-results] li');
    await expect.poll(() => results.count(), SEARCH_ANSWERS).toBeGreaterThan(0);
    expect(await results.first().locator('a').getAttribute('href')).toMatch(/\/metrics\/preschool_gross_enrolment_rate\/$/);
    expect(await results.first().locator('.badge').textContent()).toBe('指标');
    // Pagefind alone also matches 投入 (入) and 园: a result about those without the whole word is a wrong hit.
    for (const text of await results.allTextContents()) expect(/投入|园区/.test(text) && !text.includes('入园率'), text).toBe(false);
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/^找到 \d+ 个结果/);
    await close();
  });

  it('sends a Chinese word that the English index lacks to the Chinese edition, query kept', async () => {
    const { page, close } = await open('en/search/?q=入园率');
    const twin = page.locator('[data-search-status] a');
    await expect.poll(() => twin.count(), SEARCH_ANSWERS).toBe(1);
    expect(await page.locator('[data-search-results] li').count()).toBe(0);
    expect(await twin.locator('span').getAttribute('lang')).toBe('zh-Hans');
    await twin.click();
    await page.waitForURL((u) => u.pathname === `${BASE_PATH}search/` && u.searchParams.get('q') === '入园率');
    const results = page.locator('[data-search-results] li');
    await expect.poll(() => results.count(), SEARCH_ANSWERS).toBeGreaterThan(0);
    expect(await results.first().locator('a').getAttribute('href')).toMatch(/\/metrics\/preschool_gross_enrolment_rate\/$/);
    await close();
  });

  it('offers the Chinese edition for Chinese words on the English site even when the English index finds something', async () => {
    // 临泉县 is in the English text of one report's note; the county's own page is found in the Chinese edition
    const { page, close } = await open(`en/search/?q=${encodeURIComponent('临泉县')}`);
    const status = page.locator('[data-search-status]');
    await expect.poll(() => status.textContent(), SEARCH_ANSWERS).toMatch(/^\d+ results?\b/);
    expect(await page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
    const count = await page.locator('[data-search-results] li').count();
    expect(await status.textContent()).toMatch(count === 1 ? /^1 result\. Chinese words/ : /^\d+ results(, showing the first \d+)?\. Chinese words/);
    expect(await status.locator('a').getAttribute('href')).toBe(`${BASE_PATH}search/?q=${encodeURIComponent('临泉县')}`);
    await close();
  });

  it.each([
    ['en/search/', 'enrolment', 'en'],
    ['search/', 'enrolment', 'zh-cn'],
    ['search/', '毛入园率', 'zh-cn'],
    // a bureau's name: every figure card of its report, whose links, citation and badge ran into their neighbours
    ['en/search/', '张店区', 'en'],
  ] as const)('on %s, excerpts for %s read as sentences: no field labels, download names or fields run together', async (path, query, locale) => {
    const { page, close } = await open(`${path}?q=${encodeURIComponent(query)}`);
    const excerpts = page.locator('[data-search-results] li p');
    await expect.poll(() => excerpts.count(), SEARCH_ANSWERS).toBeGreaterThan(2);
    const s = t(locale);
    // Labels of the info grid and of the chart's closed sections are not the page's text (a chart's "Unit: %" line is).
    const labels = [s.definition, s.unit, s.otherLangName, s.frame.tabsLabel];
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const text of await excerpts.allTextContents()) {
      for (const label of labels) expect(text, `${label} glued to its value in: ${text}`).not.toMatch(new RegExp(`${escape(label)}(?![\\s:：]|$)`));
      for (const download of [s.frame.csv, s.frame.excel, s.downloadRows]) expect(text).not.toContain(download);
      expect(text).not.toMatch(/\.(csv|json)\b/);
      // a figure's citation is not the page's text
      expect(text).not.toContain('GB/T 7714');
      // "…capacity of a schoolUnitpeople": a field's last word glued to the next field's first
      expect(text).not.toMatch(/[a-z][A-Z][a-z]/);
    }
    await close();
  });

  it('shows results beyond the first 20 on request', async () => {
    const { page, close } = await open('en/search/?q=education');
    const results = page.locator('[data-search-results] li');
    await expect.poll(() => results.count(), SEARCH_ANSWERS).toBe(20);
    await page.locator('[data-search-more]').click();
    await expect.poll(() => results.count(), REACTS).toBeGreaterThan(20);
    await close();
  });

  it.each([
    ['search/', '毛入园率'],
    ['en/search/', 'enrolment'],
  ])('finds pages on %s for %s', async (path, query) => {
    const { page, close } = await open(path);
    await page.locator('#q').fill(query);
    await expect.poll(() => page.locator('[data-search-results] li').count(), SEARCH_ANSWERS).toBeGreaterThan(0);
    await close();
  });

  it('serves every download with its content type and expected first line', async () => {
    const first = observations[0]!;
    const links = new Set<string>();
    for (const path of ['data/', `regions/${first.region_id}/`, `metrics/${first.metric_id}/`]) {
      const { page, close } = await open(path);
      for (const href of await page.locator('a[download]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) links.add(href);
      await close();
    }
    expect(links.size).toBeGreaterThan(10);
    const { page, close } = await open('data/');
    for (const link of links) {
      const response = await page.request.get(link);
      expect(response.status(), link).toBe(200);
      const body = await response.text();
      if (link.endsWith('.csv')) {
        expect(response.headers()['content-type'], link).toMatch(/text\/csv/);
        // The Excel download starts with a byte-order mark, so Excel on Chinese Windows reads it as UTF-8; the
        // research files do not.
        expect(body.startsWith('\uFEFF'), link).toBe(link.endsWith('.excel.csv'));
        expect(body.replace(/^\uFEFF/, '').split(/\r?\n/)[0], link).toMatch(/^[a-z0-9_]+(,[a-z0-9_]+)+$/);
      } else if (link.endsWith('.json')) {
        expect(response.headers()['content-type'], link).toMatch(/application\/json/);
        expect(body.trimStart()[0], link).toMatch(/[[{]/);
      } else if (link.endsWith('.txt')) {
        expect(body.length, link).toBeGreaterThan(100);
      }
    }
    // a region's and a metric's own file: all of their figures, and only theirs
    const own = async (file: string, key: 'region_id' | 'metric_id') => {
      const link = [...links].find((l) => l.endsWith(file));
      expect(link, file).toBeDefined();
      const rows = (await (await page.request.get(link!)).json()) as Observation[];
      expect(rows.map((o) => o.observation_id)).toEqual(observations.filter((o) => o[key] === first[key]).map((o) => o.observation_id));
    };
    await own(`data/by-region/${first.region_id}.json`, 'region_id');
    await own(`data/by-metric/${first.metric_id}.json`, 'metric_id');
    await close();
  });
});

describe('every page template, in both languages, on a phone and a desktop', () => {
  it('fits the screen, keeps chart text inside its chart, marks text of the other language and shows no file codes', async () => {
    const first = observations[0]!;
    const templates = [
      '',
      'topics/access/',
      `metrics/${firstMetric()}/`,
      `regions/${first.region_id}/`,
      `reports/${first.report_id}/`,
      'regions/',
      'reports/',
      'search/?q=入园率',
      'data/',
      'methodology/',
      'no-such-page/',
    ];
    const found: string[] = [];
    for (const width of [360, 1280]) {
      const visit = await open('', { width });
      for (const path of [...templates, ...templates.map((p) => `en/${p}`)]) {
        await visit.page.goto(url(path), { waitUntil: 'load' });
        // The search page's results are the page: wait for them before reading it.
        if (path.includes('?q=')) await expect.poll(() => visit.page.locator('[data-search-status]').textContent(), SEARCH_ANSWERS).toMatch(/\d|没有|Nothing/);
        for (const p of await readerProblems(visit.page)) found.push(`${width}px ${path}: ${p.kind}: ${p.text}`);
      }
      await visit.close();
    }
    expect(found).toEqual([]);
  }, 300_000);
});

describe('npm run screenshots', () => {
  it('writes whole pages in both languages at a phone and a desktop width, and says whether each fits', () => {
    const out = mkdtempSync(join(tmpdir(), 'atlas-shots-'));
    const run = spawnSync(process.execPath, ['scripts/screenshots.ts', '--dist', DIST, '--base', BASE_PATH, '--out', out, 'methodology/'], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const shots = readdirSync(out).sort();
    expect(shots).toEqual(['en_methodology-1280.png', 'en_methodology-390.png', 'methodology-1280.png', 'methodology-390.png']);
    for (const shot of shots) {
      // a PNG's width is the big-endian word at byte 16 of its header
      expect(readFileSync(join(out, shot)).readUInt32BE(16), shot).toBe(Number(/-(\d+)\.png$/.exec(shot)![1]));
      expect(run.stdout).toMatch(new RegExp(`${shot}\\s+200\\s+fits`));
    }
    rmSync(out, { recursive: true, force: true });
  }, 60_000);
});
