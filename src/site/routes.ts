// Every internal URL of the site, with the base path and the locale prefix, in one place.
import { getRelativeLocaleUrl } from 'astro:i18n';
import { LOCALES, type Locale } from '../i18n/format.ts';

export { LOCALES };
export { htmlLang } from '../i18n/locale.ts';

const page = (locale: Locale, path: string) => getRelativeLocaleUrl(locale, path);

export const routes = {
  home: (l: Locale) => page(l, ''),
  topic: (l: Locale, id: string) => page(l, `topics/${id}/`),
  metric: (l: Locale, id: string) => page(l, `metrics/${id}/`),
  region: (l: Locale, id: string) => page(l, `regions/${id}/`),
  report: (l: Locale, id: string) => page(l, `reports/${id}/`),
  regions: (l: Locale) => page(l, 'regions/'),
  reports: (l: Locale) => page(l, 'reports/'),
  /** One province's regions or reports, page `n` of them (the first page has no number): indexes above LIST_THRESHOLD. */
  regionsIn: (l: Locale, province: string, n = 1) => page(l, `regions/p/${province}/${n > 1 ? `${n}/` : ''}`),
  reportsIn: (l: Locale, province: string, n = 1) => page(l, `reports/p/${province}/${n > 1 ? `${n}/` : ''}`),
  data: (l: Locale) => page(l, 'data/'),
  /** A chart alone, for an iframe on another site (src/pages/[...lang]/embed/). */
  embed: (l: Locale, metricId: string) => page(l, `embed/${metricId}/`),
  /** The data explorer; `query` is its state (src/site/explore.ts exploreQuery). */
  explore: (l: Locale, query = '') => `${page(l, 'data/explore/')}${query}`,
  methodology: (l: Locale) => page(l, 'methodology/'),
  /** The search page, with a province's region and report pages chosen (split index above LIST_THRESHOLD reports). */
  search: (l: Locale, province?: string) => `${page(l, 'search/')}${province ? `?province=${province}` : ''}`,
  /** A value this site computed: its entry on its metric's page, with its formula and the sentences of its inputs. */
  computed: (l: Locale, metricId: string, observationId: string) => `${page(l, `metrics/${metricId}/`)}#obs-${observationId}`,
  /** A figure's card on its metric's page: its value, sentence, report and how it was read; where every chart mark links. */
  card: (l: Locale, metricId: string, observationId: string) => `${page(l, `metrics/${metricId}/`)}#obs-${observationId}`,
  /** The sentence an observation came from: its anchor on the report page. */
  observation: (l: Locale, reportId: string, observationId: string) => `${page(l, `reports/${reportId}/`)}#obs-${observationId}`,
};

/**
 * One route's addresses for many ids (a national chart links 30,000 marks): the route worked out once, with
 * placeholders, and each call puts its ids in their places. A route that changes a placeholder (encodes it, say)
 * is called for every address instead.
 */
export function routeFor<A extends string[]>(route: (locale: Locale, ...ids: A) => string, locale: Locale): (...ids: A) => string {
  const arity = route.length - 1;
  const marks = Array.from({ length: arity }, (_, i) => `routeid${i}placeholder`);
  const pieces = route(locale, ...(marks as A)).split(/(routeid\d+placeholder)/);
  const slots = pieces.filter((_, i) => i % 2 === 1);
  if (slots.length !== arity || slots.some((m, i) => m !== marks[i])) return (...ids) => route(locale, ...ids);
  return (...ids) => pieces.map((piece, i) => (i % 2 ? ids[(i - 1) / 2] : piece)).join('');
}

type Path = { params: Record<string, string | undefined>; props?: object };

/**
 * The two parts of the site one build process may render (scripts/lib/pages-build.ts builds the national edition in
 * two processes side by side, one per core): `places`, the region and report pages, which are most of its pages, and
 * `rest`, every other page and the region and report pages of the first REST_PLACES_SHARE of the regions. ATLAS_PAGES
 * names the part; unset, a build renders every page.
 */
export type PagePart = 'places' | 'rest';
export const PAGE_PARTS: readonly PagePart[] = ['places', 'rest'];

/**
 * The share of the regions (in code order) whose pages the `rest` process renders, so that the two processes end
 * together: at 100 % of national scale, with 0.27 the rest took 544 s and the places 590 s, with 0.3 591 and 554 s.
 */
export const REST_PLACES_SHARE = 0.3;

export function buildPart(env: Record<string, string | undefined> = process.env): PagePart | 'all' {
  const part = env.ATLAS_PAGES;
  if (part === undefined || part === '') return 'all';
  if (!(PAGE_PARTS as readonly string[]).includes(part)) throw new RangeError(`ATLAS_PAGES must be places or rest (or unset for every page); got "${part}"`);
  return part as PagePart;
}

/** A route's paths when this build renders its part of the site, else none. */
export async function inPart<P>(part: PagePart, paths: P[] | Promise<P[]>): Promise<P[]> {
  const building = buildPart();
  return building === 'all' || building === part ? await paths : [];
}

/**
 * Whether this build renders the region and report pages of a region: every build but `rest` and `places` renders
 * all; of the regions in code order, `rest` renders the first `share` and `places` the others.
 */
export function placesFilter(regionIds: readonly string[], building = buildPart(), share = REST_PLACES_SHARE): (regionId: string) => boolean {
  if (building === 'all') return () => true;
  const sorted = [...new Set(regionIds)].sort();
  const toRest = new Set(sorted.slice(0, Math.round(sorted.length * share)));
  return building === 'rest' ? (id) => toRest.has(id) : (id) => !toRest.has(id);
}

/**
 * A page's paths in every language, for one route file under src/pages/[...lang]/ instead of a copy per language:
 * the Chinese pages at the root (`lang` undefined), the English ones under en/, each told its locale in props. A
 * page's two languages come one after the other: Astro builds in this order, and the second reads the same files
 * (a metric's, a region's) while they are still in the store's cache. `part` is the part whose process renders
 * them, or for a region's page or one of its reports, `place`: its region, given to a process by placesFilter.
 */
export async function bothLocales<P extends Path>(
  paths: P[] | Promise<P[]> = [{ params: {} } as P],
  part: PagePart | { place: (path: P) => string; regions: readonly string[] } = 'rest',
) {
  let each: P[];
  if (typeof part === 'string') each = await inPart(part, paths);
  else {
    const mine = placesFilter(part.regions);
    each = (await paths).filter((p) => mine(part.place(p)));
  }
  return each.flatMap(({ params, props }) =>
    LOCALES.map((locale) => ({ params: { ...params, lang: locale === 'zh-cn' ? undefined : locale }, props: { ...props, locale } })),
  );
}

/** Files that are the same in both languages (downloads, chart data) live outside the locale prefix. */
export const asset = (path: string) => `${import.meta.env.BASE_URL}${path}`;

/** A page's preview image (src/pages/previews/): metric, region and topic pages their own, others the site's. */
export const previewImage = (kind: 'metric' | 'region' | 'province' | 'topic' | 'site', id: string, locale: Locale) =>
  asset(`previews/${kind}-${id}.${locale}.png`);

/** The same page in the other language. */
export function twinPath(pathname: string, locale: Locale): string {
  const base = import.meta.env.BASE_URL;
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  return locale === 'zh-cn' ? `${base}en/${rest}` : `${base}${rest.replace(/^en\/?/, '')}`;
}
