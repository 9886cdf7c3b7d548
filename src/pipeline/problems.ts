/** A problem in the input, with its location: collected over a whole run and printed together. */
export type Problem = {
  path: string;
  line: number;
  field: string;
  message: string;
  /** The offending value, when there is one to show. */
  got?: unknown;
};

/** A value as a message shows it: at most 160 characters of its JSON, never the whole of a 1 MB value. */
export function shownValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 160 ? `${value.slice(0, 160)}…` : value);
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // a value nested too deep to write out
    json = Array.isArray(value) ? '[…]' : '{…}';
  }
  json ??= String(value);
  return json.length > 160 ? `${json.slice(0, 160)}…` : json;
}

export function formatProblem(p: Problem): string {
  const got = p.got === undefined ? '' : ` (got ${shownValue(p.got)})`;
  return `${p.path}:${p.line}: ${p.field}: ${p.message}${got}`;
}

/** Sorts problems by file and line so that a curator can work through them from top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.path === b.path ? a.line - b.line : a.path < b.path ? -1 : 1));
}
