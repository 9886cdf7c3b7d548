// Lines in JSON text, so a problem found in a parsed file points at the line a person edits.

/** The line of a JSON file where a key is written, so a problem in report.json points at it. */
export function jsonKeyLine(text: string, key: string | number | undefined): number {
  if (key === undefined) return 1;
  const index = text.indexOf(`"${String(key)}"`);
  return index < 0 ? 1 : text.slice(0, index).split('\n').length;
}
