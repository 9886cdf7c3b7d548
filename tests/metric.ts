// One published metric for tests, a rate compared across regions by default: each test states only what it is about.
import type { PublishedMetric } from '../src/model/metric.ts';

export const metric = (id: string, over: Partial<PublishedMetric> = {}): PublishedMetric => ({
  metric_id: id,
  topic: 'access',
  name_zh: id,
  name_en: id,
  unit_base: '%',
  higher_is_better: true,
  definition_zh: '',
  definition_en: '',
  measure: 'rate',
  compare: 'yes',
  period_basis: 'year',
  stage: 'all',
  keywords: [],
  derived_from: '',
  ...over,
});
