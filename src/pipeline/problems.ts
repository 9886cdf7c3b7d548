/** A problem in the input, with its location: collected over a whole run and printed together. */
export type Problem = {
  path: string;
  line: number;
  field: string;
  message: string;
  /** The offending value, when there is one to show. */
  got?: unknown;
};

export function formatProblem(p: Problem): string {
  const got = p.got === undefined ? '' : ` (got ${JSON.stringify(p.got)})`;
  return `${p.path}:${p.line}: ${p.field}: ${p.message}${got}`;
}

/** Sorts problems by file and line so that a curator can work through them from top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.path === b.path ? a.line - b.line : a.path < b.path ? -1 : 1));
}
