// Which of a metric's values may share one axis. A comparison chart draws only values of one definition, one kind
// and one kind of period, each for a whole region, that the source states without doubt; every other value is
// listed apart on the same page, never interleaved as a row of the same ranking.
import type { Observation } from '../model/observation.ts';
import type { PublishedMetric } from '../model/metric.ts';
import { periodBasis } from '../model/period.ts';
import { AMBIGUOUS_FLAGS, severity } from '../vocab/flags.ts';

export type Partition = {
  /** Whole-region values of the metric's own kind and period basis: the rows of the comparison. */
  compared: Observation[];
  /** Targets and plans: what a bureau aimed for, never drawn among outcomes. */
  targets: Observation[];
  /** Values for part of a region: one school, one group, one channel, one town. */
  parts: Observation[];
  /**
   * Whole-region values whose definition, scope or period the source leaves unclear, that the source contradicts,
   * or that the report gives twice with values that disagree: listed with their reason, never compared.
   */
  unclear: Observation[];
  /** Whole-region values of another kind of period, restatements and other readings, unreadable figures. */
  other: Observation[];
  /** Regions with a value in `compared`. */
  regions: number;
  /** Why a row of `unclear` or `other` is not drawn, by observation id (a key of the interface's reason texts). */
  reasons: Map<string, ListedReason>;
};

/** Why a listed row is not on the axis; each has its sentence in both languages (strings.ts, `otherReason`). */
export type ListedReason =
  'contradicted' | 'two_values' | 'ambiguous_definition' | 'ambiguous_scope' | 'ambiguous_period' | 'unreadable' | 'restatement' | 'kind' | 'listed' | 'period';

/**
 * Why the source leaves a value in doubt (vocab/flags.ts, leavesInDoubt), or null when it does not: the build's
 * cross-checks found it at odds with other figures of its report (7487 − 6825 = 662, stated 746), the report gives
 * another value of the same quantity (alternative_to), or a curator flagged its definition, scope or period as
 * unclear. Drawn beside clear values, it would claim a comparison nobody can check (13。7亿元 may be one year's
 * spending or a multi-year project total).
 */
export function unclearReason(o: Pick<Observation, 'flags'>): ListedReason | null {
  if (o.flags.some((f) => severity(f) === 'contradiction')) return 'contradicted';
  if (o.flags.includes('alternative_value')) return 'two_values';
  return AMBIGUOUS_FLAGS.find((f) => o.flags.includes(f)) ?? null;
}

/** The kind a metric's comparison draws: a metric computed by this site holds derived values, any other actual ones. */
export const comparedKind = (metric: Pick<PublishedMetric, 'derived_from'>) => (metric.derived_from ? 'derived' : 'actual');

export function isComparable(o: Observation, metric: Pick<PublishedMetric, 'derived_from' | 'period_basis'>): boolean {
  return (
    o.scope === 'region' &&
    o.kind === comparedKind(metric) &&
    o.value_base !== null &&
    !o.flags.includes('restatement') &&
    unclearReason(o) === null &&
    (o.year === null ? metric.period_basis === 'year' : periodBasis(o.period) === metric.period_basis)
  );
}

/** The row a report states and another of its rows reads another way (alternative_to): the same report, metric, period and kind. */
const readingKey = (o: Observation) => [o.report_id, o.metric_id, o.period, o.kind].join('|');

export function partition(metric: Pick<PublishedMetric, 'derived_from' | 'period_basis' | 'compare'>, observations: readonly Observation[]): Partition {
  const out: Partition = { compared: [], targets: [], parts: [], unclear: [], other: [], regions: 0, reasons: new Map() };
  // Two readings of one quantity leave both in doubt, the row the other reading names as much as the other one.
  const readTwice = new Set(observations.filter((o) => o.scope === 'region' && o.flags.includes('alternative_value')).map(readingKey));
  for (const o of observations) {
    if (o.kind === 'target' || o.kind === 'plan') out.targets.push(o);
    else if (o.scope !== 'region') out.parts.push(o);
    else {
      const flagged = unclearReason(o);
      const doubt = flagged !== 'contradicted' && readTwice.has(readingKey(o)) && !o.flags.includes('restatement') ? 'two_values' : flagged;
      if (doubt) {
        out.unclear.push(o);
        out.reasons.set(o.observation_id, doubt);
      } else if (metric.compare !== 'no' && isComparable(o, metric)) out.compared.push(o);
      else {
        out.other.push(o);
        out.reasons.set(o.observation_id, otherReason(o, metric));
      }
    }
  }
  out.regions = new Set(out.compared.map((o) => o.region_id)).size;
  return out;
}

/** Why a whole-region value of no doubt is still listed apart. */
function otherReason(o: Observation, metric: Pick<PublishedMetric, 'derived_from' | 'compare'>): ListedReason {
  if (o.value_base === null) return 'unreadable';
  if (o.flags.includes('restatement')) return 'restatement';
  if (o.kind !== comparedKind(metric)) return 'kind';
  return metric.compare === 'no' ? 'listed' : 'period';
}
