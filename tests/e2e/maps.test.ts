// The maps of the built site: every one whole (Taiwan, the 南海诸岛 inset and its line), no path over the globe,
// within the page budget, and the same with JavaScript as without.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { chinaFrame } from '../../src/maps/projection.ts';
import { insidePath, subpaths, type Pt } from '../maps/svg-paths.ts';
import { BASE_PATH, DIST } from './paths.ts';
import { browserSession } from './browser-session.ts';

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'pagefind' ? [] : htmlFiles(join(dir, e.name))) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
/** Every built page with a map, with its maps. */
const withMaps = () =>
  htmlFiles(DIST).flatMap((file) => {
    const html = readFileSync(file, 'utf8');
    if (!html.includes('class="map ')) return [];
    const doc = parseHTML(html).document;
    return [{ path: relative(DIST, file), html, lang: doc.documentElement.getAttribute('lang') ?? '', figures: [...doc.querySelectorAll('figure.map')] }];
  });
const PAGE_BUDGET = 100 * 1024;
const LOCATOR_BUDGET = 5 * 1024;

describe('every map of the built site', () => {
  const pages = withMaps();

  it('is on every region page, on the regions index and on the home page, in both languages', () => {
    const paths = new Set(pages.map((p) => p.path));
    for (const prefix of ['', 'en/']) {
      expect(paths, `${prefix}index.html`).toContain(`${prefix}index.html`);
      expect(paths, `${prefix}regions/index.html`).toContain(`${prefix}regions/index.html`);
    }
    const regions = JSON.parse(readFileSync(join('public', 'data', 'regions.json'), 'utf8')) as { region_id: string; basis: string; gb_code: string }[];
    for (const r of regions.filter((r) => r.gb_code))
      for (const prefix of ['', 'en/']) expect(paths, `${prefix}regions/${r.region_id}/`).toContain(`${prefix}regions/${r.region_id}/index.html`);
  });

  it('holds Taiwan and Hainan in its main frame and the 南海诸岛 with their line in its inset, captioned in the page’s language', () => {
    expect(pages.length).toBeGreaterThan(0);
    for (const { path, lang, figures } of pages)
      for (const figure of figures) {
        const svg = figure.querySelector('svg')!;
        const width = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
        const { main, insetBox } = chinaFrame(width);
        const land = svg.querySelector('[data-layer="main"] [data-layer="land"]')!.getAttribute('d')!;
        expect(insidePath(main([120.95, 23.75]) as Pt, land), `${path}: Taiwan`).toBe(true);
        expect(insidePath(main([109.8, 19.2]) as Pt, land), `${path}: Hainan`).toBe(true);
        const inset = svg.querySelector('[data-layer="inset"]')!;
        // a caption wider than the inset runs on two lines
        expect([...inset.querySelectorAll('text')].map((t) => t.textContent).join(' '), path).toBe(lang === 'en' ? 'South China Sea Islands' : '南海诸岛');
        const [[x0, y0], [x1, y1]] = insetBox;
        const dashes = subpaths(inset.querySelector('[data-layer="lines"]')!.getAttribute('d')!).filter((s) =>
          s.every(([x, y]) => x >= x0 && x <= x1 && y >= y0 && y <= y1),
        );
        expect(dashes.length, `${path}: the South China Sea line`).toBeGreaterThanOrEqual(9);
      }
  });

  it('fills no path over the frame’s top corners, which lie outside China: no path covers the globe', () => {
    for (const { path, figures } of pages)
      for (const figure of figures) {
        const svg = figure.querySelector('svg')!;
        const width = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
        for (const p of svg.querySelectorAll('path')) {
          if (['none', null].includes(p.getAttribute('fill'))) continue;
          for (const corner of [
            [1, 1],
            [width - 1, 1],
          ] as Pt[])
            expect(insidePath(corner, p.getAttribute('d')!), `${path}: ${p.getAttribute('d')!.slice(0, 40)}`).toBe(false);
        }
      }
  });

  it(`keeps each page with a map within ${PAGE_BUDGET / 1024} KB gzipped and each locator within ${LOCATOR_BUDGET / 1024} KB`, () => {
    for (const { path, html, figures } of pages) {
      expect(gzipSync(html, { level: 9 }).length, path).toBeLessThanOrEqual(PAGE_BUDGET);
      for (const f of figures.filter((f) => f.getAttribute('data-map') === 'locator'))
        expect(gzipSync(f.outerHTML, { level: 9 }).length, `${path}: locator`).toBeLessThanOrEqual(LOCATOR_BUDGET);
    }
  });
});

describe('the maps in a browser', () => {
  const { browser, origin } = browserSession();

  const shot = async (path: string, javaScriptEnabled: boolean, width: number) => {
    const context = await browser().newContext({ javaScriptEnabled, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin()}${BASE_PATH}${path}`, { waitUntil: 'load' });
    const figure = page.locator('figure.map').first();
    const result = { html: await figure.innerHTML(), png: await figure.screenshot(), box: (await figure.boundingBox())! };
    await context.close();
    return result;
  };

  for (const path of ['regions/341221/', 'en/regions/341221/', 'regions/', 'en/'])
    it(`draws the same map with JavaScript as without, unclipped on a phone (${path})`, async () => {
      for (const width of [390, 1280]) {
        const off = await shot(path, false, width);
        const on = await shot(path, true, width);
        expect(on.html).toBe(off.html);
        expect(Buffer.compare(on.png, off.png), `${path} at ${width} px: the same pixels`).toBe(0);
        expect(off.box.x, 'inside the viewport').toBeGreaterThanOrEqual(0);
        expect(off.box.x + off.box.width).toBeLessThanOrEqual(width);
      }
    });
});
