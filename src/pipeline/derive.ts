// Derives the growth a report implies but does not state: from a value and its prior-year value, a new observation
// under the derived metric (derived-metric.ts), its formula written in `checks` as the cross-checks write theirs.
import type { Metric } from '../model/metric.ts';
import type { Observation } from '../model/observation.ts';
import { isYearPeriod, previousPeriod } from '../model/period.ts';
import { fmt } from './checks.ts';
import { derivedMetricFor } from './derived-metric.ts';

/**
 * Growth the report implies: a value and its prior-period value for the same region, metric and scope, that no
 * curated change already relates. Returns the derived observations and the metrics they need.
 */
export function deriveGrowth(observations: Observation[], metrics: Map<string, Metric>): { derived: Observation[]; newMetrics: Metric[] } {
  const related = curatedChanges(observations);
  const derived: Observation[] = [];
  const newMetrics = new Map<string, Metric>();
  for (const [a, b] of consecutiveYears(observations)) {
    if (related.has(`${a.observation_id}|${b.observation_id}`) || a.value_base === 0) continue;
    const metric = metrics.get(b.metric_id)!;
    const dm = metrics.get(derivedMetricFor(metric).metric_id) ?? derivedMetricFor(metric);
    if (!metrics.has(dm.metric_id)) newMetrics.set(dm.metric_id, dm);
    derived.push(growthObservation(a, b, dm));
  }
  return { derived, newMetrics: [...newMetrics.values()] };
}

/** Pairs of observation ids a curated change_of or decrease_of already relates: "a|b". */
function curatedChanges(observations: readonly Observation[]): Set<string> {
  const related = new Set<string>();
  for (const o of observations)
    for (const c of o.checks_en.matchAll(/(?:change|decrease)_of=(f\w+)\.\.(f\w+)/g)) related.add(`${o.report_id}-${c[1]}|${o.report_id}-${c[2]}`);
  return related;
}

/** Each exact value with the one of the year before, for the same report, region, metric and scope: [prior, current]. */
function* consecutiveYears(observations: readonly Observation[]): Generator<[Observation, Observation]> {
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    if (o.kind !== 'actual' || o.value_base === null || o.qualifier !== '' || o.year === null) continue;
    const key = [o.report_id, o.region_id, o.metric_id, o.scope].join('|');
    const list = groups.get(key) ?? [];
    list.push(o);
    groups.set(key, list);
  }
  for (const list of groups.values()) {
    const byPeriod = new Map<string, Observation[]>();
    for (const o of list) byPeriod.set(o.period, [...(byPeriod.get(o.period) ?? []), o]);
    for (const [period, current] of byPeriod) {
      // Year on year only: spring and autumn terms of one year are not a growth series.
      if (!isYearPeriod(period)) continue;
      const prior = previousPeriod(period);
      const before = prior ? byPeriod.get(prior) : undefined;
      // Two values for one period (e.g. two parts of a city) leave the pair ambiguous: derive nothing.
      if (!before || before.length !== 1 || current.length !== 1) continue;
      yield [before[0]!, current[0]!];
    }
  }
}

/** The change from `a` to `b` under the derived metric: percentage points for rates, growth in % otherwise. */
function growthObservation(a: Observation, b: Observation, dm: Metric): Observation {
  const value = dm.unit_base === 'pp' ? b.value_base! - a.value_base! : ((b.value_base! - a.value_base!) / a.value_base!) * 100;
  const rounded = Math.round(value * 100) / 100;
  return {
    ...b,
    observation_id: `${b.report_id}-d-${b.metric_id}-${b.period}`,
    metric_id: dm.metric_id,
    kind: 'derived',
    value: rounded,
    unit: dm.unit_base === 'pp' ? '个百分点' : '%',
    value_base: rounded,
    unit_base: dm.unit_base,
    quote: '',
    quote_start: null,
    quote_end: null,
    figure_start: null,
    figure_end: null,
    figure_text: '',
    flags: [...new Set([...a.flags, ...b.flags].filter((f) => f.startsWith('year_') || f.startsWith('inconsistent_') || f === 'ambiguous_definition'))].sort(),
    note_zh: '',
    note_en: '',
    checks_zh: '',
    checks_en:
      dm.unit_base === 'pp'
        ? `derived: ${fmt(b.value_base!)} − ${fmt(a.value_base!)} = ${fmt(rounded)} percentage points, rounded to 2 decimals`
        : `derived: (${fmt(b.value_base!)} − ${fmt(a.value_base!)}) ÷ ${fmt(a.value_base!)} × 100 = ${fmt(rounded)}%, rounded to 2 decimals`,
    inputs: [a.observation_id, b.observation_id],
  };
}
