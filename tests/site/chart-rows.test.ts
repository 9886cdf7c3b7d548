// A 100 KB region name must not reach the chart renderer whole: it stalled each PNG of that region for minutes.
import { renderPngSync } from '../../src/charts/png.ts';
import { describe, expect, it } from 'vitest';
import { comparisonSpec } from '../../src/charts/comparison.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { MAX_LABEL_CHARS, capLabel } from '../../src/charts/label.ts';
import { comparisonRows } from '../../src/site/chart-rows.ts';
import { observation } from '../observation.ts';
import type { Region } from '../../src/model/region.ts';

const LONG = 'Zhangdian'.repeat(12_000);
const region: Region = {
  region_id: '370303',
  name_zh: '张'.repeat(100_000),
  name_en: LONG,
  level: 'district',
  province_zh: '山东省',
  province_en: 'Shandong',
  gb_code: '370303',
  basis: 'explicit',
  evidence: '',
  reasoning_zh: '',
  reasoning_en: '',
};
const row = (id: string, value: number, scope = 'region') =>
  observation({
    observation_id: id,
    report_id: '004-zhangdian-2019',
    region_id: '370303',
    period: '2019',
    year: 2019,
    value,
    value_base: value,
    scope,
    scope_en: scope.slice(scope.indexOf(':') + 1),
    figure_text: `${value}%`,
  });

describe('chart labels', () => {
  it('cut region names and scopes to a bounded length before drawing', () => {
    for (const locale of ['en', 'zh-cn'] as const) {
      const rows = comparisonRows([row('a', 90), row('b', 80, `school:${LONG}`)], {
        locale,
        region: () => region,
        national: () => null,
        href: () => '#',
      });
      for (const row of rows) expect(Array.from(row.label).length).toBeLessThan(2 * MAX_LABEL_CHARS + 40);
      expect(new Set(rows.map((r) => r.label)).size).toBe(2);
    }
  });

  it('render a chart of a 100 KB name as SVG and PNG with only the cut label in it', async () => {
    const rows = comparisonRows([row('a', 90)], { locale: 'en', region: () => region, national: () => null, href: () => '#' });
    const started = performance.now();
    const svg = renderSvg(comparisonSpec(rows, { locale: 'en' }), 'chart');
    const png = renderPngSync(svg.replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" width="720" height="100" '), 'en');
    console.log(`chart of a 100 KB name: ${Math.round(performance.now() - started)} ms`);
    expect(png.length).toBeGreaterThan(0);
    expect(svg.length).toBeLessThan(10_000);
  });

  it('keep a name that fits as it is', () => {
    expect(capLabel('Zhangdian District')).toBe('Zhangdian District');
    expect(capLabel('a'.repeat(61))).toBe(`${'a'.repeat(59)}…`);
    expect(capLabel('𠀀'.repeat(60))).toBe('𠀀'.repeat(60));
  });
});
