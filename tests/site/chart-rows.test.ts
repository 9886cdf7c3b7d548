// A long region name or scope is cut before it reaches the chart renderer, so labels keep their width. (Names beyond
// data/'s limits, such as 100 KB ones, are refused by npm run data: tests/pipeline/hostile-input.test.ts.)
import { describe, expect, it } from 'vitest';
import { MAX_LABEL_CHARS, capLabel } from '../../src/charts/label.ts';
import { comparisonRows } from '../../src/site/chart-rows.ts';
import { observation } from '../observation.ts';
import type { Region } from '../../src/model/region.ts';

// the longest a name and a scope may be (src/model/text-rules.ts)
const LONG = 'Zhangdian'.repeat(22).padEnd(200, 'x');
const region: Region = {
  region_id: '370303',
  name_zh: '张'.repeat(200),
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
      const rows = comparisonRows([row('a', 90), row('b', 80, `school:${LONG.slice(7)}`)], {
        locale,
        region: () => region,
        national: () => null,
        href: () => '#',
      });
      for (const row of rows) expect(Array.from(row.label).length).toBeLessThan(2 * MAX_LABEL_CHARS + 40);
      expect(new Set(rows.map((r) => r.label)).size).toBe(2);
    }
  });

  it('keep a name that fits as it is', () => {
    expect(capLabel('Zhangdian District')).toBe('Zhangdian District');
    expect(capLabel('a'.repeat(61))).toBe(`${'a'.repeat(59)}…`);
    expect(capLabel('𠀀'.repeat(60))).toBe('𠀀'.repeat(60));
  });
});
