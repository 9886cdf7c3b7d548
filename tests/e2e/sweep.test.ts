// Every page of the built site loaded in a browser: the check that no page of any kind breaks when it runs.
import { describe, expect, it } from 'vitest';
import { browserSession, sitePages } from './browser-session.ts';

const { open, url } = browserSession();

describe('every page in a browser', () => {
  it('loads without console errors, failed requests or requests that leave the origin', async () => {
    const all = sitePages();
    expect(all.length).toBeGreaterThan(20);
    // One page object for all visits: a new browser context per page would dominate the run time. (Pages side by
    // side were slower: loading a page keeps the 2-core machine's cores busy already.)
    const visit = await open('');
    for (const path of all) {
      visit.problems.push(`--${path}`);
      await visit.page.goto(url(path), { waitUntil: 'load' });
    }
    await visit.close();
    let at = '';
    const problems = visit.problems.flatMap((p) => (p.startsWith('--') ? ((at = p.slice(2)), []) : [`${at}: ${p}`]));
    expect(problems).toEqual([]);
  }, 600_000);
});
