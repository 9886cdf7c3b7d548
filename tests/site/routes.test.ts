import { describe, expect, it, vi } from 'vitest';
import { bothLocales, placesFilter, routeFor, routes, REST_PLACES_SHARE } from '../../src/site/routes.ts';

// Astro provides astro:i18n only inside a build: a stand-in that prefixes the English pages as the site does.
vi.mock('astro:i18n', () => ({ getRelativeLocaleUrl: (locale: string, path: string) => `/atlas/${locale === 'zh-cn' ? '' : `${locale}/`}${path}` }));

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

describe('the region and report pages of the two build processes', () => {
  const regions = Array.from({ length: 100 }, (_, i) => String(110101 + i));
  const place = (p: { props: { region: string } }) => p.props.region;
  const paths = [...regions].reverse().map((region) => ({ params: { region }, props: { region } }));
  const built = async (part: string) => {
    vi.stubEnv('ATLAS_PAGES', part);
    try {
      return (await bothLocales(paths, { place, regions })).map((p) => `${p.params.lang ?? 'zh'}:${(p.props as unknown as { region: string }).region}`);
    } finally {
      vi.unstubAllEnvs();
    }
  };

  it('builds every region’s pages exactly once between them, the rest process the first share of regions in code order', async () => {
    const [all, rest, places] = [await built(''), await built('rest'), await built('places')];
    expect(all).toHaveLength(200);
    expect([...rest, ...places].sort()).toEqual([...all].sort());
    expect(rest).toHaveLength(2 * Math.round(100 * REST_PLACES_SHARE));
    expect(rest.every((p) => Number(p.split(':')[1]) < 110101 + Math.round(100 * REST_PLACES_SHARE))).toBe(true);
  });

  it('gives a report of a region that is not listed to the places process', () => {
    expect(placesFilter(regions, 'places')('999999')).toBe(true);
    expect(placesFilter(regions, 'rest')('999999')).toBe(false);
  });
});

describe('routeFor', () => {
  // A route as the site writes them: the locale's prefix, the ids in their places.
  const sentence = (l: string, report: string, observation: string) => `/atlas/${l === 'zh-cn' ? '' : `${l}/`}reports/${report}/#obs-${observation}`;

  it('gives the addresses the route gives, working the route out once', () => {
    let calls = 0;
    const counted = (l: string, report: string, observation: string) => (calls++, sentence(l, report, observation));
    for (const locale of ['zh-cn', 'en'] as const) {
      calls = 0;
      const address = routeFor(counted, locale);
      expect(address('000-110101-2014', 'a1b2')).toBe(sentence(locale, '000-110101-2014', 'a1b2'));
      expect(address('r', 'o')).toBe(sentence(locale, 'r', 'o'));
      expect(calls).toBe(1);
      // and the site's own routes, whatever astro:i18n answers in this test run
      expect(routeFor(routes.observation, locale)('r', 'o')).toBe(routes.observation(locale, 'r', 'o'));
      expect(routeFor(routes.card, locale)('m', 'o')).toBe(routes.card(locale, 'm', 'o'));
    }
  });

  it('calls a route that changes its ids for each address', () => {
    const encoded = (l: string, id: string) => `/${l}/${encodeURIComponent(id.toUpperCase())}/`;
    expect(routeFor(encoded, 'en')('a b')).toBe('/en/A%20B/');
  });
});
