// A metric's chart files (its image downloads, the rows-drawn CSVs, the preview card) come from one model per
// metric and language, built once: at national scale each model reads the metric's tens of thousands of rows.
import { describe, expect, it, vi } from 'vitest';
import { chartFiles, chartModel, frameImage } from '../../src/site/chart-model.ts';
import type { SiteData } from '../../src/site/data.ts';
import type { Region } from '../../src/model/region.ts';
import { observation } from '../observation.ts';
import { metric as fixture } from '../metric.ts';

// Astro provides astro:i18n only inside a build; the links it makes are not what is tested here.
vi.mock('astro:i18n', () => ({ getRelativeLocaleUrl: (locale: string, path: string) => `/${locale}/${path}` }));

const metric = fixture('preschool_gross_enrolment_rate', { name_zh: '学前三年毛入园率', name_en: 'Preschool gross enrolment rate' });
const region = (code: string, name: string): Region => ({
  region_id: code,
  name_zh: name,
  name_en: name,
  level: 'county',
  province_zh: '安徽省',
  province_en: 'Anhui',
  gb_code: code,
  basis: 'explicit',
  evidence: '',
  reasoning_zh: '',
  reasoning_en: '',
});
const regions = [region('341221', '临泉县'), region('341202', '颍州区'), region('340103', '庐阳区')];
const rows = regions.map((r, i) =>
  observation({ observation_id: `r${i}-f1`, report_id: `r${i}`, region_id: r.region_id, metric_id: metric.metric_id, value: 90 + i, value_base: 90 + i }),
);
const data = () =>
  ({
    metric: new Map([[metric.metric_id, metric]]),
    region: new Map(regions.map((r) => [r.region_id, r])),
    report: new Map(),
    national: new Map(),
  }) as unknown as SiteData;

describe('chartFiles', () => {
  it('gives what the chart’s model gives: its image, its phone-width plot and the rows it draws', () => {
    const site = data();
    for (const locale of ['zh-cn', 'en'] as const) {
      const model = chartModel(metric, rows, site, locale);
      const files = chartFiles(site, metric, () => rows, locale);
      expect(files.image).toEqual(frameImage(model));
      expect(files.svgNarrow).toBe(model.svgNarrow);
      expect(files.drawn).toEqual(model.drawn);
      expect(files.drawn).toHaveLength(3);
    }
  });

  it('reads the metric’s rows once per language for every file that shows its chart', () => {
    const site = data();
    let reads = 0;
    const read = () => (reads++, rows);
    for (let file = 0; file < 4; file++) chartFiles(site, metric, read, 'zh-cn');
    expect(reads).toBe(1);
    chartFiles(site, metric, read, 'en');
    expect(reads).toBe(2);
    // another build's data starts afresh
    chartFiles(data(), metric, read, 'zh-cn');
    expect(reads).toBe(3);
  });
});
