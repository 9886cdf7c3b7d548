import { describe, expect, it, vi } from 'vitest';
import { bothLocales } from '../../src/site/routes.ts';

// Astro provides astro:i18n only inside a build; bothLocales does not use it.
vi.mock('astro:i18n', () => ({ getRelativeLocaleUrl: () => '' }));

describe('bothLocales', () => {
  it('gives every path once in Chinese at the root and once in English under en/, each with its locale, a page’s two languages together', async () => {
    const paths = [
      { params: { region: 'a' }, props: { region: 1 } },
      { params: { region: 'b' }, props: { region: 2 } },
    ];
    expect(await bothLocales(Promise.resolve(paths))).toEqual([
      { params: { region: 'a', lang: undefined }, props: { region: 1, locale: 'zh-cn' } },
      { params: { region: 'a', lang: 'en' }, props: { region: 1, locale: 'en' } },
      { params: { region: 'b', lang: undefined }, props: { region: 2, locale: 'zh-cn' } },
      { params: { region: 'b', lang: 'en' }, props: { region: 2, locale: 'en' } },
    ]);
  });

  it('makes a page without parameters a page per language', async () => {
    expect(await bothLocales()).toEqual([
      { params: { lang: undefined }, props: { locale: 'zh-cn' } },
      { params: { lang: 'en' }, props: { locale: 'en' } },
    ]);
  });

  it('keeps a province listing’s first page, whose page number is undefined', async () => {
    const [zh] = await bothLocales([{ params: { province: '110000', page: undefined }, props: {} }]);
    expect(zh!.params).toEqual({ province: '110000', page: undefined, lang: undefined });
  });
});
