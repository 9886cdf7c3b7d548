// Every page template, in both languages, analysed by axe.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import observations from '../../public/data/observations.json' with { type: 'json' };
import { atMost } from './at-most.ts';
import { browserSession, firstMetric } from './browser-session.ts';

const { open, browser } = browserSession();
// Templates checked at once: axe's analysis waits on the page, so three overlap (36 s against 42 s).
const AXE_PAGES = 3;
// axe run in the page itself (legacy mode): the default opens a blank page of its own for every analysis to merge
// the frames' results, and these pages have no frames. Only violations are collected in full, the only results read.
// The 22 templates took 28.6 s one after another this way, against 48.7 s.
const axe = (page: Page) => new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });

describe('every page template in a browser', () => {
  it('is analysed by an axe that reports what it finds', async () => {
    const page = await (await browser().newContext()).newPage();
    await page.setContent(
      '<!doctype html><html><title>x</title><body><main><img src="x.png"><p style="color:#bbb;background:#fff">faint</p></main></body></html>',
    );
    const found = (await axe(page).analyze()).violations.map((v) => v.id);
    await page.context().close();
    expect(found).toEqual(expect.arrayContaining(['image-alt', 'color-contrast', 'html-has-lang']));
  });

  it('has no serious or critical accessibility violation on any page template', async () => {
    const metric = firstMetric();
    const report = observations[0]!.report_id;
    const region = observations[0]!.region_id;
    const templates = [
      '',
      'topics/access/',
      `metrics/${metric}/`,
      `regions/${region}/`,
      `reports/${report}/`,
      'data/',
      'methodology/',
      'search/',
      'regions/',
      'reports/',
      'no-such-page/',
    ];
    const violations: string[] = [];
    await atMost(
      AXE_PAGES,
      [...templates, ...templates.map((p) => `en/${p}`)].map((path) => async () => {
        const visit = await open(path);
        const result = await axe(visit.page).analyze();
        for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          violations.push(`${path}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
        }
        await visit.close();
      }),
    );
    expect(violations.sort()).toEqual([]);
    // 22 pages, each loaded and analysed by axe: 158 s measured on two loaded cores (about 7 s a page), so 300 s
    // leaves room for a slower machine without letting a hung page go unnoticed for long.
  }, 300_000);
});
