// From a proven curated row to an observation: resolve the period, bring the value to its base unit. Returns what
// it found about the row (flags, a note) beside it; compile.ts builds each observation's flags and notes once, from
// what every stage found.
import type { Problem } from './problems.ts';
import type { BuildNote } from './build-notes.ts';
import type { FigureOffsets } from './provenance.ts';
import type { ValidReport } from './validate.ts';
import type { FigureRow } from '../model/figure.ts';
import type { Metric } from '../model/metric.ts';
import { observationId, type Observation } from '../model/observation.ts';
import { resolvePeriod } from '../model/period.ts';
import { scaleDecimal, unitInfo } from '../text/figure.ts';
import type { Flag } from '../vocab/flags.ts';

/** An observation before the stages' findings are written onto it: its flags and the build's notes. */
export type Normalised = Omit<Observation, 'flags' | 'checks_en' | 'checks_zh'>;
export type Normal = { observation: Normalised; flags: Flag[]; notes: BuildNote[] };

export function normaliseFigure(
  row: FigureRow,
  line: number,
  located: FigureOffsets | null,
  report: ValidReport,
  metric: Metric,
  regionBasis: 'explicit' | 'inferred' | 'unknown' = 'explicit',
): { normal: Normal | null; problems: Problem[] } {
  const path = report.figuresPath;
  const written = unitInfo(row.unit);
  if (!written) return { normal: null, problems: [{ path, line, field: 'unit', message: 'unknown unit', got: row.unit }] };
  // "投入1500多万" names no unit, only a multiplier: the number is counted in the metric's own unit.
  const bare = /^[万萬亿億千]?$/.test(row.unit) && metric.unit_base !== '%' && metric.unit_base !== 'pp';
  const unit = bare ? { ...written, base: metric.unit_base } : written;
  if (unit.base !== metric.unit_base) {
    return {
      normal: null,
      problems: [{ path, line, field: 'unit', message: `is counted in ${unit.base}, but metric ${metric.metric_id} is in ${metric.unit_base}`, got: row.unit }],
    };
  }
  const { period, year } = resolvePeriod(row.period, report.meta.year);
  const flags: Flag[] = [];
  // The whole report's dating carries over to each of its figures, so a chart can mark an inferred year.
  if (report.meta.year_basis === 'inferred') flags.push('year_inferred');
  if (year === null) flags.push('year_unknown');
  if (regionBasis === 'inferred') flags.push('region_inferred');
  // A share above 100 % is possible (gross enrolment rates, completion against a plan) but rare: flagged for a
  // reader to see, never refused, since the source says so.
  const valueBase = row.value === '' ? null : Number(scaleDecimal(row.value, unit.exponent));
  if (metric.measure === 'rate' && valueBase !== null && valueBase > 100) flags.push('rate_above_100');
  if (regionBasis === 'unknown') flags.push('region_unknown');
  const value = row.value === '' ? null : Number(row.value);
  const notes: BuildNote[] = bare && written.base !== metric.unit_base ? [{ kind: 'no_unit', figure: row.figure_text, unit: metric.unit_base }] : [];
  const observation: Normalised = {
    observation_id: observationId(report.meta.report_id, row.id),
    report_id: report.meta.report_id,
    region_id: report.meta.region_id,
    metric_id: row.metric_id,
    period,
    year,
    kind: row.kind,
    value,
    unit: row.unit,
    value_base: valueBase,
    unit_base: unit.base,
    qualifier: row.qualifier,
    scope: row.scope,
    scope_en: row.scope_en,
    quote: row.quote,
    quote_start: located?.quote_start ?? null,
    quote_end: located?.quote_end ?? null,
    figure_start: located?.figure_start ?? null,
    figure_end: located?.figure_end ?? null,
    figure_text: row.figure_text,
    note_zh: row.note_zh,
    note_en: row.note_en,
    inputs: [],
  };
  return { normal: { observation, flags, notes }, problems: [] };
}
