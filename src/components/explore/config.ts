// What the explorer's page hands its script: the page language's words and the site's addresses, as JSON in a data
// attribute (the Content-Security-Policy forbids inline script).
import type { Locale } from '../../i18n/format.ts';
import type { t } from '../../i18n/strings.ts';

type Strings = ReturnType<typeof t>;

export type ExplorerConfig = {
  locale: Locale;
  /** The folder of the published tables. */
  data: string;
  /** Page addresses with __id__, __report__ and __obs__ in place of the ids. */
  hrefs: { region: string; metric: string; observation: string; computed: string };
  words: Strings['explore'] & Pick<Strings, 'kinds' | 'flags' | 'topics' | 'halves' | 'relativeYears' | 'yearUnknown' | 'provinceUnknown' | 'seeInReport'>;
  qualifierSigns: Readonly<Record<string, string>>;
  /** [code, name] of every province, in code order, the unidentified group last. */
  provinces: [string, string][];
  topics: string[];
};
