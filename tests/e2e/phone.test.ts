// The built site on a 390 × 844 phone, in both languages: the header leaves the screen to the page, and no table
// squeezes Chinese to one or two characters a line.
import { type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE_PATH } from './paths.ts';
import observations from '../../public/data/observations.json' with { type: 'json' };
import type { Observation } from '../../src/model/observation.ts';
import { headerHeight, MAX_HEADER_PX, MIN_CELL_CHARS, narrowChineseCells } from './phone-checks.ts';
import { browserSession } from './browser-session.ts';

const { browser, origin } = browserSession();
let page: Page;

/** The id with the most observations: the page of that kind with the longest tables. */
function most(key: 'metric_id' | 'region_id' | 'report_id'): string {
  const counts = new Map<string, number>();
  for (const o of observations as Observation[]) counts.set(o[key], (counts.get(o[key]) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

const PAGES = [
  '',
  'topics/access/',
  'topics/funding/',
  `metrics/${most('metric_id')}/`,
  `regions/${most('region_id')}/`,
  `reports/${most('report_id')}/`,
  'regions/',
  'reports/',
  'search/',
];
const BOTH = [...PAGES, ...PAGES.map((p) => `en/${p}`)];

beforeAll(async () => {
  page = await (await browser().newContext({ viewport: { width: 390, height: 844 } })).newPage();
});

describe('on a 390 px phone, in both languages', () => {
  it(`keeps the header at most ${MAX_HEADER_PX} px tall`, async () => {
    const tall: string[] = [];
    for (const path of BOTH) {
      await page.goto(`${origin()}${BASE_PATH}${path}`, { waitUntil: 'load' });
      const height = await headerHeight(page);
      expect(height, `${path}: no header`).toBeGreaterThan(0);
      if (height > MAX_HEADER_PX) tall.push(`/${path}: ${height} px`);
    }
    expect(tall).toEqual([]);
  }, 120_000);

  it(`gives every table cell with Chinese text room for ${MIN_CELL_CHARS} characters a line`, async () => {
    const narrow: string[] = [];
    let cells = 0;
    for (const path of BOTH) {
      await page.goto(`${origin()}${BASE_PATH}${path}`, { waitUntil: 'load' });
      cells += await page.locator('td, th').count();
      for (const cell of await narrowChineseCells(page)) narrow.push(`/${path}: “${cell.text}” ${cell.chars} characters wide`);
    }
    // the sample holds tables: a test over pages without any would pass for nothing
    expect(cells).toBeGreaterThan(100);
    expect(narrow.slice(0, 20), `${narrow.length} narrow cells`).toEqual([]);
  }, 120_000);
});
