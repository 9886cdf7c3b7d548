// The metric a derived change is published under, with its names and definitions in both languages.
import type { Metric } from '../model/metric.ts';

/** The metric a derived change is published under: growth in % for amounts and counts, points for rates. */
export function derivedMetricFor(metric: Metric): Metric {
  const rate = metric.unit_base === '%';
  return {
    metric_id: `${metric.metric_id}_${rate ? 'change' : 'growth'}`,
    topic: metric.topic,
    name_zh: `${metric.name_zh}${rate ? '变化' : '增长率'}`,
    name_en: `${rate ? 'Change in' : 'Growth of'} ${metric.name_en.charAt(0).toLowerCase()}${metric.name_en.slice(1)}`,
    unit_base: rate ? 'pp' : '%',
    higher_is_better: metric.higher_is_better,
    definition_zh: rate
      ? `由本站根据同一报告中相邻两期的“${metric.name_zh}”计算的变化（百分点）：本期减上期。`
      : `由本站根据同一报告中相邻两期的“${metric.name_zh}”计算的增长率：（本期 − 上期）÷ 上期 × 100。`,
    definition_en: rate
      ? `Computed by this site from two consecutive periods of “${metric.name_en}” in the same report: this period minus the previous, in percentage points.`
      : `Computed by this site from two consecutive periods of “${metric.name_en}” in the same report: (this period − previous) ÷ previous × 100.`,
    measure: 'change',
    compare: metric.compare,
    period_basis: metric.period_basis,
    stage: metric.stage,
    keywords: [],
    derived_from: metric.metric_id,
  };
}
