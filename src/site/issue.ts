// "Report a wrong figure": a prefilled issue on the project's repository. The repository comes from REPO_URL or
// CITATION.cff's repository-code; with neither, pages show no link (a fork without a repository has nowhere to send it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function repositoryUrl(env: Record<string, string | undefined> = process.env, root = process.cwd()): string | null {
  const fromEnv = env.REPO_URL?.trim();
  if (fromEnv) return fromEnv.replace(/\/+$/, '');
  const cff = join(root, 'CITATION.cff');
  if (!existsSync(cff)) return null;
  const m = /^repository-code:\s*["']?([^"'\s]+)["']?\s*$/m.exec(readFileSync(cff, 'utf8'));
  return m ? m[1]!.replace(/\/+$/, '') : null;
}

/**
 * A query value that keeps Chinese as it is: browsers percent-encode it when following the link, and the page
 * stays a third of the size that encodeURIComponent's nine bytes per character would make it.
 */
export const queryValue = (text: string) =>
  Array.from(text, (ch) => (ch.codePointAt(0)! >= 0xa0 || /[A-Za-z0-9\-_.~:/()]/.test(ch) ? ch : encodeURIComponent(ch))).join('');

/** The quote's first characters: enough to recognise it; the full sentence is at the permalink in the body. */
const QUOTE_CHARS = 40;

export type IssueFigure = { observation_id: string; quote: string; figure_text: string; value: string; metric: string; page: string; version: string };

/** GitHub's new-issue address with the title and body filled in (labels are ignored for readers who cannot set them). */
export function issueUrl(repo: string, f: IssueFigure): string {
  const quote = Array.from(f.quote);
  const body = [
    `Observation: ${f.observation_id}`,
    `Metric: ${f.metric}`,
    `Published value: ${f.value} (figure as written: ${f.figure_text})`,
    `Quote: 「${quote.length > QUOTE_CHARS ? `${quote.slice(0, QUOTE_CHARS).join('')}…` : f.quote}」`,
    `Page: ${f.page}`,
    `Dataset version: ${f.version}`,
    '',
    'What is wrong, and what should it be? 哪里有误，应为多少？',
  ].join('\n');
  return `${repo}/issues/new?title=${queryValue(`Wrong figure: ${f.observation_id}`)}&body=${queryValue(body)}`;
}

/**
 * The same issue, named by the figure's id and page only: what a report page links from each of its figures. The
 * maintainer reads the sentence at the permalink; the address stays a tenth of the prefilled one's length, which
 * counts on 64,000 report pages.
 */
export function shortIssueUrl(repo: string, f: Pick<IssueFigure, 'observation_id' | 'page' | 'version'>): string {
  const body = [
    `Observation: ${f.observation_id}`,
    `Page: ${f.page}`,
    `Dataset version: ${f.version}`,
    '',
    'What is wrong, and what should it be? 哪里有误，应为多少？',
  ].join('\n');
  return `${repo}/issues/new?title=${queryValue(`Wrong figure: ${f.observation_id}`)}&body=${queryValue(body)}`;
}
