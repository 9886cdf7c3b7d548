// Rules every text field of data/ obeys, whatever its table: a length that a real name, title or note never
// reaches, no control characters, and prose in both languages or in neither. Checked by field name, so a new
// column is covered too.

/**
 * Longest value of a field, in characters (code points), by its name without a language suffix (note for note_zh
 * and note_en). The real data's longest is far below each limit.
 */
const MAX_CHARS: Readonly<Record<string, number>> = {
  name: 200,
  province: 100,
  bureau: 200,
  title: 300,
  measure: 200,
  publisher: 200,
  document: 300,
  scope: 200,
  figure_text: 100,
  unit: 20,
  quote: 2000,
  definition: 1000,
  keywords: 500,
  evidence: 1000,
  reasoning: 1000,
  year_evidence: 1000,
  year_reasoning: 1000,
  note: 2000,
  notes: 5000,
  reason: 500,
  reason_en: 1000,
  reason_zh: 1000,
};
/** Any field not named above (ids, codes, periods, flags…). */
const DEFAULT_MAX_CHARS = 200;

// C0 and C1 control characters and DEL: a NUL or an escape in a published cell breaks readers and terminals.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
// Invisible format characters: bidirectional controls (a U+202E turns "2019" into "9102" in a chart label and in
// the "(2019, 2 figures)" after a title), zero-width characters, the word joiner, soft hyphen and byte order mark.
// A reader cannot see them, so they could make a name or a note read otherwise than it is written; data/ holds
// none (the site is decided against isolating names instead: every name would have to be isolated on every page,
// chart and image, and one missed place reorders a figure).
const FORMAT = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/u;
// Right-to-left letters: no Chinese bureau's name, title or note is written in them, and beside digits they
// reorder what follows them as a bidirectional control would.
const RIGHT_TO_LEFT =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;
// A lone surrogate is no character: JSON writes it as \ud800, CSV and Parquet as U+FFFD, so the files would disagree.
const LONE_SURROGATE = /\p{Surrogate}/u;

const codeAt = (value: string, index: number) =>
  `U+${value.codePointAt(index)!.toString(16).toUpperCase().padStart(4, '0')} at character ${Array.from(value.slice(0, index)).length + 1}`;

/** What is wrong with one text value of a field, or null. */
export function textProblem(field: string, value: string): string | null {
  const control = CONTROL.exec(value);
  if (control) return `contains the control character ${codeAt(value, control.index)}; data/ text holds none`;
  const format = FORMAT.exec(value);
  if (format)
    return `contains the invisible format character ${codeAt(value, format.index)} (a bidirectional control, zero-width character or similar); data/ text holds none`;
  const rtl = RIGHT_TO_LEFT.exec(value);
  if (rtl) return `contains the right-to-left letter ${codeAt(value, rtl.index)}, which reorders the digits beside it; data/ text holds none`;
  const lone = LONE_SURROGATE.exec(value);
  if (lone) return `contains a lone surrogate ${codeAt(value, lone.index)} (not a character: broken UTF-16); data/ text holds none`;
  const max = MAX_CHARS[field] ?? MAX_CHARS[field.replace(/_(zh|en)$/, '')] ?? DEFAULT_MAX_CHARS;
  // counting code points only when the UTF-16 length could exceed the limit keeps this cheap on every cell
  if (value.length > max) {
    let n = 0;
    for (const _ of value) if (++n > max) return `is ${Array.from(value).length} characters long; at most ${max} are allowed`;
  }
  return null;
}

/**
 * Fields written in both languages, as `k_zh` and `k_en` (a page shows the reader's, src/i18n/locale.ts, and never
 * falls back to the other): a record with one and not its twin is refused, at the empty twin. A field without a twin
 * in the record (scope_en beside scope, title_en beside title) is a name in English, not a pair.
 */
export function missingLanguageProblems(record: Readonly<Record<string, unknown>>): { field: string; message: string }[] {
  const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  const problems: { field: string; message: string }[] = [];
  for (const [field, value] of Object.entries(record)) {
    const pair = /^(.+)_(zh|en)$/.exec(field);
    if (!pair || !filled(value)) continue;
    const [language, twin] = pair[2] === 'zh' ? ['English', `${pair[1]}_en`] : ['Chinese', `${pair[1]}_zh`];
    if (twin in record && !filled(record[twin]))
      problems.push({
        field: twin,
        message: `is empty, but ${field} is not: give its ${language} too (every text of data/ is written in both languages or in neither)`,
      });
  }
  return problems;
}
