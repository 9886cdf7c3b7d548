// Guesses for a maintainer's draft: which metric a figure measures and whether it is a target or plan. Guesses are
// never published; a curator confirms or corrects each in figures.csv.
export type Keyword = { metricId: string; unitBase: string; word: string };

/** The keywords of every metric, as data/metrics.csv lists them. */
export function keywordIndex(metrics: { metric_id: string; unit_base: string; keywords: readonly string[] }[]): Keyword[] {
  return metrics.flatMap((m) => m.keywords.map((word) => ({ metricId: m.metric_id, unitBase: m.unit_base, word })));
}

/**
 * The metric whose keyword stands closest before the figure in its sentence, among metrics counted in the figure's
 * unit; a longer keyword wins a tie ("本科上线率" over "本科").
 */
export function guessMetric(sentenceBefore: string, unitBase: string, keywords: Keyword[]): string {
  let best: { at: number; length: number; metricId: string } | null = null;
  for (const k of keywords) {
    if (k.unitBase !== unitBase) continue;
    const at = sentenceBefore.lastIndexOf(k.word);
    if (at < 0) continue;
    const end = at + k.word.length;
    if (!best || end > best.at || (end === best.at && k.word.length > best.length)) best = { at: end, length: k.word.length, metricId: k.metricId };
  }
  return best?.metricId ?? '';
}

const PLAN = /计划|拟|预计|将投入|计划投入|擬|計劃/;
const TARGET = /力争|目标|要达|确保|争取|达到.{0,20}以上|力爭|目標|確保|爭取/;

/** A plan when the sentence plans an input (计划投入, 拟新建), a target when it aims at an outcome (力争, 确保). */
export function guessKind(sentence: string): 'actual' | 'target' | 'plan' {
  if (PLAN.test(sentence)) return 'plan';
  if (TARGET.test(sentence)) return 'target';
  return 'actual';
}
