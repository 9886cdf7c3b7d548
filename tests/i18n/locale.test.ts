import { describe, expect, expectTypeOf, it } from 'vitest';
import { LOCALES } from '../../src/i18n/format.ts';
import { htmlLang, inLocale, langAttr, localized, otherLang, otherLocale, reportTitle } from '../../src/i18n/locale.ts';

const metric = { metric_id: 'm', name_zh: '小学净入学率', name_en: 'Primary net enrolment rate', definition_zh: '定义', definition_en: 'Definition' };
const region = { region_id: 'r', name_zh: '某县', name_en: 'A county', province_zh: '', province_en: '' };

describe('localized', () => {
  it('picks the field of each locale', () => {
    expect(localized(metric, 'name', 'zh-cn')).toBe('小学净入学率');
    expect(localized(metric, 'name', 'en')).toBe('Primary net enrolment rate');
    expect(localized(metric, 'definition', 'zh-cn')).toBe('定义');
    expect(localized(metric, 'definition', 'en')).toBe('Definition');
    expectTypeOf(localized(metric, 'name', 'en')).toEqualTypeOf<string>();
  });

  it('keeps an empty field empty instead of falling back to the other language', () => {
    expect(localized({ ...region, province_zh: '山东省' }, 'province', 'en')).toBe('');
    expect(localized({ ...region, province_en: 'Shandong' }, 'province', 'zh-cn')).toBe('');
  });

  it('gives nothing for a missing record', () => {
    expect(localized(undefined as typeof region | undefined, 'name', 'zh-cn')).toBeUndefined();
    expect(localized(undefined as typeof region | undefined, 'name', 'en')).toBeUndefined();
  });

  it('accepts only keys the record has in both languages', () => {
    // @ts-expect-error a metric has no title_zh/title_en
    expect(localized(metric, 'title', 'en')).toBeUndefined();
    // @ts-expect-error metric_id has no language pair
    localized(metric, 'metric_id', 'en');
    // @ts-expect-error only the base name is a key
    localized(metric, 'name_zh', 'en');
  });
});

describe('reportTitle and inLocale', () => {
  it('read the site’s title for a report in the reader’s language, not the source’s own title', () => {
    const report = {
      title: '教育体育局工作总结及下一步工作计划 篇2',
      heading_zh: '临泉县教育局 2022 年工作总结和计划',
      heading_en: 'Education bureau of Linquan County',
    };
    expect(reportTitle(report, 'zh-cn')).toBe('临泉县教育局 2022 年工作总结和计划');
    expect(reportTitle(report, 'en')).toBe('Education bureau of Linquan County');
  });

  it('pick a { zh, en } pair by locale', () => {
    expect(inLocale({ zh: '中', en: 'en' }, 'zh-cn')).toBe('中');
    expect(inLocale({ zh: '中', en: 'en' }, 'en')).toBe('en');
  });
});

describe('lang attributes', () => {
  it('tag each locale as the pages do', () => {
    expect(htmlLang('zh-cn')).toBe('zh-Hans');
    expect(htmlLang('en')).toBe('en');
  });

  it('name the other language', () => {
    for (const locale of LOCALES) expect(otherLocale(otherLocale(locale))).toBe(locale);
    expect(otherLocale('zh-cn')).toBe('en');
    expect(otherLang('zh-cn')).toBe('en');
    expect(otherLang('en')).toBe('zh-Hans');
  });

  it('mark text only where its language is not the page’s', () => {
    expect(langAttr('en', 'zh-cn')).toBe('en');
    expect(langAttr('en', 'en')).toBeUndefined();
    expect(langAttr('zh-cn', 'en')).toBe('zh-Hans');
    expect(langAttr('zh-cn', 'zh-cn')).toBeUndefined();
  });
});
