// Every metric, region and topic page, in both languages, tells social networks and chat apps what to show: Open
// Graph and Twitter card tags in the page's language, with a preview image that exists at the size they declare.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { BASE_PATH, DIST, SITE_URL } from './paths.ts';

const pagesOf = (folder: string) =>
  readdirSync(join(DIST, folder), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(DIST, folder, e.name, 'index.html')) && e.name !== 'p')
    .map((e) => `${folder}/${e.name}/`);
const meta = (document: Document, key: string) => document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? null;
const pngSize = (file: string) => {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
};

describe('link previews', () => {
  for (const kind of ['metrics', 'regions', 'topics'])
    for (const lang of ['', 'en/'])
      it(`${lang || 'zh/'}${kind}: every page has its title, description and a 1200 × 630 image in its language`, () => {
        const paths = pagesOf(`${lang}${kind}`);
        expect(paths.length).toBeGreaterThan(0);
        for (const path of paths) {
          const { document } = parseHTML(readFileSync(join(DIST, path, 'index.html'), 'utf8'));
          const title = document.querySelector('title')!.textContent!;
          expect(title.startsWith(meta(document, 'og:title')!), path).toBe(true);
          expect(meta(document, 'og:description'), path).toBe(document.querySelector('meta[name=description]')!.getAttribute('content'));
          expect(meta(document, 'twitter:card'), path).toBe('summary_large_image');
          expect(meta(document, 'og:locale'), path).toBe(lang ? 'en_GB' : 'zh_CN');
          expect(meta(document, 'og:url'), path).toBe(`${SITE_URL}${BASE_PATH}${path}`);
          const image = meta(document, 'og:image')!;
          expect(image, path).toMatch(new RegExp(`^${SITE_URL}${BASE_PATH}previews/[\\w-]+\\.${lang ? 'en' : 'zh-cn'}\\.png$`));
          expect(meta(document, 'twitter:image')).toBe(image);
          expect(meta(document, 'og:image:alt')!.length, path).toBeGreaterThan(5);
          const file = join(DIST, image.slice(`${SITE_URL}${BASE_PATH}`.length));
          expect(existsSync(file), `${path} → ${image}`).toBe(true);
          expect(pngSize(file)).toEqual([Number(meta(document, 'og:image:width')), Number(meta(document, 'og:image:height'))]);
        }
      });

  it('gives a metric with a chart, a region and a topic a card of their own, and other pages the site card', () => {
    const image = (path: string) => meta(parseHTML(readFileSync(join(DIST, path, 'index.html'), 'utf8')).document, 'og:image')!;
    const charted = readdirSync(join(DIST, 'charts'))
      .find((f) => f.endsWith('.zh-cn.png'))!
      .replace('.zh-cn.png', '');
    expect(image(`metrics/${charted}/`)).toContain(`previews/metric-${charted}.zh-cn.png`);
    expect(image('en/topics/access/')).toContain('previews/topic-access.en.png');
    const region = pagesOf('regions')[0]!;
    expect(image(region)).toMatch(/previews\/(region|province)-[\w-]+\.zh-cn\.png$/);
    expect(image('data/')).toContain('previews/site-all.zh-cn.png');
  });
});
