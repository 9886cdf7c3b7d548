// Collections read the dictionary tables of `npm run data`; the schemas are the published ones from src/model.
// Observations and report texts are not collections: at national scale they outgrow what the content layer holds
// in one store, so pages read them per metric, per region or per report (src/site/store.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { publishedMetricSchema } from './model/metric.ts';
import { regionObject } from './model/region.ts';
import { publishedReportSchema } from './model/report.ts';
import { referenceRowSchema } from './model/reference.ts';
import { publishedReviewSchema } from './model/review.ts';
import { dataDir } from './site/store.ts';
import { z } from 'astro/zod';

const rows = (name: string): Record<string, unknown>[] => JSON.parse(readFileSync(join(dataDir(), `${name}.json`), 'utf8'));
const keyed = (name: string, key: string) => async () => rows(name).map((row) => ({ ...row, id: String(row[key]) }));

export const collections = {
  metrics: defineCollection({ loader: keyed('metrics', 'metric_id'), schema: publishedMetricSchema }),
  regions: defineCollection({ loader: keyed('regions', 'region_id'), schema: regionObject }),
  reports: defineCollection({ loader: keyed('reports', 'report_id'), schema: publishedReportSchema }),
  reference: defineCollection({
    loader: async () => rows('reference').map((row) => ({ ...row, id: `${row.measure}-${row.year}` })),
    schema: referenceRowSchema.extend({ value: z.number() }),
  }),
  reviews: defineCollection({ loader: keyed('reviews', 'observation_id'), schema: publishedReviewSchema }),
};
