import { z } from 'astro/zod';

const observationId = z.string().regex(/^[a-z0-9][a-z0-9-]*-f\w+$/, 'must be the id of a curated observation, <report_id>-<figure id> (000-p1-anon-city-f094)');

/**
 * One per-unit value the build computes, as data/per-unit.csv declares it: a metric of measure `average` and the
 * two curated observations of one report whose quotient it is. The curator declares that the numerator and the
 * denominator are stated for the same thing ("生源地信用助学贷款人数共6746人,贷款金额共7446。46万元"); the build
 * checks everything it can (one report, one period, whole values, units) and computes the value.
 */
export const perUnitRowSchema = z.object({
  metric_id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a metric id'),
  numerator: observationId,
  denominator: observationId,
});
export type PerUnitRow = z.output<typeof perUnitRowSchema>;
