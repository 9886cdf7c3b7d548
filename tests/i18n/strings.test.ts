// The sentences whose shape differs between the languages read as the pages wrote them before they moved here.
import { describe, expect, it } from 'vitest';
import { fill, t } from '../../src/i18n/strings.ts';

const zh = t('zh-cn');
const en = t('en');

describe('sentences shaped by language', () => {
  it('name the bureau in Chinese alone, or in English with the Chinese after it', () => {
    const names = { bureau: '某县教育局', bureau_en: 'A County Education Bureau' };
    expect(fill(zh.bureauNames, names)).toBe('某县教育局');
    expect(fill(en.bureauNames, names)).toBe('A County Education Bureau (某县教育局)');
  });

  it('give the years of the holdings in their own place, or none', () => {
    const counts = { reports: 11, regions: 11, figures: 709 };
    expect(fill(zh.holdings, { ...counts, years: fill(zh.holdingsYears, { from: 2018, to: 2023 }) })).toBe(
      '目前收录 11 份报告、11 个地区、709 个数字（2018–2023 年）。',
    );
    expect(fill(en.holdings, { ...counts, years: fill(en.holdingsYears, { from: 2018, to: 2023 }) })).toBe(
      '11 reports, 11 regions and 709 figures (2018–2023).',
    );
    expect(fill(en.holdings, { ...counts, years: '' })).toBe('11 reports, 11 regions and 709 figures.');
  });

  it('write Chinese with Chinese punctuation: no half-width colon, semicolon, comma or parenthesis beside a Chinese character', () => {
    const halfWidth: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'string') {
        if (/\p{Script=Han}\s?[:;,()]|[:;()]\s?\p{Script=Han}/u.test(value)) halfWidth.push(`${path}: ${value}`);
      } else if (value && typeof value === 'object') for (const [key, v] of Object.entries(value)) walk(v, `${path}.${key}`);
    };
    walk(zh, 'zh');
    expect(halfWidth).toEqual([]);
    // the pieces that join Chinese text are Chinese too
    expect([zh.colon, zh.clauseSeparator, zh.listSeparator, fill(zh.inParentheses, { x: 3 })]).toEqual(['：', '；', '、', '（3）']);
  });

  it('fill every placeholder of the change summary from the change kinds', () => {
    for (const s of [zh, en]) {
      const counts = Object.fromEntries(Object.keys(s.dataPage.changeNames).map((change) => [change, 0]));
      expect(fill(s.dataPage.changeSummary, { version: '2.0.0', previous: '1.0.0', ...counts })).not.toMatch(/undefined|\{/);
    }
  });
});
