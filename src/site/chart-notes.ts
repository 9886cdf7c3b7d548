// What a reader must know to read one chart, said once each in the page's language: one grey note line under the
// plot, and apart from it the one thing printed red, a source that contradicts itself. Pure.
import type { Locale } from '../i18n/format.ts';
import { fill, t } from '../i18n/strings.ts';

export type NoteFacts = {
  /** The order of the rows in a sentence (chart-form.ts orderNote). */
  order?: string;
  /** Rates of several provinces' exams on one chart. */
  provinces?: boolean;
  /** A count or amount across regions of different size. */
  total?: boolean;
  /** The administrative levels drawn, in the page's language, when there are several. */
  levels?: string[];
  /** The periods drawn, in time order, when there are several. */
  periods?: string[];
  /** Periods drawn with no national value, where the metric has one for others. */
  missingNational?: string[];
  /** Values whose own source is garbled (severity source_defect). */
  defects?: number;
  /** Values at odds with other figures of their own source (severity contradiction). */
  contradictions?: number;
  /** Where the flagged values are listed: the chart's table, or the CSV when the chart draws distributions. */
  where?: 'table' | 'csv';
  /** Some region or year is inferred (marked *). */
  inferred?: boolean;
  /** Some value carries a qualifier (≈ > ≥ < ≤). */
  qualified?: boolean;
  /** What an aggregated chart draws, in words. */
  aggregate?: string;
};

export type ChartNotes = {
  /** The grey line: every caveat once, prefixed 注： / Note:, or empty. */
  note: string;
  /** The red line, or empty: only a source that contradicts itself. */
  alarm: string;
};

/** Sentences in order with repeats dropped: the same caveat from two facts is said once. */
export function once(sentences: string[]): string[] {
  return [...new Set(sentences.map((x) => x.trim()).filter(Boolean))];
}

export function chartNotes(facts: NoteFacts, locale: Locale): ChartNotes {
  const s = t(locale);
  const f = s.frame;
  const list = (items: string[]) => once(items).join(s.listSeparator);
  const parts = once([
    facts.order ?? '',
    facts.aggregate ?? '',
    facts.provinces ? s.provinceWarning : '',
    facts.total ? s.sizeWarning : '',
    facts.levels && once(facts.levels).length > 1 ? fill(f.levels, { list: list(facts.levels) }) : '',
    facts.periods && once(facts.periods).length > 1 ? fill(f.years, { list: list(facts.periods) }) : '',
    facts.missingNational?.length ? fill(f.nationalMissing, { list: list(facts.missingNational) }) : '',
    facts.defects ? fill(f.defects, { n: facts.defects }) : '',
    facts.inferred ? f.inferred : '',
    facts.qualified ? f.qualifiers : '',
  ]);
  return {
    note: parts.length ? `${f.noteLabel}${parts.join(f.noteJoin)}` : '',
    alarm: facts.contradictions ? fill(f.contradictions, { n: facts.contradictions, where: s.flaggedWhere[facts.where ?? 'table'].trim() }) : '',
  };
}
