// Years in prose read in time order ("2015、2021、2022"), not in the order the data lists them ("2022、2015、2021").
import { describe, expect, it } from 'vitest';
import { comparePeriods, periodsInOrder } from '../../src/site/periods.ts';

const p = (period: string, year: number | null = /^\d{4}/.test(period) ? Number(period.slice(0, 4)) : null) => ({ period, year });

describe('periodsInOrder', () => {
  it('lists each period once, earliest first', () => {
    const seen = [p('2022'), p('2015'), p('2021'), p('2022'), p('2015')];
    expect(periodsInOrder(seen).map((o) => o.period)).toEqual(['2015', '2021', '2022']);
  });

  it('puts a whole year before its halves, the first half before the second, and periods of a blanked year last', () => {
    const seen = [p('Y'), p('2015H2'), p('2015'), p('2015H1'), p('2014'), p('Y-1')];
    expect(periodsInOrder(seen).map((o) => o.period)).toEqual(['2014', '2015', '2015H1', '2015H2', 'Y', 'Y-1']);
  });

  it('keeps the first item of each period (its label is what the list shows)', () => {
    const first = { ...p('2022'), id: 'a' };
    expect(periodsInOrder([first, { ...p('2022'), id: 'b' }])).toEqual([first]);
  });

  it('is a total order: sorting either way round agrees', () => {
    const all = [p('2022'), p('2015H1'), p('Y'), p('2014-2018', 2014), p('2015'), p('Y+1')];
    for (const a of all) for (const b of all) expect(Math.sign(comparePeriods(a, b)) + Math.sign(comparePeriods(b, a))).toBe(0);
  });
});
