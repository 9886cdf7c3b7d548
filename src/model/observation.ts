import { z } from 'astro/zod';
import { KINDS } from './figure.ts';
import { qualifierSchema } from '../vocab/qualifiers.ts';
import { UNIT_BASES } from '../vocab/units.ts';

/** One published observation: the row of public/data/observations.csv and the typed collection entry. */
export const observationSchema = z.object({
  observation_id: z.string(),
  report_id: z.string(),
  region_id: z.string(),
  metric_id: z.string(),
  period: z.string(),
  /** The calendar year the period ends in; null when the report's year is blanked and cannot be inferred. */
  year: z.number().int().nullable(),
  kind: z.enum(KINDS),
  value: z.number().nullable(),
  unit: z.string(),
  value_base: z.number().nullable(),
  unit_base: z.enum(UNIT_BASES),
  qualifier: qualifierSchema,
  scope: z.string(),
  /** The part's name in English when scope is not region; the Chinese name is the scope's text after its colon. */
  scope_en: z.string(),
  quote: z.string(),
  /** Offsets in Unicode code points into the report's source.txt; the figure lies within the quote. */
  quote_start: z.number().int().nullable(),
  quote_end: z.number().int().nullable(),
  figure_start: z.number().int().nullable(),
  figure_end: z.number().int().nullable(),
  figure_text: z.string(),
  flags: z.array(z.string()),
  note: z.string(),
  /** What the build verified about this value, in words ("206 ÷ 430 × 100 = 47.91; stated 47.88"). */
  checks: z.string(),
  /** For derived values: the observations they are computed from. */
  inputs: z.array(z.string()),
});
export type Observation = z.output<typeof observationSchema>;
