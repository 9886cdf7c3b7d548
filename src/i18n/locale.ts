// Choices by the reader's language beyond the dictionary's sentences: which field of a bilingual record a page shows,
// and the lang attribute of text in the other language; here, so that pages pick neither by testing the locale.
import type { Locale } from './format.ts';

const suffix = (locale: Locale) => (locale === 'zh-cn' ? 'zh' : 'en');

/** The BCP-47 tag of a locale's text, as <html lang> and hreflang give it: the site writes Simplified Chinese. */
export const htmlLang = (locale: Locale) => (locale === 'zh-cn' ? 'zh-Hans' : 'en');

/** The site's other language: the twin page's, and the one a record's second name is in. */
export const otherLocale = (locale: Locale): Locale => (locale === 'zh-cn' ? 'en' : 'zh-cn');

/** The lang attribute of text in the page's other language (a metric's other name, the 404 page's twin text). */
export const otherLang = (locale: Locale) => htmlLang(otherLocale(locale));

/** The lang attribute of text written in `text` on a page in `page`: none where it is the page's own, which it inherits. */
export const langAttr = (text: Locale, page: Locale) => (text === page ? undefined : htmlLang(text));

/** The `k` of the fields a record has in both languages, as `k_zh` and `k_en`: a key without both fails the type check. */
export type BilingualKey<T> = { [F in keyof T]: F extends `${infer K}_zh` ? (`${K}_en` extends keyof T ? K : never) : never }[keyof T];
type Bilingual<T, K extends string> = T[`${K}_zh` & keyof T] | T[`${K}_en` & keyof T];

/**
 * A record's field in the reader's language: `localized(metric, 'name', locale)` is name_zh or name_en. No fallback
 * to the other language: an empty field stays empty, for the page to say so ('–', "province unknown").
 */
export function localized<T extends object, K extends BilingualKey<T> & string>(entity: T, key: K, locale: Locale): Bilingual<T, K>;
/** A missing record (a region id that names none) has no name either. */
export function localized<T extends object, K extends BilingualKey<T> & string>(entity: T | undefined, key: K, locale: Locale): Bilingual<T, K> | undefined;
export function localized<T extends object, K extends BilingualKey<T> & string>(entity: T | undefined, key: K, locale: Locale) {
  return entity?.[`${key}_${suffix(locale)}` as keyof T];
}

/** A { zh, en } pair's text in the reader's language (the column dictionary, the province names of GB/T 2260). */
export const inLocale = <V>(pair: { zh: V; en: V }, locale: Locale): V => pair[suffix(locale)];

/** A report's title as the site shows it, in the reader's language (src/site/report-title.ts writes both). */
export const reportTitle = (report: { heading_zh: string; heading_en: string }, locale: Locale) => localized(report, 'heading', locale);
