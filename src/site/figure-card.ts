// What a figure's card says beyond the figure itself: its sentence cut around the figure, and how its region and
// year were identified, in the reader's language. Pure: the card (FigureCard.astro) and the short quotes of a
// metric's computed values (Quote.astro) take their sentences from here.
import type { Locale } from '../i18n/format.ts';
import { localized } from '../i18n/locale.ts';
import { t } from '../i18n/strings.ts';
import type { PublishedReport } from '../model/report.ts';
import type { Region } from '../model/region.ts';
import { AGGREGATE_THRESHOLD } from '../charts/distribution.ts';

export type QuoteParts = { before: string; figure: string; after: string };

/** The sentence before, at and after the figure as written; the whole sentence `before` when it does not hold it. */
export function quoteParts(quote: string, figureText: string): QuoteParts {
  const at = figureText ? quote.indexOf(figureText) : -1;
  if (at < 0) return { before: quote, figure: '', after: '' };
  return { before: quote.slice(0, at), figure: figureText, after: quote.slice(at + figureText.length) };
}

export type CardRegion = Pick<Region, 'basis' | 'reasoning_zh' | 'reasoning_en'>;
export type CardReport = Pick<PublishedReport, 'year_basis' | 'year_reasoning_zh' | 'year_reasoning_en'>;

export type Inference = { what: string; why: string };

/** What of the report's region and year this site inferred or could not identify, each with its reasoning ('' when none is recorded); none when both are stated. */
export function inferences(region: CardRegion | undefined, report: CardReport, locale: Locale): Inference[] {
  const w = t(locale).card;
  const out: Inference[] = [];
  const regionBasis = region?.basis ?? 'unknown';
  const regionWhy = localized(region, 'reasoning', locale) ?? '';
  const yearWhy = localized(report, 'year_reasoning', locale);
  if (regionBasis === 'inferred') out.push({ what: w.regionInferred, why: regionWhy });
  if (regionBasis === 'unknown') out.push({ what: w.regionUnknown, why: regionWhy });
  if (report.year_basis === 'inferred') out.push({ what: w.yearInferred, why: yearWhy });
  if (report.year_basis === 'unknown') out.push({ what: w.yearUnknown, why: yearWhy });
  return out;
}

/** The one line a card shows for them (地区为本站推断；年份为本站推断), the reasoning behind a toggle; '' when there are none. */
export function inferenceLine(list: Inference[], locale: Locale): string {
  const line = list.map((i) => i.what).join(t(locale).card.separator);
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/**
 * Whether a metric's page lists a card for each of its figures: above AGGREGATE_THRESHOLD sentences it links to the
 * CSV instead, and a chart mark then opens its sentence in its report, where a line names the report.
 */
export const cardsListed = (sentences: number): boolean => sentences <= AGGREGATE_THRESHOLD;
