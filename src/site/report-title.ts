// A report's title as the site shows it: who wrote it, for when and what kind of document it is, and what of that
// the site inferred — 临泉县教育局 2022 年工作总结和计划（地区与年份为推断）. The sources' own titles ("…工作计划 篇1",
// "（无标题）") name neither place nor year; they stay in the data as `title`, verbatim. Pure: pages, the search
// index and citations all take their report titles from here.
import type { Locale } from '../i18n/format.ts';
import { localized } from '../i18n/locale.ts';
import { fill, t } from '../i18n/strings.ts';
import type { PublishedReport } from '../model/report.ts';
import type { Region } from '../model/region.ts';

export type TitledReport = Pick<PublishedReport, 'bureau' | 'kind' | 'period' | 'year' | 'year_basis'>;
export type TitledRegion = Pick<Region, 'name_zh' | 'name_en' | 'level' | 'basis' | 'province_zh' | 'province_en'>;

// Reports in Traditional characters name their bureau so (縣教體局); the site's titles are in Simplified.
const SIMPLIFIED: Record<string, string> = { 體: '体', 縣: '县', 區: '区', 務: '务', 廳: '厅', 與: '与', 會: '会', 門: '门' };

/** The kind of bureau as the report names it, from 教 on (张店区教育和体育局 → 教育和体育局), in Simplified characters. */
export function bureauType(bureau: string): string | null {
  const at = bureau.indexOf('教');
  if (at < 0) return null;
  return [...bureau.slice(at)].map((c) => SIMPLIFIED[c] ?? c).join('');
}

function place(region: TitledRegion | undefined, locale: Locale): string {
  const w = t(locale).reportTitle;
  if (region && region.basis !== 'unknown') return localized(region, 'name', locale);
  const province = region ? localized(region, 'province', locale) : '';
  return fill(w.unnamedPlace, { level: w.unnamedLevel[region?.level ?? 'unknown'] ?? '', province: province ? fill(w.unnamedProvince, { province }) : '' });
}

function period(report: TitledReport, locale: Locale): string | null {
  const w = t(locale).reportTitle;
  if (report.year === null) return null;
  const half = /^(\d{4})([HS][12])$/.exec(report.period);
  if (half) return fill(w.half[half[2]!]!, { y: half[1]! });
  const span = /^(\d{4})-(\d{4})$/.exec(report.period);
  if (span) return fill(w.span, { from: span[1]!, to: span[2]! });
  return fill(w.year, { y: report.year });
}

/** 地区与年份为推断 / "region and year inferred", and what is not known, said once in parentheses; '' when all is stated. */
function note(report: TitledReport, region: TitledRegion | undefined, locale: Locale): string {
  const w = t(locale).reportTitle;
  const regionBasis = region?.basis ?? 'unknown';
  const what = (basis: string) => [regionBasis === basis ? w.region : '', report.year_basis === basis ? w.year_ : ''].filter(Boolean).join(w.and);
  const parts = [what('inferred') && fill(w.inferred, { what: what('inferred') }), what('unknown') && fill(w.unknown, { what: what('unknown') })].filter(
    Boolean,
  );
  if (!parts.length) return '';
  return fill(w.note, { parts: parts.join(w.partsSeparator) });
}

/** The report's title in the reader's language. */
export function reportTitle(report: TitledReport, region: TitledRegion | undefined, locale: Locale): string {
  const w = t(locale).reportTitle;
  const type = bureauType(report.bureau);
  const typeText = locale === 'zh-cn' ? (type ?? w.bureauType) : type && /体/.test(type) ? w.sportsBureauType : w.bureauType;
  const bureau = fill(w.bureau, { place: place(region, locale), type: typeText });
  const when = period(report, locale);
  const values = { bureau, period: when ?? '', kind: w.kinds[report.kind] ?? w.kinds.other!, note: note(report, region, locale) };
  const title = fill(when ? w.withPeriod : w.noPeriod, values);
  // English sentences start with a capital, wherever the bureau's name falls
  return locale === 'en' ? title.charAt(0).toUpperCase() + title.slice(1) : title;
}
