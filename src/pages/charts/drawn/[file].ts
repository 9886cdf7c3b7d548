// "Download what is shown": the rows a chart draws, as CSV (UTF-8) and as CSV that Excel opens as is (byte-order
// mark, CRLF), in the columns of the metric's whole download (src/site/chart-csv.ts).
import type { APIRoute } from 'astro';
import { inPart } from '../../../site/routes.ts';
import { chartFiles } from '../../../site/chart-model.ts';
import { chartCsv } from '../../../site/chart-csv.ts';
import { comparableRegions, metricObservations, siteData } from '../../../site/data.ts';
import { hasComparisonChart, inDrawnOrder } from '../../../site/chart-form.ts';

export async function getStaticPaths() {
  const data = await siteData();
  return inPart(
    'rest',
    data.metrics
      .filter((m) => hasComparisonChart(m, comparableRegions(data, m.metric_id)))
      .flatMap((m) => [{ params: { file: `${m.metric_id}.csv` } }, { params: { file: `${m.metric_id}.excel.csv` } }]),
  );
}

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  const [, metricId, excel] = /^(.+?)(\.excel)?\.csv$/.exec(params.file!)!;
  const observations = metricObservations(data, metricId!);
  // the chart draws the same rows in both languages; the model of either says which
  const drawn = chartFiles(data, data.metric.get(metricId!)!, () => observations, 'zh-cn').drawn;
  return chartCsv(data, inDrawnOrder(observations, drawn), excel !== undefined);
};
