// Collections read the compiled output of `npm run data`; the schemas are the published ones from src/model.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { observationSchema } from './model/observation.ts';
import { publishedMetricSchema } from './model/metric.ts';
import { regionObject } from './model/region.ts';
import { publishedReportSchema } from './model/report.ts';
import { referenceRowSchema } from './model/reference.ts';
import { z } from 'astro/zod';

// ATLAS_DATA lets a test build the site from another compiled dataset (the hostile fixture) without touching public/.
const dataDir = process.env.ATLAS_DATA ?? join(process.cwd(), 'public', 'data');
const rows = (name: string): Record<string, unknown>[] => JSON.parse(readFileSync(join(dataDir, `${name}.json`), 'utf8'));
const keyed = (name: string, key: string) => async () => rows(name).map((row) => ({ ...row, id: String(row[key]) }));

export const collections = {
  observations: defineCollection({ loader: keyed('observations', 'observation_id'), schema: observationSchema }),
  metrics: defineCollection({ loader: keyed('metrics', 'metric_id'), schema: publishedMetricSchema }),
  regions: defineCollection({ loader: keyed('regions', 'region_id'), schema: regionObject }),
  reports: defineCollection({
    loader: async () =>
      rows('reports').map((row) => ({
        ...row,
        id: String(row.report_id),
        source: readFileSync(join(dataDir, 'sources', `${row.report_id}.txt`), 'utf8'),
      })),
    schema: publishedReportSchema.extend({ source: z.string() }),
  }),
  reference: defineCollection({
    loader: async () => rows('reference').map((row) => ({ ...row, id: `${row.measure}-${row.year}` })),
    schema: referenceRowSchema.extend({ value: z.number() }),
  }),
};
