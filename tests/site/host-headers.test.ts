// What a host sends: no page framed except embeds, no file sniffed, data files inert when opened on their own.
import { describe, expect, it } from 'vitest';
import { hostHeaders, type Entry } from '../../src/site/host-headers.ts';

const folder = (name: string, children: Entry[] = []): Entry => ({ name, folder: true, children });
const file = (name: string): Entry => ({ name, folder: false });

const rulesOf = (text: string) =>
  new Map(
    text
      .split(/\n(?=\S)/)
      .filter((block) => !block.startsWith('#'))
      .map(
        (block) =>
          [
            block.split('\n')[0]!,
            block
              .split('\n')
              .slice(1)
              .map((l) => l.trim()),
          ] as const,
      ),
  );
const matching = (rules: Map<string, string[]>, path: string) =>
  [...rules].filter(([rule]) => (rule.endsWith('*') ? path.startsWith(rule.slice(0, -1)) : path === rule)).flatMap(([, h]) => h);

describe('hostHeaders', () => {
  const site = [
    file('index.html'),
    file('404.html'),
    folder('reports', [folder('000', [file('index.html')])]),
    folder('embed', [folder('m', [file('index.html')])]),
    folder('en', [file('index.html'), folder('reports'), folder('embed', [folder('m')])]),
    folder('data', [file('index.html'), file('observations.csv'), folder('sources', [file('000.txt')]), folder('explore', [file('index.html')])]),
    folder('_astro', [file('a.js')]),
    folder(
      'charts',
      Array.from({ length: 200 }, (_, i) => file(`m${i}.svg`)),
    ),
  ];
  const rules = rulesOf(hostHeaders(site, '/atlas/'));

  it('sends nosniff with every file', () => {
    for (const path of ['/atlas/', '/atlas/data/sources/000.txt', '/atlas/_astro/a.js', '/atlas/embed/m/'])
      expect(matching(rules, path)).toContain('X-Content-Type-Options: nosniff');
  });

  it('lets no page be framed but the embed pages, in both languages', () => {
    for (const path of ['/atlas/', '/atlas/reports/000/', '/atlas/en/', '/atlas/en/reports/000/', '/atlas/404.html'])
      expect(matching(rules, path)).toContain("Content-Security-Policy: frame-ancestors 'none'");
    for (const path of ['/atlas/embed/m/', '/atlas/en/embed/m/']) {
      const csp = matching(rules, path).filter((h) => h.startsWith('Content-Security-Policy'));
      expect(csp).toEqual(['Content-Security-Policy: frame-ancestors *']);
    }
  });

  it('makes a data file opened on its own run nothing, and leaves the data pages beside them working', () => {
    const inert = "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
    for (const path of ['/atlas/data/sources/000.txt', '/atlas/data/observations.csv', '/atlas/charts/m1.svg']) expect(matching(rules, path)).toContain(inert);
    for (const path of ['/atlas/data/', '/atlas/data/explore/index.html']) {
      expect(matching(rules, path)).not.toContain(inert);
      expect(matching(rules, path)).toContain("Content-Security-Policy: frame-ancestors 'none'");
    }
  });

  it('stays within the 100 rules a host reads', () => {
    expect(rules.size).toBeLessThan(100);
  });
});
