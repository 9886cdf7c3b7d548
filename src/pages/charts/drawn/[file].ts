// "Download what is shown": the rows a chart draws, as CSV (UTF-8) and as CSV that Excel opens as is (byte-order
// mark, CRLF), in the columns of the metric's whole download (../[file].ts).
import type { APIRoute } from 'astro';
import { toCsv } from '../../../lib/csv.ts';
import { chartModel, nationalValue } from '../../../site/chart-model.ts';
import { comparableRegions, metricObservations, siteData } from '../../../site/data.ts';

export async function getStaticPaths() {
  const data = await siteData();
  return data.metrics
    .filter((m) => comparableRegions(data, m.metric_id) >= 2)
    .flatMap((m) => [{ params: { file: `${m.metric_id}.csv` } }, { params: { file: `${m.metric_id}.excel.csv` } }]);
}

const COLUMNS = [
  'observation_id',
  'region_id',
  'region_zh',
  'region_en',
  'level',
  'metric_id',
  'period',
  'year',
  'kind',
  'value',
  'unit',
  'value_base',
  'unit_base',
  'qualifier',
  'scope',
  'flags',
  'national_value',
  'quote',
  'report_id',
] as const;

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  const [, metricId, excel] = /^(.+?)(\.excel)?\.csv$/.exec(params.file!)!;
  const observations = metricObservations(data, metricId!);
  // the chart draws the same rows in both languages; the model of either says which
  const drawn = new Set(chartModel(data.metric.get(metricId!)!, observations, data, 'zh-cn').drawn);
  const rows = observations
    .filter((o) => drawn.has(o.observation_id))
    .map((o) => {
      const region = data.region.get(o.region_id);
      return { ...o, region_zh: region?.name_zh, region_en: region?.name_en, level: region?.level, national_value: nationalValue(data, o.metric_id, o.year) };
    });
  const csv = toCsv(rows, COLUMNS);
  // Excel on Chinese Windows reads a CSV without a byte-order mark as GBK and shows UTF-8 Chinese garbled.
  const body = excel ? `\uFEFF${csv.replace(/\n/g, '\r\n')}` : csv;
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
