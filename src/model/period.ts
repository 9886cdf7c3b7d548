import { z } from 'astro/zod';

import type { PeriodBasis } from './metric.ts';

/**
 * A period as curated: a year ("2019"), a half ("2015H1"), a school semester ("2022S1" spring, "2022S2" autumn), a
 * span for plans ("2014-2018"), or relative to the report's own year ("Y", "Y-1", "Y+1") because several reports
 * blank their year as "20__年".
 */
export const periodSchema = z
  .string()
  .regex(/^(\d{4}([HS][12])?|\d{4}-\d{4}|Y([+-]\d)?)$/, 'must be like 2019, 2015H1, 2022S1, 2014-2018, Y or Y-1')
  .superRefine((period, ctx) => {
    const problem = implausiblePeriod(period);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** What kind of period a curated or resolved period is: values of different kinds never share an axis. */
export function periodBasis(period: string): PeriodBasis {
  if (/^\d{4}H[12]$/.test(period)) return 'half_year';
  if (/^\d{4}S[12]$/.test(period)) return 'semester';
  if (/^\d{4}-\d{4}$/.test(period)) return 'multi_year';
  return 'year';
}

/** Years a report of a Chinese education bureau can speak of: from 1949 to the end of the century. */
const YEAR_RANGE = { min: 1949, max: 2100 } as const;
/** Years a relative period may lie from its report's: a five-year plan looks back or ahead at most that far. */
const MAX_OFFSET = 5;

/** Why a well-formed period cannot be meant (year 0000, a span that ends before it starts, Y+9), or null. */
function implausiblePeriod(period: string): string | null {
  const offset = /^Y([+-]\d)$/.exec(period);
  if (offset && Math.abs(Number(offset[1])) > MAX_OFFSET) return `is more than ${MAX_OFFSET} years from the report's year`;
  const years = period.match(/^\d{4}|(?<=-)\d{4}$/g)?.map(Number) ?? [];
  for (const year of years) {
    if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) return `has the year ${year}, outside ${YEAR_RANGE.min}–${YEAR_RANGE.max}`;
  }
  if (years.length === 2 && years[1]! < years[0]!) return 'is a span that ends before it starts';
  return null;
}

/** Resolves a relative period against the report's year; leaves it relative when that year is unknown. */
export function resolvePeriod(period: string, reportYear: number | null): { period: string; year: number | null } {
  const relative = /^Y([+-]\d)?$/.exec(period);
  if (relative) {
    if (reportYear === null) return { period, year: null };
    const year = reportYear + Number(relative[1] ?? 0);
    return { period: String(year), year };
  }
  const span = /^(\d{4})-(\d{4})$/.exec(period);
  if (span) return { period, year: Number(span[2]) };
  return { period, year: Number(period.slice(0, 4)) };
}

/** The period before, for growth: 2019 → 2018, 2015H2 → 2015H1, 2022S1 → 2021S2. Null for spans and unresolved periods. */
export function previousPeriod(period: string): string | null {
  const m = /^(\d{4})([HS])?([12])?$/.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  if (!m[2]) return String(year - 1);
  return m[3] === '2' ? `${year}${m[2]}1` : `${year - 1}${m[2]}2`;
}

/** Whether `inner` lies within `outer`: the same period, or a half-year or semester of that year (2022S1 within 2022). */
export function periodWithin(inner: string, outer: string): boolean {
  return inner === outer || (/^\d{4}$/.test(outer) && /^\d{4}[HS][12]$/.test(inner) && inner.startsWith(outer));
}
