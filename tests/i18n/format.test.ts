// Numbers and units for the reader's language, from the one table of how each base unit reads (vocab/units.ts).
import { describe, expect, it } from 'vitest';
import { formatMagnitude, formatValue, tickFormatter, unitLabel } from '../../src/i18n/format.ts';
import { UNIT_BASES, UNIT_DISPLAY } from '../../src/vocab/units.ts';

describe('numbers for readers', () => {
  it('count in 万 and 亿 in Chinese, thousands, millions and billions in English', () => {
    expect([22000, 1370000000, 9999, -15000].map((v) => formatMagnitude(v, 'zh-cn'))).toEqual(['2.2万', '13.7亿', '9999', '-1.5万']);
    expect([22000, 1370000000, 9999, 2500000].map((v) => formatMagnitude(v, 'en'))).toEqual(['22,000', '1.37 billion', '9999', '2.5 million']);
  });

  it('write a value with its unit, a rate or a change in points as it is', () => {
    expect(formatValue(1370000000, 'CNY', 'zh-cn')).toBe('13.7亿元');
    expect(formatValue(1370000000, 'CNY', 'en')).toBe('¥1.37 billion');
    expect(formatValue(47.876, '%', 'en')).toBe('47.88%');
    expect(formatValue(1.7, 'pp', 'zh-cn')).toBe('1.7个百分点');
    expect(formatValue(1.7, 'pp', 'en')).toBe('1.7 pp');
    expect(formatValue(3, 'times', 'en')).toBe('3×');
    expect(formatValue(null, 'CNY', 'zh-cn')).toBe('无法辨认');
    expect(formatValue(12, 'furlong', 'en')).toBe('12 furlong');
    expect(tickFormatter('%', 'zh-cn')(12.345)).toBe('12.35');
    expect(tickFormatter('CNY', 'zh-cn')(30000)).toBe('3万');
  });

  it('name every base unit in both languages', () => {
    expect(Object.keys(UNIT_DISPLAY).sort()).toEqual([...UNIT_BASES].sort());
    for (const unit of UNIT_BASES) for (const locale of ['zh-cn', 'en'] as const) expect(unitLabel(unit, locale), `${unit} ${locale}`).toMatch(/\S/);
    expect(unitLabel('pp', 'en')).toBe('percentage points');
    expect(unitLabel('count', 'zh-cn')).toBe('个');
  });
});
