// Every page template, in both languages, analysed by axe.
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import observations from '../../public/data/observations.json' with { type: 'json' };
import { atMost } from './at-most.ts';
import { browserSession, firstMetric } from './browser-session.ts';

const { open } = browserSession();
// Templates checked at once: axe's analysis waits on the page, so three overlap (36 s against 42 s).
const AXE_PAGES = 3;

describe('every page template in a browser', () => {
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
        const result = await new AxeBuilder({ page: visit.page }).analyze();
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
