import { z } from 'astro/zod';
import { periodSchema } from './period.ts';
import { FLAGS } from '../vocab/flags.ts';
import { qualifierSchema } from '../vocab/qualifiers.ts';

const CURATED_KINDS = ['actual', 'target', 'plan'] as const;
export const KINDS = [...CURATED_KINDS, 'derived'] as const;

/** Flags a curator may set; the build adds the inconsistent_* ones itself when a check fails. */
const flagSchema = z.enum(FLAGS);

const semicolonList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));

/**
 * A curated check, read once here for every stage. A relation the build verifies within rounding: `change_of=fA..fB`
 * and `decrease_of=fA..fB` (the row is B − A, or A − B; a rate's change in points, any other quantity's in %),
 * `ratio_of=fA/fB` (A as a % of B), `sum_of=fA+fB+…`. Or a declared tie between two whole-region rows of one metric,
 * period and kind, which the build otherwise refuses as ambiguous: `restates=fA` (the same figure said again; the
 * build checks the values are equal) and `alternative_to=fA` (another reading of the same quantity, e.g. another
 * qualifier; the note gives the reason).
 */
export type Check =
  | { text: string; kind: 'change_of' | 'decrease_of' | 'ratio_of'; ids: [string, string] }
  | { text: string; kind: 'sum_of'; ids: string[] }
  | { text: string; kind: 'restates' | 'alternative_to'; ids: [string] };
export type Tie = Extract<Check, { kind: 'restates' | 'alternative_to' }>;
export type Relation = Exclude<Check, Tie>;

const ID = String.raw`f\w+`;
const CHECK_SYNTAX: [Check['kind'], RegExp][] = [
  ['change_of', new RegExp(`^change_of=(${ID})\\.\\.(${ID})$`)],
  ['decrease_of', new RegExp(`^decrease_of=(${ID})\\.\\.(${ID})$`)],
  ['ratio_of', new RegExp(`^ratio_of=(${ID})/(${ID})$`)],
  ['sum_of', new RegExp(`^sum_of=(${ID}(?:\\+${ID})+)$`)],
  ['restates', new RegExp(`^restates=(${ID})$`)],
  ['alternative_to', new RegExp(`^alternative_to=(${ID})$`)],
];

/** The check's kind and the row ids it names, or null when it is not written in the check syntax. */
export function parseCheck(text: string): Check | null {
  for (const [kind, pattern] of CHECK_SYNTAX) {
    const m = pattern.exec(text);
    if (m) return { text, kind, ids: kind === 'sum_of' ? m[1]!.split('+') : m.slice(1) } as Check;
  }
  return null;
}

export const isTie = (check: Check): check is Tie => check.kind === 'restates' || check.kind === 'alternative_to';

const checkSchema = z.string().transform((text, ctx) => {
  const check = parseCheck(text);
  if (check) return check;
  ctx.addIssue({ code: 'custom', message: 'must be change_of=fA..fB, decrease_of=fA..fB, ratio_of=fA/fB, sum_of=fA+fB, restates=fA or alternative_to=fA' });
  return z.NEVER;
});

/** One row of data/reports/<id>/figures.csv, as a curator writes it. */
export const figureRowSchema = z
  .object({
    id: z.string().regex(/^f\w+$/, 'must look like f001'),
    metric_id: z.string().min(1),
    period: periodSchema,
    kind: z.enum(CURATED_KINDS),
    value: z
      .string()
      .regex(/^(\d+(\.\d+)?)?$/, 'must be a number in ASCII digits, like 13.7')
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
    /** The part's name in English, for English pages; the Chinese name is the scope's own text after the colon. */
    scope_en: z.string().default(''),
    check: semicolonList(checkSchema),
    flags: semicolonList(flagSchema),
    /** The curator's note in both languages (data/README.md): the Chinese page shows note_zh, the English page note_en. */
    note_zh: z.string().default(''),
    note_en: z.string().default(''),
  })
  .refine((r) => r.value !== '' || r.flags.includes('garbled_in_source'), {
    message: 'is empty; an unreadable figure needs the flag garbled_in_source',
    path: ['value'],
  })
  .refine((r) => (r.scope === 'region') === (r.scope_en === ''), {
    message: 'names the part in English exactly when scope is not region (scope group:幼儿园 → scope_en kindergartens)',
    path: ['scope_en'],
  })
  .refine((r) => r.scope === 'region' || !/^[\x00-\x7f]*$/.test(r.scope.slice(r.scope.indexOf(':') + 1)), {
    message: 'names the part in the report’s own Chinese words (its English name goes in scope_en)',
    path: ['scope'],
  })
  .refine((r) => !r.check.some((c) => c.kind === 'alternative_to') || r.note_zh !== '' || r.note_en !== '', {
    message: 'alternative_to needs the reason in note_zh and note_en',
    path: ['note_en'],
  });
export type FigureRow = z.output<typeof figureRowSchema>;
export const FIGURE_COLUMNS = Object.keys(figureRowSchema.shape) as (keyof z.input<typeof figureRowSchema>)[];

export const skippedRowSchema = z.object({
  figure_text: z.string().min(1),
  quote: z.string().min(1),
  reason: z.string().min(1),
});
