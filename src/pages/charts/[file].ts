// Each chart's downloads: its data (CSV, one file for both languages, and the same with a byte-order mark for
// Excel) and, where the metric's page draws a chart, its image (SVG and PNG per language).
import type { APIRoute } from 'astro';
import { siteData, metricObservations, comparableRegions } from '../../site/data.ts';
import { hasComparisonChart } from '../../site/chart-form.ts';
import { pngDensity } from '../../charts/render.ts';
import { renderPng } from '../../charts/png.ts';
import { chartFiles } from '../../site/chart-model.ts';
import { standaloneSvg } from '../../site/chart-image.ts';
import { chartCsv } from '../../site/chart-csv.ts';
import { LOCALES, routes, inPart } from '../../site/routes.ts';
import { siteAddress } from '../../site/address.ts';

export async function getStaticPaths() {
  const data = await siteData();
  return inPart(
    'rest',
    data.metrics
      .filter((m) => data.metricStats.has(m.metric_id))
      .flatMap((m) => [
        { params: { file: `${m.metric_id}.csv` } },
        { params: { file: `${m.metric_id}.excel.csv` } },
        // A metric compared in fewer than two regions has no chart, so no image: its page offers the data alone.
        ...(hasComparisonChart(m, comparableRegions(data, m.metric_id))
          ? LOCALES.flatMap((l) => [{ params: { file: `${m.metric_id}.${l}.svg` } }, { params: { file: `${m.metric_id}.${l}.png` } }])
          : []),
      ]),
  );
}

export const GET: APIRoute = async ({ params, site }) => {
  const data = await siteData();
  const match = /^(.+?)(?:\.(zh-cn|en|excel))?\.(csv|svg|png)$/.exec(params.file!)!;
  const [, metricId, variant, extension] = match as unknown as [string, string, 'zh-cn' | 'en' | 'excel' | undefined, string];
  const metric = data.metric.get(metricId)!;
  if (extension === 'csv') {
    return chartCsv(data, metricObservations(data, metricId), variant === 'excel');
  }
  const locale = variant as 'zh-cn' | 'en';
  const address = siteAddress(routes.metric(locale, metricId), site) ?? '';
  const svg = standaloneSvg(chartFiles(data, metric, () => metricObservations(data, metricId), locale).image, locale, address);
  if (extension === 'svg') return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
  const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.map(Number) as [number, number, number];
  const png = await renderPng(svg, locale, pngDensity(width, height) / 72);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
