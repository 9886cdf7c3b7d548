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
// Bidirectional marks are not controls: a name may need them, and the site renders them inert.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/** What is wrong with one text value of a field, or null. */
export function textProblem(field: string, value: string): string | null {
  const control = CONTROL.exec(value);
  if (control) {
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return `contains the control character U+${code} at character ${Array.from(value.slice(0, control.index)).length + 1}; data/ text holds none`;
  }
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
