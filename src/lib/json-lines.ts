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

/**
 * The line each value of a JSON text starts on, by its path (["metrics", "enrolment"], ["splits", 0, "to"]): a key
 * nested in another object (a table "metrics" under "columns") is not mistaken for the top-level one. One pass; a
 * path not in the text gives the line of its nearest ancestor that is, or 1.
 */
export function jsonPathLines(text: string): (path: readonly PropertyKey[]) => number {
  const SEP = '\u0001';
  const lines = new Map<string, number>();
  // Per open bracket: its path, and the key or index of the value being read in it.
  const open: { path: string; array: boolean; member: string }[] = [];
  const childPath = () => {
    const top = open.at(-1);
    return top ? (top.path ? `${top.path}${SEP}${top.member}` : top.member) : '';
  };
  const valueStarts = (line: number) => {
    const top = open.at(-1);
    if (top?.array && !lines.has(childPath())) lines.set(childPath(), line);
  };
  let line = 1;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    else if (c === ' ' || c === '\t' || c === '\r' || c === ':') continue;
    else if (c === '{' || c === '[') {
      valueStarts(line);
      open.push({ path: childPath(), array: c === '[', member: '0' });
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      open.pop();
      expectKey = false;
    } else if (c === ',') {
      const top = open.at(-1);
      if (top?.array) top.member = String(Number(top.member) + 1);
      expectKey = top !== undefined && !top.array;
    } else if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (expectKey && open.length) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, end + 1)) as string;
        } catch {
          key = text.slice(i + 1, end);
        }
        open.at(-1)!.member = key;
        // a key written twice: its first place, as jsonKeyLine gives
        if (!lines.has(childPath())) lines.set(childPath(), line);
        expectKey = false;
      } else valueStarts(line);
      i = end;
    } else {
      // a number, true, false or null
      valueStarts(line);
      while (i + 1 < text.length && !/[\s,\]}]/.test(text[i + 1]!)) i++;
    }
  }
  return (path) => {
    for (let n = path.length; n > 0; n--) {
      const at = lines.get(path.slice(0, n).map(String).join(SEP));
      if (at !== undefined) return at;
    }
    return 1;
  };
}
