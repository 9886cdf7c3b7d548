import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, parseFigure, scaleDecimal, unitInfo } from '../../src/text/figure.ts';

describe('parseFigure', () => {
  // Each phrase is copied from a seed report.
  it.each([
    ['13。7亿元', 13.7, '13.7', '亿元', ''], // 000 篇1: 。 as the decimal point
    ['2。2万个', 2.2, '2.2', '万个', ''],
    ['近60亿元', 60, '60', '亿元', 'approx'],
    ['500余万元', 500, '500', '万元', 'gt'],
    ['3000余部', 3000, '3000', '部', 'gt'],
    ['18亿元', 18, '18', '亿元', ''],
    ['47.88%', 47.88, '47.88', '%', ''],
    ['1.7个百分点', 1.7, '1.7', '个百分点', ''],
    ['90%以上', 90, '90', '%', 'ge'],
    ['两所', 2, '2', '所', ''],
    ['十二个', 12, '12', '个', ''],
    ['206人', 206, '206', '人', ''],
    ['10027万元', 10027, '10027', '万元', ''],
    ['１２３名', 123, '123', '名', ''],
    ['2.5萬元', 2.5, '2.5', '萬元', ''], // Traditional: the unit stays as written
    ['10万余人', 10, '10', '万人', 'gt'],
    ['不低于85%', 85, '85', '%', 'ge'],
    ['约1,200人', 1200, '1200', '人', 'approx'],
  ])('reads %s as %d %s', (text, value, valueText, unit, qualifier) => {
    expect(parseFigure(text)).toEqual({ ok: true, value, valueText, unit, qualifier });
  });

  it('refuses blanked digits rather than reading them as a number', () => {
    const parsed = parseFigure('220__个');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok || parsed.reason).toMatch(/unreadable/);
  });

  it.each([['第六届'], ['个'], [''], ['5公里外']])('finds no figure in %j', (text) => {
    expect(parseFigure(text).ok).toBe(false);
  });
});

describe('units', () => {
  it('brings money to yuan, counts with 万 to units, and keeps percentages and points apart', () => {
    expect(unitInfo('亿元')).toEqual({ base: 'CNY', exponent: 8 });
    expect(unitInfo('萬元')).toEqual({ base: 'CNY', exponent: 4 });
    expect(unitInfo('万个')).toEqual({ base: 'count', exponent: 4 });
    expect(unitInfo('万人次')).toEqual({ base: 'person_time', exponent: 4 });
    expect(unitInfo('%')).toEqual({ base: '%', exponent: 0 });
    expect(unitInfo('个百分点')).toEqual({ base: 'pp', exponent: 0 });
    expect(unitInfo('元/生·年')).toEqual({ base: 'CNY', exponent: 0 });
    expect(unitInfo('万%')).toBeNull();
  });

  it('scales decimals exactly, without binary rounding', () => {
    expect(scaleDecimal('13.7', 8)).toBe('1370000000');
    expect(scaleDecimal('2.2', 4)).toBe('22000');
    expect(scaleDecimal('0.05', 4)).toBe('500');
    expect(scaleDecimal('47.88', 0)).toBe('47.88');
    expect(scaleDecimal('1.23456', 4)).toBe('12345.6');
  });

  it('reads Chinese numerals that carry figures', () => {
    expect(parseChineseNumeral('两')).toBe(2);
    expect(parseChineseNumeral('十二')).toBe(12);
    expect(parseChineseNumeral('二十')).toBe(20);
    expect(parseChineseNumeral('一百二十')).toBe(120);
    expect(parseChineseNumeral('三千零五')).toBe(3005);
    expect(parseChineseNumeral('二三')).toBeNaN();
  });
});
