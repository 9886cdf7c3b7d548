// From a proven curated row to a published observation: resolve the period, bring the value to its base unit.
import type { Problem } from './problems.ts';
import type { FigureOffsets } from './provenance.ts';
import type { ValidReport } from './validate.ts';
import type { FigureRow } from '../model/figure.ts';
import type { Metric } from '../model/metric.ts';
import type { Observation } from '../model/observation.ts';
import { resolvePeriod } from '../model/period.ts';
import { scaleDecimal, unitInfo } from '../text/figure.ts';

export function observationId(reportId: string, localId: string): string {
  return `${reportId}-${localId}`;
}

export function normaliseFigure(
  row: FigureRow,
  line: number,
  located: FigureOffsets | null,
  report: ValidReport,
  metric: Metric,
  regionBasis: 'explicit' | 'inferred' | 'unknown' = 'explicit',
): { observation: Observation | null; problems: Problem[] } {
  const path = report.figuresPath;
  const written = unitInfo(row.unit);
  if (!written) return { observation: null, problems: [{ path, line, field: 'unit', message: 'unknown unit', got: row.unit }] };
  // "投入1500多万" names no unit, only a multiplier: the number is counted in the metric's own unit.
  const bare = /^[万萬亿億千]?$/.test(row.unit) && metric.unit_base !== '%' && metric.unit_base !== 'pp';
  const unit = bare ? { ...written, base: metric.unit_base } : written;
  if (unit.base !== metric.unit_base) {
    return {
      observation: null,
      problems: [{ path, line, field: 'unit', message: `is counted in ${unit.base}, but metric ${metric.metric_id} is in ${metric.unit_base}`, got: row.unit }],
    };
  }
  const { period, year } = resolvePeriod(row.period, report.meta.year);
  const flags = new Set(row.flags);
  // The whole report's dating carries over to each of its figures, so a chart can mark an inferred year.
  if (report.meta.year_basis === 'inferred') flags.add('year_inferred');
  if (year === null) flags.add('year_unknown');
  if (regionBasis === 'inferred') flags.add('region_inferred');
  // A share above 100 % is possible (gross enrolment rates, completion against a plan) but rare: flagged for a
  // reader to see, never refused, since the source says so.
  const valueBase = row.value === '' ? null : Number(scaleDecimal(row.value, unit.exponent));
  if (metric.measure === 'rate' && valueBase !== null && valueBase > 100) flags.add('rate_above_100');
  if (regionBasis === 'unknown') flags.add('region_unknown');
  const value = row.value === '' ? null : Number(row.value);
  return {
    observation: {
      observation_id: observationId(report.meta.report_id, row.id),
      report_id: report.meta.report_id,
      region_id: report.meta.region_id,
      metric_id: row.metric_id,
      period,
      year,
      kind: row.kind,
      value,
      unit: row.unit,
      value_base: row.value === '' ? null : Number(scaleDecimal(row.value, unit.exponent)),
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
      flags: [...flags].sort(),
      note_zh: row.note_zh,
      note_en: row.note_en,
      checks_zh: '',
      checks_en:
        bare && written.base !== metric.unit_base ? `the report writes no unit (${row.figure_text}); read in the metric's unit, ${metric.unit_base}` : '',
      inputs: [],
    },
    problems: [],
  };
}
