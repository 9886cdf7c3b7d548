// Rules every text field of data/ obeys, whatever its table: a length that a real name, title or note never
// reaches, and no control characters. Checked before the schemas, by field name, so a new column is covered too.

/** Longest value of a field, in characters (code points). The real data's longest is far below each limit. */
const MAX_CHARS: Readonly<Record<string, number>> = {
  name_zh: 200,
  name_en: 200,
  province_zh: 100,
  province_en: 100,
  bureau: 200,
  bureau_en: 200,
  title: 300,
  title_en: 300,
  measure: 200,
  publisher: 200,
  document: 300,
  scope: 200,
  scope_en: 200,
  figure_text: 100,
  unit: 20,
  quote: 2000,
  definition_zh: 1000,
  definition_en: 1000,
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
// Bidirectional marks are not controls: a name may need them, and the site renders them inert.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/** What is wrong with one text value of a field, or null. */
export function textProblem(field: string, value: string): string | null {
  const control = CONTROL.exec(value);
  if (control) {
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return `contains the control character U+${code} at character ${Array.from(value.slice(0, control.index)).length + 1}; data/ text holds none`;
  }
  const max = MAX_CHARS[field] ?? DEFAULT_MAX_CHARS;
  // counting code points only when the UTF-16 length could exceed the limit keeps this cheap on every cell
  if (value.length > max) {
    let n = 0;
    for (const _ of value) if (++n > max) return `is ${Array.from(value).length} characters long; at most ${max} are allowed`;
  }
  return null;
}
