// One browser session per test file (or describe block): the built site served under its sub-path as GitHub Pages
// serves it, and Debian's Chromium.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Server } from 'node:http';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { BASE_PATH, DIST } from './paths.ts';
import { serve } from '../../scripts/static-server.ts';
import observations from '../../public/data/observations.json' with { type: 'json' };
import metrics from '../../public/data/metrics.json' with { type: 'json' };
import type { Observation } from '../../src/model/observation.ts';
import type { PublishedMetric } from '../../src/model/metric.ts';
import { partition } from '../../src/site/comparable.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';

// Waits measured on two cores busy with a build and the unit tests at once: a whole tooltip, highlight or scroll test
// took 2.4–5.3 s including its page load, so the page's answer to one event gets 10 s; Pagefind's first results
// (index and shards fetched) get 15 s.
export const REACTS = { timeout: 10_000 };
export const SEARCH_ANSWERS = { timeout: 15_000 };

/** Every page of the built site, as a path under its base. */
export const sitePages = (dir = DIST): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'pagefind'
        ? []
        : sitePages(join(dir, e.name))
      : e.name === 'index.html'
        ? [relative(DIST, dir) ? `${relative(DIST, dir)}/` : '']
        : [],
  );

/**
 * The site's pages by structure: pages of one kind (first path segment) and language that load the same scripts and
 * hold the same element names, classes and data-, aria- and role attributes run the same code on the same kinds of
 * elements. Each structure is stood for by its largest page (the most marks and rows); `pages` is how many share it.
 */
export function pageShapes(dir = DIST): { path: string; pages: number }[] {
  const shapes = new Map<string, { path: string; size: number; pages: number }>();
  for (const path of sitePages(dir)) {
    const html = readFileSync(join(dir, path, 'index.html'), 'utf8');
    const parts = new Set([`kind:${path.replace(/^en\//, '').split('/')[0]}`, `lang:${/<html[^>]*\slang="([^"]*)"/.exec(html)?.[1]}`]);
    for (const [, src] of html.matchAll(/<script\b[^>]*\ssrc="([^"]*)"/g)) parts.add(`script:${src}`);
    for (const [, tag] of html.matchAll(/<([a-zA-Z][\w-]*)/g)) parts.add(`<${tag!.toLowerCase()}`);
    for (const [, attr] of html.matchAll(/\s(data-[\w-]+|aria-[\w-]+|role)=/g)) parts.add(`@${attr}`);
    for (const [, names] of html.matchAll(/\sclass="([^"]*)"/g)) for (const name of names!.split(/\s+/)) if (name) parts.add(`.${name}`);
    const key = [...parts].sort().join(' ');
    const shape = shapes.get(key);
    if (!shape) shapes.set(key, { path, size: html.length, pages: 1 });
    else {
      shape.pages++;
      if (html.length > shape.size) Object.assign(shape, { path, size: html.length });
    }
  }
  return [...shapes.values()].map(({ path, pages }) => ({ path, pages }));
}

/** The metric whose page draws the most regions: one with a comparison chart (a metric that compares nowhere has none). */
export const firstMetric = (() => {
  let best: [string, number] | null = null;
  return () => {
    if (!best) {
      best = ['', 0];
      for (const metric of metrics as PublishedMetric[]) {
        const { regions } = partition(
          metric,
          (observations as Observation[]).filter((o) => o.metric_id === metric.metric_id),
        );
        if (regions > best[1]) best = [metric.metric_id, regions];
      }
    }
    return best[0];
  };
})();

/**
 * Starts the server and the browser before the file's tests (or its describe block's) and stops them after; `open`
 * visits a page in a context of its own, `browser()` and `origin()` give what a test drives itself.
 */
export function browserSession() {
  let browser: Browser;
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    ({ origin, server } = await serve(DIST, BASE_PATH));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });
  const url = (path = '') => `${origin}${BASE_PATH}${path}`;

  /** A page in a context of its own, collecting console errors, failed requests and requests that leave the site. */
  async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}) {
    const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
    // A request aborted because the sweep moved on to the next page is not a failure; a missing file shows as a 404.
    page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`failed: ${r.url()}`));
    page.on('request', (r) => !r.url().startsWith(origin) && !r.url().startsWith('data:') && problems.push(`outside: ${r.url()}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
    await page.goto(url(path), { waitUntil: 'load' });
    return { page, problems, close: () => context.close() };
  }
  return { open, url, browser: () => browser, origin: () => origin };
}
