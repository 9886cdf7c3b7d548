// Which of a metric's values may share one axis. A comparison chart draws only values of one definition, one kind
// and one kind of period, each for a whole region; every other value is listed apart on the same page, never
// interleaved as a row of the same ranking.
import type { Observation } from '../model/observation.ts';
import type { PublishedMetric } from '../model/metric.ts';
import { periodBasis } from '../model/period.ts';

export type Partition = {
  /** Whole-region values of the metric's own kind and period basis: the rows of the comparison. */
  compared: Observation[];
  /** Targets and plans: what a bureau aimed for, never drawn among outcomes. */
  targets: Observation[];
  /** Values for part of a region: one school, one group, one channel, one town. */
  parts: Observation[];
  /** Whole-region values of another kind of period, restatements and other readings, unreadable figures. */
  other: Observation[];
  /** Regions with a value in `compared`. */
  regions: number;
};

/** The kind a metric's comparison draws: a metric computed by this site holds derived values, any other actual ones. */
export const comparedKind = (metric: Pick<PublishedMetric, 'derived_from'>) => (metric.derived_from ? 'derived' : 'actual');

export function isComparable(o: Observation, metric: Pick<PublishedMetric, 'derived_from' | 'period_basis'>): boolean {
  return (
    o.scope === 'region' &&
    o.kind === comparedKind(metric) &&
    o.value_base !== null &&
    !o.flags.includes('restatement') &&
    !o.flags.includes('alternative_value') &&
    (o.year === null ? metric.period_basis === 'year' : periodBasis(o.period) === metric.period_basis)
  );
}

export function partition(metric: Pick<PublishedMetric, 'derived_from' | 'period_basis' | 'compare'>, observations: readonly Observation[]): Partition {
  const out: Partition = { compared: [], targets: [], parts: [], other: [], regions: 0 };
  for (const o of observations) {
    if (o.kind === 'target' || o.kind === 'plan') out.targets.push(o);
    else if (o.scope !== 'region') out.parts.push(o);
    else if (metric.compare !== 'no' && isComparable(o, metric)) out.compared.push(o);
    else out.other.push(o);
  }
  out.regions = new Set(out.compared.map((o) => o.region_id)).size;
  return out;
}
