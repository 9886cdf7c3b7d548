// A built page read once by parse5 (the HTML standard's parsing algorithm, with source offsets) and rewritten by
// splicing edits into its source: the language marks (lang-runs.ts) and the content policy (csp.ts) both read the
// same parse, and every byte no edit touches stays as Astro wrote it.
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';

/** Replace the source's [start, end) with `html`; start = end inserts. */
export type Edit = { start: number; end: number; html: string };
export type ParsedPage = { html: string; document: T.Document };

export const parsePage = (html: string): ParsedPage => ({ html, document: parse(html, { sourceCodeLocationInfo: true }) });

/** The source with its edits applied in order of position; an edit overlapping one already applied is dropped. */
export function applyEdits(html: string, edits: Edit[]): string {
  const sorted = edits.map((edit, i) => ({ edit, i })).sort((a, b) => a.edit.start - b.edit.start || a.i - b.i);
  const out: string[] = [];
  let last = 0;
  for (const { edit } of sorted) {
    if (edit.start < last) continue;
    out.push(html.slice(last, edit.start), edit.html);
    last = edit.end;
  }
  out.push(html.slice(last));
  return out.join('');
}
