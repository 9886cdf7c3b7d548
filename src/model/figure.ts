import { z } from 'astro/zod';
import { periodSchema } from './period.ts';
import { qualifierSchema } from '../text/figure.ts';

export const CURATED_KINDS = ['actual', 'target', 'plan'] as const;
export const KINDS = [...CURATED_KINDS, 'derived'] as const;

/** Flags a curator may set; the build adds the inconsistent_* ones itself when a check fails. */
export const FLAGS = [
  'garbled_in_source',
  'inconsistent_change',
  'inconsistent_rate',
  'inconsistent_total',
  'ambiguous_period',
  'ambiguous_scope',
  'ambiguous_definition',
  'typo_in_source',
  'year_inferred',
  'year_unknown',
] as const;
export const flagSchema = z.enum(FLAGS);

const semicolonList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .default('')
    .transform((s) => s.split(';').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item));

export const CHECK_RE = /^((change_of|decrease_of)=(f\w+)\.\.(f\w+)|ratio_of=(f\w+)\/(f\w+)|sum_of=(f\w+(?:\+f\w+)+))$/;

/** One row of data/reports/<id>/figures.csv, as a curator writes it. */
export const figureRowSchema = z
  .object({
    id: z.string().regex(/^f\w+$/, 'must look like f001'),
    metric_id: z.string().min(1),
    period: periodSchema,
    kind: z.enum(CURATED_KINDS),
    value: z.string().regex(/^(\d+(\.\d+)?)?$/, 'must be a number in ASCII digits, like 13.7')
      // beyond 15 digits a number is no longer published exactly (and 400 digits are Infinity): no report writes one
      .refine((v) => v.replace('.', '').replace(/^0+/, '').length <= 15, 'has more than 15 digits; no report figure has that many'),
    /** Empty only where the report writes no unit at all ("化解1200余有各种诉求的考生家庭"). */
    unit: z.string(),
    qualifier: qualifierSchema.default(''),
    figure_text: z.string().min(1),
    quote: z.string().min(1),
    scope: z
      .string()
      .default('')
      .transform((s) => s || 'region')
      .pipe(z.string().regex(/^(region|(school|group|area):.+)$/, 'must be region, school:…, group:… or area:…')),
    check: semicolonList(z.string().regex(CHECK_RE, 'must be change_of=fA..fB, decrease_of=fA..fB, ratio_of=fA/fB or sum_of=fA+fB')),
    flags: semicolonList(flagSchema),
    note: z.string().default(''),
  })
  .refine((r) => r.value !== '' || r.flags.includes('garbled_in_source'), {
    message: 'is empty; an unreadable figure needs the flag garbled_in_source',
    path: ['value'],
  });
export type FigureRow = z.output<typeof figureRowSchema>;
export const FIGURE_COLUMNS = Object.keys(figureRowSchema.shape) as (keyof z.input<typeof figureRowSchema>)[];

export const skippedRowSchema = z.object({
  figure_text: z.string().min(1),
  quote: z.string().min(1),
  reason: z.string().min(1),
});
