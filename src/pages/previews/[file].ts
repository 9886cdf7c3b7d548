// Each page's preview image for social networks and chat apps (Open Graph, Twitter cards): metric, region and topic
// pages their own, in each language; every other page the site's (src/site/preview.ts).
import type { APIRoute } from 'astro';
import { renderPng } from '../../charts/png.ts';
import { chartFiles } from '../../site/chart-model.ts';
import { comparableRegions, metricObservations, siteData } from '../../site/data.ts';
import { hasComparisonChart } from '../../site/chart-form.ts';
import { previewCards, previewSvg, previewText, type PreviewKind } from '../../site/preview.ts';
import { LOCALES, inPart } from '../../site/routes.ts';
import type { Locale } from '../../i18n/format.ts';
import { t } from '../../i18n/strings.ts';

export async function getStaticPaths() {
  const data = await siteData();
  return inPart(
    'rest',
    previewCards(data).flatMap(([kind, id]) => LOCALES.map((l) => ({ params: { file: `${kind}-${id}.${l}.png` } }))),
  );
}

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  const match = /^(metric|region|province|topic|site)-(.+)\.(zh-cn|en)\.png$/.exec(params.file!)!;
  const [, kind, id, locale] = match as unknown as [string, PreviewKind, string, Locale];
  const s = t(locale);
  // a metric that compares two regions or more shows its chart, at the phone layout's width so it reads when small
  const chart =
    kind === 'metric' && data.metric.has(id) && hasComparisonChart(data.metric.get(id)!, comparableRegions(data, id))
      ? chartFiles(data, data.metric.get(id)!, () => metricObservations(data, id), locale).svgNarrow
      : undefined;
  const svg = previewSvg({ locale, siteName: s.siteName, footer: s.preview.footer, ...previewText(data, kind, id, locale), chart: chart || undefined });
  return new Response(new Uint8Array(await renderPng(svg, locale, 1)), { headers: { 'Content-Type': 'image/png' } });
};
