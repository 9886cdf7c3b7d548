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

  it('set a qualifier before its value, with a space only in English', () => {
    expect(fill(zh.qualifiedValue, { qualifier: zh.qualifiers.approx!, value: '15.92亿元' })).toBe('约15.92亿元');
    expect(fill(en.qualifiedValue, { qualifier: en.qualifiers.approx!, value: '¥1.59 billion' })).toBe('about ¥1.59 billion');
  });

  it('give the years of the holdings in their own place, or none', () => {
    const counts = { reports: 11, regions: 11, figures: 709 };
    expect(fill(zh.holdings, { ...counts, years: fill(zh.holdingsYears, { from: 2018, to: 2023 }) })).toBe(
      '目前收录 11 份报告、11 个地区、709 个数字（2018–2023 年）。每个数字都能一键查到它在报告中的原句。',
    );
    expect(fill(en.holdings, { ...counts, years: fill(en.holdingsYears, { from: 2018, to: 2023 }) })).toBe(
      '11 reports, 11 regions and 709 figures (2018–2023). Every figure links to the sentence of the report it came from.',
    );
    expect(fill(en.holdings, { ...counts, years: '' })).toMatch(/^11 reports, 11 regions and 709 figures\. /);
  });

  it('fill every placeholder of the change summary from the change kinds', () => {
    for (const s of [zh, en]) {
      const counts = Object.fromEntries(Object.keys(s.dataPage.changeNames).map((change) => [change, 0]));
      expect(fill(s.dataPage.changeSummary, { version: '2.0.0', previous: '1.0.0', ...counts })).not.toMatch(/undefined|\{/);
    }
  });
});
