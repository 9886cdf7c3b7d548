// Lines in JSON text, so a problem found in a parsed file points at the line a person edits.

/** The line of a JSON file where a key is written, so a problem in report.json points at it. */
export function jsonKeyLine(text: string, key: string | number | undefined): number {
  if (key === undefined) return 1;
  const index = text.indexOf(`"${String(key)}"`);
  return index < 0 ? 1 : text.slice(0, index).split('\n').length;
}

/**
 * What JSON.parse does not say about a JSON text: a key written twice in one object (JSON.parse keeps the last
 * silently, so a curator's first value vanishes) and nesting deeper than `maxDepth` (a record of data/ is flat;
 * 200,000 nested brackets overflow the stack of whatever walks them). One pass, no recursion.
 */
export function jsonShapeProblems(text: string, maxDepth = 16): { line: number; key?: string; message: string }[] {
  const problems: { line: number; key?: string; message: string }[] = [];
  // Per open bracket: the keys seen, for an object; null for an array.
  const open: (Set<string> | null)[] = [];
  let line = 1;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    else if (c === '{' || c === '[') {
      open.push(c === '{' ? new Set() : null);
      expectKey = c === '{';
      if (open.length > maxDepth) {
        problems.push({ line, message: `is nested more than ${maxDepth} deep; a record of data/ is flat` });
        return problems;
      }
    } else if (c === '}' || c === ']') open.pop();
    else if (c === ',') expectKey = open.at(-1) instanceof Set;
    else if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (expectKey) {
        const keys = open.at(-1);
        let key: string;
        try {
          key = JSON.parse(text.slice(i, end + 1)) as string;
        } catch {
          key = text.slice(i + 1, end);
        }
        if (keys?.has(key)) problems.push({ line, key, message: 'is written twice in one object; JSON keeps only the last, so say it once' });
        keys?.add(key);
        expectKey = false;
      }
      i = end;
    }
  }
  return problems;
}
