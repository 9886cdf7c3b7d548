// A report's figures: each metric's value for the year written as a bureau writes it (约, 余, 以上, a full-width
// point), the clause that states it, and its row of figures.csv. Metrics written with their prior-year value give
// two rows from one clause; the gaokao rate carries its ratio check.
import { FIGURE_COLUMNS } from '../../src/model/figure.ts';
import type { Topic } from '../../src/vocab/topics.ts';
import { withPrior, type Metric } from './metrics.ts';
import { pick, type Rng } from './random.ts';
import { CANDIDATES, GAOKAO_RATE, QUALIFIERS, type Qualifier } from './templates.ts';

export type Row = Record<(typeof FIGURE_COLUMNS)[number], string>;
type Written = { value: string; figure: string; qualifier: Qualifier };

/** The rows of figures.csv and, by topic, the clauses of the text that state them. */
export type Figures = { rows: Row[]; clausesByTopic: Map<Topic, string[]>; derived: number };

function fmt(x: number, decimals: number): string {
  return x.toFixed(decimals);
}

function write(value: string, unit: string, qualifier: Qualifier, fullWidthPoint: boolean): Written {
  const digits = fullWidthPoint ? value.replace('.', '。') : value;
  const multiplier = /^[万亿]/.test(unit) && unit.length > 1;
  const figure =
    qualifier === 'approx'
      ? `约${digits}${unit}`
      : qualifier === 'gt'
        ? multiplier
          ? `${digits}${unit[0]}余${unit.slice(1)}`
          : `${digits}余${unit}`
        : qualifier === 'ge'
          ? `${digits}${unit}以上`
          : `${digits}${unit}`;
  return { value, figure, qualifier };
}

/** Rows are numbered f001, f002… in the order they are written. */
class FigureTable {
  readonly rows: Row[] = [];
  /** The row id of each metric's value for the report's year, by metric index: what a check refers to. */
  readonly localId = new Map<number, string>();

  nextId(): string {
    return `f${String(this.rows.length + 1).padStart(3, '0')}`;
  }

  add(m: Metric, period: string, w: Written, quote: string, check = ''): void {
    this.rows.push({
      id: this.nextId(),
      metric_id: m.id,
      period,
      kind: 'actual',
      value: w.value,
      unit: m.unit,
      qualifier: w.qualifier,
      figure_text: w.figure,
      quote,
      scope: '',
      scope_en: '',
      check,
      flags: '',
      note_zh: '',
      note_en: '',
    } as Row);
  }
}

/** Every metric's figure for `year`; `series` index yearIndex + 1 is that year (index 0 is the year before the first). */
export function reportFigures(rng: Rng, all: string, year: number, yearIndex: number, metrics: Metric[], series: Map<string, number[]>): Figures {
  const table = new FigureTable();
  const clausesByTopic = new Map<Topic, string[]>();
  let derived = 0;
  const valueAt = (m: Metric, t: number) => series.get(m.id)![t + 1]!;
  for (const m of metrics) {
    const clauses = clausesByTopic.get(m.topic) ?? [];
    clausesByTopic.set(m.topic, clauses);
    const value = fmt(valueAt(m, yearIndex), m.decimals);
    if (withPrior(m.index)) {
      clauses.push(withPriorYear(table, m, all, year, value, fmt(valueAt(m, yearIndex - 1), m.decimals)));
      derived++;
    } else clauses.push(figure(table, rng, m, all, year, value));
  }
  return { rows: table.rows, clausesByTopic, derived };
}

/** "全县学前三年毛入园率由上年的…提高到…": two rows quoting one clause, from which the compile step derives growth. */
function withPriorYear(table: FigureTable, m: Metric, all: string, year: number, value: string, prior: string): string {
  // The two figures must read differently, or the quote would hold one figure twice.
  if (prior === value) prior = fmt(Number(value) - 10 ** -m.decimals, m.decimals);
  const up = Number(value) > Number(prior);
  const verb = m.unitBase === '%' ? (up ? '提高到' : '下降到') : up ? '增加到' : '减少到';
  const wp = write(prior, m.unit, '', false);
  const wc = write(value, m.unit, '', false);
  const quote = `${all}${m.zh.replace(/数$/, '')}由上年的${wp.figure}${verb}${wc.figure}`;
  table.add(m, String(year - 1), wp, quote);
  table.localId.set(m.index, table.nextId());
  table.add(m, String(year), wc, quote);
  return quote;
}

/** One figure in its template's clause, now and then with a qualifier or a full-width point (13。7亿元). */
function figure(table: FigureTable, rng: Rng, m: Metric, all: string, year: number, value: string): string {
  let check = '';
  if (m.index === GAOKAO_RATE && table.localId.has(CANDIDATES) && table.localId.has(QUALIFIERS))
    check = `ratio_of=${table.localId.get(QUALIFIERS)}/${table.localId.get(CANDIDATES)}`;
  const qualifier: Qualifier = m.quals && rng() < 0.2 ? pick(rng, m.quals) : '';
  const w = write(value, m.unit, qualifier, m.unit === '亿元' && rng() < 0.1);
  const quote = m.clause(w.figure, all);
  table.localId.set(m.index, table.nextId());
  table.add(m, String(year), w, quote, check);
  return quote;
}
