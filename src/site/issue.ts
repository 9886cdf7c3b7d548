// "Report a wrong figure": a prefilled issue on the project's repository. The repository comes from REPO_URL or
// CITATION.cff's repository-code; with neither, pages show no link (a fork without a repository has nowhere to send it).
// An address there that is not a web address stops the build.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The repository's address as a web address every issue link may point at, or null: only http(s) with a host. A
 * `javascript:` or `data:` address would run or show whatever it holds when a reader follows the link.
 */
export function webAddress(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname || url.username || url.password) return null;
  return url.href.replace(/[?#].*$/, '').replace(/\/+$/, '');
}

/** The CITATION.cff fields that name an address: each must be a web address when present. */
const CFF_ADDRESS_FIELDS = ['repository-code', 'repository', 'repository-artifact', 'url'] as const;

/**
 * The repository every issue link points at: REPO_URL, else CITATION.cff's repository-code (else its repository);
 * null when neither names one. An address that is not http(s) with a host — `javascript:`, `data:`, `vbscript:`,
 * `file:`, one with a user name, one without a scheme — in REPO_URL or in any of CITATION.cff's address fields is
 * refused: the build stops with an error naming where it came from, rather than publish it or quietly drop the links.
 */
export function repositoryUrl(env: Record<string, string | undefined> = process.env, root = process.cwd()): string | null {
  const fromEnv = env.REPO_URL?.trim();
  const cff = join(root, 'CITATION.cff');
  const fields = existsSync(cff) ? cffAddresses(readFileSync(cff, 'utf8')) : new Map<string, { line: number; value: string }>();
  const problems: string[] = [];
  const checked = (source: string, value: string): string | null => {
    const address = webAddress(value);
    if (!address)
      problems.push(`${source}: ${JSON.stringify(value.slice(0, 160))} is not an http(s) address with a host; the repository's issue links would point at it`);
    return address;
  };
  const fromCff = new Map<string, string | null>();
  for (const [field, { line, value }] of fields) fromCff.set(field, checked(`CITATION.cff:${line}: ${field}`, value));
  const repo = fromEnv ? checked('REPO_URL', fromEnv) : (fromCff.get('repository-code') ?? fromCff.get('repository') ?? null);
  if (problems.length) throw new Error(problems.join('\n'));
  return repo;
}

/** CITATION.cff's top-level address fields (a YAML scalar each, quoted or not), with their line numbers. */
function cffAddresses(text: string): Map<string, { line: number; value: string }> {
  const found = new Map<string, { line: number; value: string }>();
  text.split(/\r?\n/).forEach((row, i) => {
    const m = /^([a-z-]+):[ \t]*(.*?)[ \t]*$/.exec(row);
    if (!m || !(CFF_ADDRESS_FIELDS as readonly string[]).includes(m[1]!)) return;
    let value = m[2]!.replace(/[ \t]+#.*$/, '');
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2]!;
    found.set(m[1]!, { line: i + 1, value });
  });
  return found;
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
 * The same issue, named by the figure's id only (its report and sentence follow from it: <report_id>-<local id>,
 * the report page's #obs-<id>): what a report page links from each of its figures, at a third of the prefilled
 * address's length, which counts on 64,000 report pages.
 */
export function shortIssueUrl(repo: string, f: Pick<IssueFigure, 'observation_id' | 'version'>): string {
  return `${repo}/issues/new?title=${queryValue(`Wrong figure: ${f.observation_id}`)}&body=${queryValue(`Observation: ${f.observation_id}\nDataset version: ${f.version}\n`)}`;
}
