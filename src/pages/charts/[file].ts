// Each chart's downloads: its data (CSV, one file for both languages) and its image (SVG and PNG per language).
import type { APIRoute } from 'astro';
import sharp from 'sharp';
import { toCsv } from '../../pipeline/csv.ts';
import { siteData, metricObservations } from '../../site/data.ts';
import { pngDensity } from '../../charts/render.ts';
import { chartModel, nationalValue, standaloneSvg } from '../../site/chart-model.ts';
import { LOCALES } from '../../site/routes.ts';

export async function getStaticPaths() {
  const data = await siteData();
  return data.metrics
    .filter((m) => data.metricStats.has(m.metric_id))
    .flatMap((m) => [
      { params: { file: `${m.metric_id}.csv` } },
      ...LOCALES.flatMap((l) => [{ params: { file: `${m.metric_id}.${l}.svg` } }, { params: { file: `${m.metric_id}.${l}.png` } }]),
    ]);
}

const CSV_COLUMNS = ['observation_id', 'region_id', 'region_zh', 'region_en', 'level', 'metric_id', 'period', 'year', 'kind', 'value', 'unit', 'value_base', 'unit_base', 'qualifier', 'scope', 'flags', 'national_value', 'quote', 'report_id'] as const;

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  const match = /^(.+?)(?:\.(zh-cn|en))?\.(csv|svg|png)$/.exec(params.file!)!;
  const [, metricId, locale, extension] = match as unknown as [string, string, 'zh-cn' | 'en', string];
  const metric = data.metric.get(metricId)!;
  const observations = metricObservations(data, metricId);
  if (extension === 'csv') {
    const rows = observations.map((o) => {
      const region = data.region.get(o.region_id);
      return { ...o, region_zh: region?.name_zh, region_en: region?.name_en, level: region?.level, national_value: nationalValue(data, o.metric_id, o.year) };
    });
    return new Response(toCsv(rows, CSV_COLUMNS), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  }
  const svg = standaloneSvg(chartModel(metric, observations, data, locale), locale);
  if (extension === 'svg') return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
  const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.map(Number) as [number, number, number];
  const png = await sharp(Buffer.from(svg), { density: pngDensity(width, height) }).png({ compressionLevel: 9 }).toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
