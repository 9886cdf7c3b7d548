// The benchmark's cost per kind of page, read from Astro's build log.
import { describe, expect, it } from 'vitest';
import { pageKind, pageTimes } from '../../scripts/bench-scale/kinds.ts';

describe('pageKind', () => {
  it('tells a region page from the regions listing, in both languages', () => {
    expect(pageKind('/regions/341221/index.html')).toBe('region');
    expect(pageKind('en/regions/341221/index.html')).toBe('region');
    expect(pageKind('/regions/index.html')).toBe('regions list');
    expect(pageKind('/en/regions/p/340000/2/index.html')).toBe('regions list');
    expect(pageKind('/reports/001-jinjiang-2015h1/index.html')).toBe('report');
    expect(pageKind('/index.html')).toBe('home');
    expect(pageKind('en/index.html')).toBe('home');
    expect(pageKind('/charts/education_expenditure.csv/')).toBe('chart file');
    expect(pageKind('/methodology/index.html')).toBe('methodology');
  });
});

describe('pageTimes', () => {
  it('collects each page’s generation time by kind', () => {
    const log = [
      '18:34:12   ├─ /regions/340826/index.html (+20ms) ',
      '18:34:12   ├─ /en/regions/341221/index.html (+22ms) ',
      '18:34:12   └─ /reports/001-jinjiang-2015h1/index.html (+7.5ms) ',
      '18:34:13 ✓ Completed in 9.47s.',
    ].join('\n');
    expect(Object.fromEntries(pageTimes(log))).toEqual({ region: [20, 22], report: [7.5] });
  });
});
