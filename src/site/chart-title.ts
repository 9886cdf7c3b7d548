// A chart's title says what is measured; where the page is about one region with a value on the chart, it says the
// answer: "临泉县学前三年毛入园率 96.57%，高于全国 89.7%". Pure.
import type { Locale } from '../i18n/format.ts';
import { fill, t } from '../i18n/strings.ts';

export type TitleFacts = {
  /** The metric's name in the page's language. */
  name: string;
  /** The region the page is about and its value, formatted with its qualifier; none for a metric's own title. */
  region?: { name: string; value: string; raw: number } | null;
  /** The national value of the same year, formatted, with its number for the comparison. */
  national?: { value: string; raw: number } | null;
};

export function chartTitle(facts: TitleFacts, locale: Locale): string {
  const f = t(locale).frame;
  const region = facts.region;
  if (!region) return facts.name;
  const statement = fill(f.statement, { region: region.name, name: facts.name, value: region.value });
  const national = facts.national;
  if (!national) return statement;
  const cmp = region.raw > national.raw ? f.cmp.above : region.raw < national.raw ? f.cmp.below : f.cmp.equal;
  return fill(f.versusNational, { statement, cmp, national: national.value });
}
