// Per-unit values the reports imply but do not state: a numerator and its denominator that one report gives for the
// same thing (7446。46万元 of student loans for 6746 borrowers), declared in data/per-unit.csv, divided by the build
// into an observation of kind `derived` under a metric of measure `average`. Totals of regions of different size do
// not compare; their per-unit values do. A derived value carries its inputs, its formula in words and every doubt
// of its inputs' flags, so it is never mistaken for a stated figure and never compared where an input is not.
//
// load: readPerUnit (the declarations, once) · process: derivePerUnit (each report as it is compiled) · save:
// finishPerUnit (declarations no report answered) and perUnitMetrics (the metrics' derived_from).
import type { Problem } from './problems.ts';
import type { SourceFile } from './read.ts';
import type { ValidReport } from './validate.ts';
import { readCsvRecords, validateRecords, type Located } from './csv.ts';
import { fmt } from './build-notes.ts';
import type { Metric } from '../model/metric.ts';
import { derivedObservationId, type Observation } from '../model/observation.ts';
import { perUnitRowSchema, type PerUnitRow } from '../model/per-unit.ts';
import { periodWithin } from '../model/period.ts';
import { unitLabel } from '../i18n/format.ts';

export type PerUnitDeclarations = {
  path: string;
  /** Declarations by the report their observations come from. */
  byReport: Map<string, Located<PerUnitRow>[]>;
  /** Reports whose declarations have been derived (or refused), to name the declarations no report answered. */
  seen: Set<string>;
  /** Per metric: the metrics of its numerator and denominator, fixed by its first declaration (one definition). */
  inputs: Map<string, { numerator: string; denominator: string; line: number }>;
};

/** `000-p1-anon-city-f094` → `000-p1-anon-city`. */
const reportOf = (observationId: string) => observationId.replace(/-f\w+$/, '');

/** Reads and checks data/per-unit.csv (absent: no per-unit values); problems name its file, line and field. */
export function readPerUnit(file: SourceFile | null | undefined, metrics: ReadonlyMap<string, Metric>, problems: Problem[]): PerUnitDeclarations {
  const declarations: PerUnitDeclarations = { path: file?.path ?? 'data/per-unit.csv', byReport: new Map(), seen: new Set(), inputs: new Map() };
  if (!file) return declarations;
  if (file.problem) {
    problems.push({ path: file.path, line: 1, field: '(file)', message: file.problem });
    return declarations;
  }
  const parsed = readCsvRecords(file.text, file.path, Object.keys(perUnitRowSchema.shape));
  problems.push(...parsed.problems);
  const { rows, problems: invalid } = validateRecords(parsed.records, perUnitRowSchema, file.path);
  problems.push(...invalid);
  for (const row of rows) {
    const { metric_id, numerator, denominator } = row.data;
    const metric = metrics.get(metric_id);
    const at = (field: string, message: string, got: unknown) => problems.push({ path: file.path, line: row.line, field, message, got });
    if (!metric) {
      if (metrics.size) at('metric_id', 'unknown metric', metric_id);
      continue;
    }
    if (metric.measure !== 'average') {
      at('metric_id', `is a ${metric.measure}; a per-unit value is an average: give the metric measure average in data/metrics.csv`, metric_id);
      continue;
    }
    if (numerator === denominator || reportOf(numerator) !== reportOf(denominator)) {
      at(
        'denominator',
        'must be another observation of the numerator’s report: a per-unit value divides two figures one report states for the same thing',
        denominator,
      );
      continue;
    }
    const list = declarations.byReport.get(reportOf(numerator)) ?? [];
    list.push(row);
    declarations.byReport.set(reportOf(numerator), list);
  }
  return declarations;
}

/** The metric ids the declarations compute: no report may state a figure of its own under one of them. */
export const perUnitMetricIds = (declarations: PerUnitDeclarations) =>
  new Set([...declarations.byReport.values()].flatMap((rows) => rows.map((r) => r.data.metric_id)));

/**
 * The per-unit values of one report, from its observations as compiled; problems name the declaration's line, or
 * the figures.csv line of a curated row that uses a computed metric.
 */
export function derivePerUnit(
  report: Pick<ValidReport, 'meta' | 'figures' | 'figuresPath'>,
  observations: readonly Observation[],
  declarations: PerUnitDeclarations,
  metrics: ReadonlyMap<string, Metric>,
): { derived: Observation[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const computed = perUnitMetricIds(declarations);
  for (const { line, data } of report.figures) {
    if (computed.has(data.metric_id))
      problems.push({
        path: report.figuresPath,
        line,
        field: 'metric_id',
        message: 'is computed by this site from data/per-unit.csv; a figure the report states needs a metric of its own',
        got: data.metric_id,
      });
  }
  const reportId = report.meta.report_id;
  declarations.seen.add(reportId);
  const byId = new Map(observations.map((o) => [o.observation_id, o]));
  const derived: Observation[] = [];
  for (const { line, data } of declarations.byReport.get(reportId) ?? []) {
    const at = (field: string, message: string, got?: unknown) => problems.push({ path: declarations.path, line, field, message, got });
    const metric = metrics.get(data.metric_id)!;
    const num = byId.get(data.numerator);
    const den = byId.get(data.denominator);
    if (!num || !den) {
      for (const [field, id] of [
        ['numerator', data.numerator],
        ['denominator', data.denominator],
      ] as const)
        if (!byId.has(id)) at(field, `${reportId} has no figure ${id.slice(reportId.length + 1)}`, id);
      continue;
    }
    const problem = inputProblem(num, den, metric);
    if (problem) {
      at(problem.field, problem.message, problem.got);
      continue;
    }
    const fixed = declarations.inputs.get(metric.metric_id);
    if (fixed && (fixed.numerator !== num.metric_id || fixed.denominator !== den.metric_id)) {
      at(
        'numerator',
        `${metric.metric_id} divides ${fixed.numerator} by ${fixed.denominator} (line ${fixed.line}); this declaration divides ${num.metric_id} by ${den.metric_id}: one metric, one definition`,
      );
      continue;
    }
    declarations.inputs.set(metric.metric_id, { numerator: num.metric_id, denominator: den.metric_id, line });
    const o = perUnitObservation(num, den, metric);
    if (derived.some((d) => d.observation_id === o.observation_id) || byId.has(o.observation_id)) {
      at('metric_id', `a second per-unit value of ${metric.metric_id} for ${o.period} in ${reportId}`);
      continue;
    }
    derived.push(o);
  }
  return { derived, problems };
}

/** What keeps two observations from being divided, or null. */
function inputProblem(num: Observation, den: Observation, metric: Metric): { field: string; message: string; got?: unknown } | null {
  for (const [field, o] of [
    ['numerator', num],
    ['denominator', den],
  ] as const) {
    if (o.kind !== 'actual') return { field, message: `is a ${o.kind}; a per-unit value divides outcomes the report states`, got: o.observation_id };
    if (o.value_base === null) return { field, message: 'is unreadable in the source', got: o.observation_id };
    // 2万余人次 ÷ 360 would be a bound divided, not a value: nothing is computed from approximate figures or bounds
    if (o.qualifier !== '')
      return { field, message: `is qualified (${o.qualifier}: ${o.figure_text}); a per-unit value divides exact figures`, got: o.observation_id };
  }
  if (den.value_base === 0) return { field: 'denominator', message: 'is zero', got: den.observation_id };
  if (num.scope !== den.scope)
    return { field: 'denominator', message: `covers ${den.scope}, the numerator ${num.scope}: both must describe the same thing`, got: den.observation_id };
  if (!periodWithin(num.period, den.period) && !periodWithin(den.period, num.period))
    return { field: 'denominator', message: `is for ${den.period}, the numerator for ${num.period}: one must lie within the other`, got: den.observation_id };
  if (num.unit_base !== metric.unit_base)
    return {
      field: 'numerator',
      message: `is counted in ${num.unit_base}, but ${metric.metric_id} (its value per unit) is in ${metric.unit_base}`,
      got: num.observation_id,
    };
  return null;
}

// A derived value is as doubtful as its inputs: their readings (inferred year or region), their doubts (unclear,
// contradicted, another reading) and their source's defects carry over; a restatement or a rate above 100 % does not.
const NOT_CARRIED = new Set(['restatement', 'rate_above_100']);

/** numerator ÷ denominator, in the metric's unit, rounded to 2 decimals as the growth this site derives is. */
function perUnitObservation(num: Observation, den: Observation, metric: Metric): Observation {
  const finer = periodWithin(num.period, den.period) ? num : den;
  const value = Math.round((num.value_base! / den.value_base!) * 100) / 100;
  return {
    ...finer,
    observation_id: derivedObservationId(num.report_id, metric.metric_id, finer.period),
    metric_id: metric.metric_id,
    kind: 'derived',
    value,
    unit: unitLabel(metric.unit_base, 'zh-cn'),
    value_base: value,
    unit_base: metric.unit_base,
    qualifier: '',
    scope: num.scope,
    scope_en: num.scope_en,
    quote: '',
    quote_start: null,
    quote_end: null,
    figure_start: null,
    figure_end: null,
    figure_text: '',
    flags: [...new Set([...num.flags, ...den.flags].filter((f) => !NOT_CARRIED.has(f)))].sort(),
    note_zh: '',
    note_en: '',
    checks_zh: formula(num, den, metric, value, 'zh'),
    checks_en: formula(num, den, metric, value, 'en'),
    inputs: [num.observation_id, den.observation_id],
  };
}

/** How a per-unit value was computed, in words, in either language: both inputs as written, their ids and the result. */
export function formula(num: Observation, den: Observation, metric: Pick<Metric, 'unit_base'>, value: number, lang: 'en' | 'zh'): string {
  const written = (o: Observation) => `${o.value}${o.unit}`;
  return lang === 'en'
    ? `derived: ${written(num)} (${num.observation_id}) ÷ ${written(den)} (${den.observation_id}) = ${fmt(value)} ${unitLabel(metric.unit_base, 'en')}, rounded to 2 decimals`
    : `本站推算：${written(num)}（${num.observation_id}）÷ ${written(den)}（${den.observation_id}）= ${fmt(value)}${unitLabel(metric.unit_base, 'zh-cn')}，保留两位小数`;
}

/** The declarations that name a report the run never compiled: each is a problem at its line. */
export function finishPerUnit(declarations: PerUnitDeclarations): Problem[] {
  return [...declarations.byReport]
    .filter(([report]) => !declarations.seen.has(report))
    .flatMap(([report, rows]) =>
      rows.map(({ line, data }) => ({
        path: declarations.path,
        line,
        field: 'numerator',
        message: `names report ${report}, which data/reports/ does not hold`,
        got: data.numerator,
      })),
    );
}

/** The metrics with their inputs: derived_from names the numerator's metric and the denominator's, `;`-separated. */
export function perUnitMetrics(metrics: readonly Metric[], declarations: PerUnitDeclarations): Metric[] {
  return metrics.map((m) => {
    const inputs = declarations.inputs.get(m.metric_id);
    return inputs ? { ...m, derived_from: `${inputs.numerator};${inputs.denominator}` } : m;
  });
}
