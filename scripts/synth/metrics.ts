// The metrics of a synthetic dataset: the templates, then variants of them beyond forty, and their metrics.csv.
import { csvOfRecords } from '../../src/lib/csv.ts';
import { TEMPLATES, type Template } from './templates.ts';

/** Metrics written with their prior-year value ("由上年的…提高到…"): the compile step derives their growth. */
export const withPrior = (index: number) => index % 20 === 0;

export type Metric = Template & { index: number };
export function metricList(count: number): Metric[] {
  return Array.from({ length: count }, (_, index) => {
    const t = TEMPLATES[index % TEMPLATES.length]!;
    const variant = Math.floor(index / TEMPLATES.length);
    if (variant === 0) return { ...t, index };
    // Beyond forty metrics: variants of the templates, named apart so each clause stays unique in its report.
    const tag = `（口径${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[(variant - 1) % 26]}${variant > 26 ? variant : ''}）`;
    const base = t.clause;
    return {
      ...t,
      index,
      id: `${t.id}_v${variant + 1}`,
      zh: `${t.zh}${tag}`,
      en: `${t.en} (variant ${variant + 1})`,
      clause: (f: string, all: string) => insertTag(base(f, all), f, tag),
    };
  });
}
/** Puts the variant tag just before the figure: "新建中小学（口径A）3所". */
function insertTag(clause: string, figure: string, tag: string): string {
  const at = clause.lastIndexOf(figure);
  return `${clause.slice(0, at)}${tag}${clause.slice(at)}`;
}

export function metricsCsv(metrics: Metric[]): string {
  const rows = metrics.map((m) => ({
    metric_id: m.id,
    topic: m.topic,
    name_zh: m.zh,
    name_en: m.en,
    unit_base: m.unitBase,
    higher_is_better: m.hib,
    definition_zh: `合成数据：报告所写的“${m.zh}”（${m.unit}）。`,
    definition_en: `Synthetic data: “${m.en}” as the generated reports state it (${m.unit}).`,
    // Every synthetic figure is a whole-region annual value of one definition, so every metric compares.
    measure: m.unitBase === '%' ? 'rate' : m.unitBase === 'pp' ? 'change' : m.unitBase === 'CNY' ? 'amount' : m.unitBase === 'score' ? 'average' : 'count',
    compare: 'yes',
    period_basis: 'year',
    stage: 'all',
    keywords: m.zh.replace(/（.*）$/, ''),
  }));
  return csvOfRecords(rows);
}
