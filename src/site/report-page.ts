// The report page's decisions, apart from its layout (src/components/report/*): which spans of the text are not yet
// reviewed, which observations have a figure of their own to highlight, and what a figure's hover title says.
import type { Observation } from '../model/observation.ts';
import type { Segment } from './report-text.ts';
import type { SiteData } from './data.ts';
import type { Locale } from '../i18n/format.ts';
import { localized } from '../i18n/locale.ts';

/** The report's spans to review ("120-180") as [start, end] offsets. */
export const reviewSpans = (toReview: string[]): [number, number][] => toReview.map((span) => span.split('-').map(Number) as [number, number]);

/**
 * Observations whose figure is marked in the text: their anchor wraps the figure, so that arriving from a card
 * highlights the figure itself, not the whole sentence around it. The others anchor their sentence.
 */
export const withFigure = (segments: Segment[]): Set<string> =>
  new Set(segments.flatMap((seg) => (seg.kind === 'quote' ? seg.pieces.flatMap((p) => p.figureOf) : [])));

export type FigureLine = Pick<Observation, 'metric_id' | 'period' | 'year' | 'kind'>;

/** A figure's hover title: one line per observation it stands for (metric · period · kind). */
export function figureTitle(figures: FigureLine[], describe: (o: FigureLine) => string[]): string {
  return figures.map((o) => describe(o).join(' · ')).join('\n');
}

/** A metric's name in the reader's language; its id where the metric is not published. */
export function metricName(data: Pick<SiteData, 'metric'>, id: string, locale: Locale): string {
  const m = data.metric.get(id);
  return m ? localized(m, 'name', locale) : id;
}
