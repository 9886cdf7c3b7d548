// "Where does this figure come from?" answered in one tap, without JavaScript, on a phone and a desktop, in both
// languages: a chart mark on the home page opens the figure's card (value, sentence with the figure marked, report,
// what was inferred, a link to the full text and one back to the chart); the back link lands on the chart; the
// full-text link lands on the highlighted figure with its report named above it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { type Locator, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BASE_PATH, DIST } from './paths.ts';
import observations from '../../public/data/observations.json' with { type: 'json' };
import reports from '../../public/data/reports.json' with { type: 'json' };
import regions from '../../public/data/regions.json' with { type: 'json' };
import type { Observation } from '../../src/model/observation.ts';
import type { PublishedReport } from '../../src/model/report.ts';
import type { Region } from '../../src/model/region.ts';
import { reportTitle } from '../../src/site/report-title.ts';
import { inferenceLine, inferences } from '../../src/site/figure-card.ts';
import { t } from '../../src/i18n/strings.ts';
import { isWarning } from '../../src/vocab/flags.ts';
import type { Locale } from '../../src/i18n/format.ts';
import { browserSession } from './browser-session.ts';

const { browser, origin } = browserSession();
const byId = new Map((observations as Observation[]).map((o) => [o.observation_id, o]));
const report = new Map((reports as PublishedReport[]).map((r) => [r.report_id, r]));
const region = new Map((regions as Region[]).map((r) => [r.region_id, r]));

/** Whether the element's box is inside the viewport (at least its top line). */
const onScreen = (el: Locator) =>
  el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight && r.height > 0;
  });

async function follow(page: Page, link: Locator) {
  const href = (await link.getAttribute('href'))!;
  await page.goto(new URL(href, page.url()).href, { waitUntil: 'load' });
}

const cases: { locale: Locale; prefix: string; width: number }[] = [
  { locale: 'zh-cn', prefix: '', width: 390 },
  { locale: 'en', prefix: 'en/', width: 390 },
  { locale: 'zh-cn', prefix: '', width: 1280 },
  { locale: 'en', prefix: 'en/', width: 1280 },
];

describe('from a chart mark to its sentence and back, without JavaScript', () => {
  it.each(cases)(
    '$locale at $width px',
    async ({ locale, prefix, width }) => {
      const s = t(locale);
      const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width, height: width < 500 ? 844 : 900 } });
      const page = await context.newPage();
      await page.goto(`${origin()}${BASE_PATH}${prefix}`, { waitUntil: 'load' });
      const mark = page.locator('figure svg a[href*="#obs-"]').first();
      await follow(page, mark);

      // one tap: the card of the figure, on screen and highlighted
      const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
      const o = byId.get(id.replace(/^obs-/, ''))!;
      expect(o, id).toBeDefined();
      expect(new URL(page.url()).pathname).toBe(`${BASE_PATH}${prefix}metrics/${o.metric_id}/`);
      const card = page.locator(`article.figure-card[id="${id}"]`);
      expect(await card.count()).toBe(1);
      expect(await onScreen(card)).toBe(true);
      expect(await card.evaluate((e) => e.matches(':target'))).toBe(true);
      expect(await card.locator('.figure-card-value strong').textContent()).toMatch(/\d/);
      const figure = card.locator('.figure-card-quote mark');
      expect(await figure.textContent()).toBe(o.figure_text);
      expect(await figure.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(255, 224, 138)');
      const r = report.get(o.report_id)!;
      const where = region.get(o.region_id);
      expect(await card.locator('.figure-card-report a').first().textContent()).toBe(reportTitle(r, where, locale));
      if (where?.basis !== 'explicit' || r.year_basis !== 'explicit') {
        const inferred = card.locator('.figure-card-inferred summary');
        expect(await inferred.isVisible()).toBe(true);
        expect(await inferred.textContent()).toContain(inferenceLine(inferences(where, r, locale), locale));
      }
      const [fullText, back] = [card.getByRole('link', { name: s.card.fullText }), card.getByRole('link', { name: s.card.backToChart })];
      expect(await fullText.isVisible()).toBe(true);
      expect(await back.isVisible()).toBe(true);

      // one tap back: the chart of the figure's metric, on screen
      const cardUrl = page.url();
      await follow(page, back);
      const chartId = decodeURIComponent(new URL(page.url()).hash.slice(1));
      expect(chartId).toBe(`chart-${o.metric_id}`);
      expect(await onScreen(page.locator(`[id="${chartId}"]`))).toBe(true);

      // the full text: the figure highlighted, the report named above it
      await page.goto(cardUrl, { waitUntil: 'load' });
      await follow(page, page.locator(`article.figure-card[id="${id}"]`).getByRole('link', { name: s.card.fullText }));
      expect(new URL(page.url()).pathname).toBe(`${BASE_PATH}${prefix}reports/${o.report_id}/`);
      const inText = page.locator(`[id="${id}"]`).locator('xpath=ancestor-or-self::span[contains(@class, "fig")][1]').locator('mark').first();
      expect(await onScreen(inText)).toBe(true);
      expect(await inText.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(255, 224, 138)');
      const contextLine = page.locator('.report-context');
      expect(await contextLine.isVisible()).toBe(true);
      expect(await onScreen(contextLine)).toBe(true);
      expect(await contextLine.textContent()).toContain(reportTitle(r, where, locale));
      // the line names the report above the figure, never over it
      const [lineBottom, figureTop] = [
        await contextLine.evaluate((e) => e.getBoundingClientRect().bottom),
        await inText.evaluate((e) => e.getBoundingClientRect().top),
      ];
      expect(figureTop).toBeGreaterThanOrEqual(lineBottom);
      // and from the figure back to its card
      expect(await inText.locator('xpath=ancestor::a[1]').getAttribute('href')).toMatch(new RegExp(`/metrics/${o.metric_id}/#${id}$`));
      await context.close();
    },
    60_000,
  );
});

// One decision, the same on every page: a value with its qualifier, and a flag's badge by its severity.
describe('the same figure and the same flag read alike on every page', () => {
  const parsed = new Map<string, Document>();
  const html = (path: string) =>
    parsed.get(path) ?? parsed.set(path, parseHTML(readFileSync(join(DIST, path, 'index.html'), 'utf8')).document as unknown as Document).get(path)!;

  it.each(['', 'en/'])('a qualified value is written alike on its card and in its report’s table (%s)', (prefix) => {
    const qualified = (observations as Observation[]).filter((o) => o.qualifier && o.kind !== 'derived');
    expect(qualified.length).toBeGreaterThan(0);
    for (const o of qualified) {
      const card = html(`${prefix}metrics/${o.metric_id}`).querySelector(`article.figure-card[id="obs-${o.observation_id}"] .figure-card-value strong`);
      if (!card) continue; // a metric listing more sentences than a page shows links its CSV instead
      const cell = html(`${prefix}reports/${o.report_id}`).querySelector(`#figures ~ .table-wrap a[href="#obs-${o.observation_id}"]`);
      expect(cell?.textContent?.trim(), o.observation_id).toBe(card.textContent!.trim());
    }
  });

  it.each([
    ['zh-cn', ''],
    ['en', 'en/'],
  ] as const)('a flag’s badge is red only for a warning, on report and region pages (%s)', (locale, prefix) => {
    const labels = t(locale).flags as Record<string, string>;
    const byLabel = new Map(Object.entries(labels).map(([flag, label]) => [label, flag]));
    const paths = [
      ...(reports as PublishedReport[]).map((r) => `${prefix}reports/${r.report_id}`),
      ...(regions as Region[]).map((r) => `${prefix}regions/${r.region_id}`),
    ];
    let seen = 0;
    for (const path of paths)
      for (const badge of html(path).querySelectorAll('span.badge')) {
        const flag = byLabel.get(badge.textContent!.trim());
        if (!flag) continue;
        seen++;
        expect(badge.classList.contains('warn'), `${path}: ${flag}`).toBe(isWarning(flag));
      }
    expect(seen).toBeGreaterThan(0);
  });
});
