// Published CSVs are opened in spreadsheets, which run a cell that starts with = + - @ (or a tab or carriage
// return before one) as a formula: =HYPERLINK("http://evil.example"). Such a text cell is written with a leading
// apostrophe, which spreadsheets show as text and hide. Numbers are never prefixed: -482 is a value.

const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;

/** A text cell as published: prefixed with ' when a spreadsheet would read it as a formula. */
export function safeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of safeCell, for reading a published CSV back (a text that itself began with ' keeps it). */
export function unsafeCell(text: string): string {
  return ESCAPED.test(text) ? text.slice(1) : text;
}
