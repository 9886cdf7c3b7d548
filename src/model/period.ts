import { z } from 'astro/zod';

import type { PeriodBasis } from './metric.ts';

/** A half-year (H1, H2) or a school semester (S1 spring, S2 autumn) of a year. */
export const PERIOD_PARTS = ['H1', 'H2', 'S1', 'S2'] as const;
export type PeriodPart = (typeof PERIOD_PARTS)[number];

/** A period read into its parts; the one grammar every stage and page reads periods with. */
export type ParsedPeriod =
  | { kind: 'year'; year: number }
  | { kind: 'part'; year: number; part: PeriodPart }
  | { kind: 'span'; from: number; to: number }
  | { kind: 'relative'; offset: number };

// The grammar's pieces, shared by the whole-string parser and the search for codes in prose.
const YEAR = String.raw`\d{4}`;
const PART = '[HS][12]';
const OFFSET = String.raw`[+-]\d`;
const PERIOD = new RegExp(`^(?:(${YEAR})(${PART})?|(${YEAR})-(${YEAR})|Y(${OFFSET})?)$`);
const CODE_IN_TEXT = new RegExp(String.raw`(?<![\w-])(${YEAR}${PART}|${YEAR}-${YEAR}|Y(?:${OFFSET})?)(?![\w-])`);

/** The period's parts, or null when it is not a period. */
export function parsePeriod(period: string): ParsedPeriod | null {
  const m = PERIOD.exec(period);
  if (!m) return null;
  if (m[1] !== undefined) return m[2] ? { kind: 'part', year: Number(m[1]), part: m[2] as PeriodPart } : { kind: 'year', year: Number(m[1]) };
  if (m[3] !== undefined) return { kind: 'span', from: Number(m[3]), to: Number(m[4]) };
  return { kind: 'relative', offset: Number(m[5] ?? 0) };
}

/** Whether the period is one calendar year (2019): the only kind growth is computed over. */
export const isYearPeriod = (period: string): boolean => parsePeriod(period)?.kind === 'year';

/**
 * Text cut at the period codes it writes (2015H1, 2014-2018, Y-1), the codes at odd indexes; a bare year is a word
 * to readers and stays in the text.
 */
export const splitAtPeriodCodes = (text: string): string[] => text.split(CODE_IN_TEXT);

/**
 * A period as curated: a year ("2019"), a half ("2015H1"), a school semester ("2022S1" spring, "2022S2" autumn), a
 * span for plans ("2014-2018"), or relative to the report's own year ("Y", "Y-1", "Y+1") because several reports
 * blank their year as "20__年".
 */
export const periodSchema = z
  .string()
  .regex(PERIOD, 'must be like 2019, 2015H1, 2022S1, 2014-2018, Y or Y-1')
  .superRefine((period, ctx) => {
    const problem = implausiblePeriod(period);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** What kind of period a curated or resolved period is: values of different kinds never share an axis. */
export function periodBasis(period: string): PeriodBasis {
  const p = parsePeriod(period);
  if (p?.kind === 'part') return p.part.startsWith('H') ? 'half_year' : 'semester';
  if (p?.kind === 'span') return 'multi_year';
  return 'year';
}

/** Years a report of a Chinese education bureau can speak of: from 1949 to the end of the century. */
const YEAR_RANGE = { min: 1949, max: 2100 } as const;
/** Years a relative period may lie from its report's: a five-year plan looks back or ahead at most that far. */
const MAX_OFFSET = 5;

/** Why a well-formed period cannot be meant (year 0000, a span that ends before it starts, Y+9), or null. */
function implausiblePeriod(period: string): string | null {
  const p = parsePeriod(period);
  if (!p) return null;
  if (p.kind === 'relative') return Math.abs(p.offset) > MAX_OFFSET ? `is more than ${MAX_OFFSET} years from the report's year` : null;
  const years = p.kind === 'span' ? [p.from, p.to] : [p.year];
  for (const year of years) {
    if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) return `has the year ${year}, outside ${YEAR_RANGE.min}–${YEAR_RANGE.max}`;
  }
  if (p.kind === 'span' && p.to < p.from) return 'is a span that ends before it starts';
  return null;
}

/** Resolves a relative period against the report's year; leaves it relative when that year is unknown. */
export function resolvePeriod(period: string, reportYear: number | null): { period: string; year: number | null } {
  const p = parsePeriod(period);
  if (p?.kind === 'relative') {
    if (reportYear === null) return { period, year: null };
    const year = reportYear + p.offset;
    return { period: String(year), year };
  }
  if (p?.kind === 'span') return { period, year: p.to };
  return { period, year: p ? p.year : Number(period.slice(0, 4)) };
}

/** The period before, for growth: 2019 → 2018, 2015H2 → 2015H1, 2022S1 → 2021S2. Null for spans and unresolved periods. */
export function previousPeriod(period: string): string | null {
  const p = parsePeriod(period);
  if (p?.kind === 'year') return String(p.year - 1);
  if (p?.kind !== 'part') return null;
  const [half, n] = p.part;
  return n === '2' ? `${p.year}${half}1` : `${p.year - 1}${half}2`;
}

/** Whether `inner` lies within `outer`: the same period, or a half-year or semester of that year (2022S1 within 2022). */
export function periodWithin(inner: string, outer: string): boolean {
  if (inner === outer) return true;
  const i = parsePeriod(inner);
  const o = parsePeriod(outer);
  return o?.kind === 'year' && i?.kind === 'part' && i.year === o.year;
}
