// What the built pages say, read as a reader reads it: Chinese prose in Chinese punctuation, lists of years in time
// order, reports titled by region and year, list pages that introduce themselves, a search page that ends with its
// results. Text quoted from the data (a report's sentence, a school's name as written) is the source's, not ours.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { DIST } from './paths.ts';
import { t } from '../../src/i18n/strings.ts';

const pages = (dir: string, skip: (name: string) => boolean = () => false): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (skip(e.name) ? [] : pages(join(dir, e.name), skip)) : e.name === 'index.html' ? [join(dir, e.name)] : [],
  );
const NOT_PAGES = new Set(['pagefind', '_astro', 'data', 'charts']);
const zhPages = () => pages(DIST, (name) => name === 'en' || NOT_PAGES.has(name));
const enPages = () => pages(join(DIST, 'en'), (name) => NOT_PAGES.has(name));
const doc = (file: string) => parseHTML(readFileSync(file, 'utf8')).document;

/** Every string of the published data: text a page quotes from it keeps the source's punctuation. */
function dataText(): string {
  const strings: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  for (const table of ['observations', 'regions', 'reports', 'metrics', 'reference'])
    collect(JSON.parse(readFileSync(join(DIST, 'data', `${table}.json`), 'utf8')));
  return strings.join('\u0000');
}

/**
 * The text nodes of a page's main, outside code, charts, a report's own text and citations (formats of their own:
 * GB/T 7714 writes ": "); each page read once for all the tests.
 */
const read = new Map<string, string[]>();
const texts = (file: string): string[] => read.get(file) ?? read.set(file, pageTexts(file)).get(file)!;
function pageTexts(file: string): string[] {
  const main = doc(file).querySelector('main');
  if (!main) return [];
  for (const el of main.querySelectorAll('script, style, code, pre, textarea, svg, .cite, .source-text, [lang="en"], [lang="zh-Hant"]')) el.remove();
  const found: string[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) found.push(child.textContent ?? '');
      else walk(child);
    }
  };
  walk(main);
  return found.map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

describe('the words of the built pages', () => {
  it('writes Chinese prose with Chinese punctuation: no half-width colon, semicolon or parenthesis beside a Chinese character', () => {
    const data = dataText();
    const halfWidth = /\p{Script=Han}\s?[:;()]|[:;()]\s?\p{Script=Han}/u;
    const found = new Set<string>();
    for (const file of zhPages())
      for (const text of texts(file)) {
        // a sentence quoted in 「」 or “” is the source's (its figure is marked, so it may be split around the mark)
        const quoted = [...text.matchAll(/「[^」]*」|“[^”]*”|「[^」]*$|^[^「]*」/g)].map((q) => [q.index, q.index + q[0].length]);
        for (const hit of text.matchAll(new RegExp(halfWidth, 'gu'))) {
          if (quoted.some(([from, to]) => hit.index >= from! && hit.index < to!)) continue;
          // the characters around it, as the data has them, are a quotation of the data
          const around = text.slice(Math.max(0, hit.index - 6), hit.index + hit[0].length + 6);
          if (!data.includes(around)) found.add(`${relative(DIST, file)}: ${around}`);
        }
      }
    expect([...found].slice(0, 15), `${found.size} texts`).toEqual([]);
  });

  it('lists years in time order', () => {
    const unsorted = new Set<string>();
    for (const [files, separator] of [
      [zhPages(), '、'],
      [enPages(), ', '],
    ] as const)
      for (const file of files)
        for (const text of texts(file))
          for (const [list] of text.matchAll(new RegExp(`\\b(?:19|20)\\d\\d(?:${separator}(?:19|20)\\d\\d)+\\b`, 'g'))) {
            const years = list.split(separator).map(Number);
            if (years.some((y, i) => i > 0 && y < years[i - 1]!)) unsorted.add(`${relative(DIST, file)}: ${list}`);
          }
    expect([...unsorted]).toEqual([]);
  });

  it('titles every report by its region and year, never “篇1” or “（无标题）”', () => {
    const reports = JSON.parse(readFileSync(join(DIST, 'data', 'reports.json'), 'utf8')) as { report_id: string; year: number | null }[];
    for (const r of reports)
      for (const prefix of ['', 'en/']) {
        const page = doc(join(DIST, prefix, 'reports', r.report_id, 'index.html'));
        const h1 = page.querySelector('h1')!.textContent!.trim();
        expect(h1, r.report_id).not.toMatch(/篇\s*\d|无标题|untitled|, part \d/i);
        if (r.year !== null) expect(h1, r.report_id).toContain(String(r.year));
        expect(page.querySelector('title')!.textContent, r.report_id).toContain(h1);
      }
  });

  it('opens each list page with its own introduction, not the chart caveat', () => {
    for (const [prefix, locale] of [
      ['', 'zh-cn'],
      ['en/', 'en'],
    ] as const) {
      const intros = ['regions', 'reports'].map((list) =>
        doc(join(DIST, prefix, list, 'index.html'))
          .querySelector('h1 + p')!
          .textContent!.trim(),
      );
      expect(intros[0]).not.toBe(intros[1]);
      for (const intro of intros) expect(intro).not.toBe(t(locale).compareNote);
    }
  });

  it('ends the search page with its results: no links after them', () => {
    for (const prefix of ['', 'en/']) {
      const page = doc(join(DIST, prefix, 'search', 'index.html'));
      const results = page.querySelector('[data-search-results]')!;
      const after = [...page.querySelectorAll('main a')].filter((a) => results.compareDocumentPosition(a) & 4 && !results.contains(a));
      expect(after.map((a) => a.textContent)).toEqual([]);
    }
  });
});
