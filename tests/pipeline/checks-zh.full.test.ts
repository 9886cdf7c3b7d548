// What the build verified about a value is published in both languages: the Chinese pages show checks_zh.
import { describe, expect, it } from 'vitest';
import { checksInChinese } from '../../src/pipeline/checks-zh.ts';
import { realDataset } from '../real-dataset.ts';

describe('the build’s checks in Chinese', () => {
  it('writes each sentence of a cross-check in Chinese, keeping the relation and the arithmetic as they are', () => {
    expect(checksInChinese('ratio_of=f001/f002: 206 ÷ 430 × 100 = 47.91; stated 47.88 (consistent within rounding)')).toBe(
      'ratio_of=f001/f002：206 ÷ 430 × 100 = 47.91，报告为 47.88（在舍入误差内一致）',
    );
    expect(
      checksInChinese('change_of=f031..f029: 7487 − 6825 = 662; stated 746 (inconsistent) | sum_of=f1+f2: 1 + 2 = 3; stated 3 (consistent within rounding)'),
    ).toBe('change_of=f031..f029：7487 − 6825 = 662，报告为 746（不一致）；sum_of=f1+f2：1 + 2 = 3，报告为 3（在舍入误差内一致）');
    expect(checksInChinese('sum_of=f1+f2: not checked, a value is approximate or a bound')).toBe('sum_of=f1+f2：未核对，有数值是约数或上下限');
    expect(checksInChinese("the report writes no unit (1500多万); read in the metric's unit, CNY")).toBe('报告未写单位（1500多万），按指标的单位 CNY 读取');
    expect(checksInChinese('derived: (127.5 − 100) ÷ 100 × 100 = 27.5%, rounded to 2 decimals')).toBe('推算：(127.5 − 100) ÷ 100 × 100 = 27.5%，保留两位小数');
    expect(checksInChinese('derived: 98.5 − 97.3 = 1.2 percentage points, rounded to 2 decimals')).toBe('推算：98.5 − 97.3 = 1.2 个百分点，保留两位小数');
    expect(checksInChinese('')).toBe('');
  });

  it('refuses an English sentence it has no Chinese for, instead of publishing English on the Chinese pages', () => {
    expect(() => checksInChinese('checked by hand')).toThrow(/no Chinese for the build's sentence "checked by hand"/);
  });

  it('gives every observation of the real dataset with checks in English its checks in Chinese', () => {
    const observations = realDataset().compiled!.observations.filter((o) => o.checks_en);
    expect(observations.length).toBeGreaterThan(50);
    for (const o of observations) {
      expect(o.checks_zh, o.observation_id).not.toBe('');
      expect(o.checks_zh, o.observation_id).not.toMatch(/consistent|stated|checked|derived|rounded/);
    }
  });
});
