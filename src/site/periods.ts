// Lists of periods in prose ("数值来自不同年份：2015、2021、2022") read in time order: the first of each distinct
// period, earliest first, periods whose year the report blanks last.
type Dated = { period: string; year: number | null };

const HALF = /^(\d{4})([HS])([12])$/;

/** Orders two periods in time: by year, within a year the whole year before its halves or semesters, unknown last. */
export function comparePeriods(a: Dated, b: Dated): number {
  if (a.year === null || b.year === null) return a.year === b.year ? (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) : a.year === null ? 1 : -1;
  if (a.year !== b.year) return a.year - b.year;
  const part = (p: string) => HALF.exec(p)?.slice(2).join('') ?? '';
  return part(a.period) < part(b.period) ? -1 : part(a.period) > part(b.period) ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0;
}

/** One item per distinct period, in time order. */
export function periodsInOrder<T extends Dated>(items: readonly T[]): T[] {
  const first = new Map<string, T>();
  for (const item of items) if (!first.has(item.period)) first.set(item.period, item);
  return [...first.values()].sort(comparePeriods);
}
