// Every kind of page of the built site loaded in a browser: the check that no page of any kind breaks when it runs.
// A page is loaded for each structure the site's pages have (pageShapes): 806 pages had 92, and a page load costs
// Chromium about 50 ms whatever the page holds, so loading all of them was 40 s of the suite for pages that run the
// same code on the same kinds of elements. That every file a page loads exists is checked for every page, without a
// browser, in site.test.ts.
import { describe, expect, it } from 'vitest';
import { browserSession, pageShapes, sitePages } from './browser-session.ts';

const { open, url } = browserSession();
// the site's pages read and grouped once, for both tests
let shapes: ReturnType<typeof pageShapes> | undefined;
const shaped = () => (shapes ??= pageShapes());

describe('every kind of page in a browser', () => {
  it('groups the pages by their structure, and no structure of a page kind or language is left without its page', () => {
    const all = sitePages();
    const shapes = shaped();
    expect(shapes.reduce((n, s) => n + s.pages, 0)).toBe(all.length);
    const kinds = (paths: string[]) => new Set(paths.map((p) => `${p.startsWith('en/') ? 'en' : 'zh'} ${p.replace(/^en\//, '').split('/')[0]}`));
    expect(kinds(shapes.map((s) => s.path))).toEqual(kinds(all));
    // a metric page with a comparison chart and one with a single figure do not share a structure
    expect(shapes.filter((s) => s.path.startsWith('metrics/')).length).toBeGreaterThan(5);
  });

  it('loads without console errors, failed requests or requests that leave the origin', async () => {
    const shapes = shaped();
    expect(shapes.length).toBeGreaterThan(20);
    // One page object for all visits: a new browser context per page would dominate the run time. (Pages side by
    // side were slower: loading a page keeps the 2-core machine's cores busy already.)
    const visit = await open('');
    for (const { path } of shapes) {
      visit.problems.push(`--${path}`);
      await visit.page.goto(url(path), { waitUntil: 'load' });
    }
    await visit.close();
    let at = '';
    const problems = visit.problems.flatMap((p) => (p.startsWith('--') ? ((at = p.slice(2)), []) : [`${at}: ${p}`]));
    expect(problems).toEqual([]);
  }, 600_000);
});
