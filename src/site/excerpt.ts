// Pagefind's excerpts are HTML: the page's text escaped (&lt;script&gt;) with <mark> around the hits. The search
// page rebuilds them as text nodes and <mark> elements, never as HTML, so the text must be unescaped exactly once.

export type ExcerptPart = { text: string; mark: boolean };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text of an HTML fragment: tags dropped, character references decoded (a bad numeric one left as written). */
export function htmlText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** An excerpt as plain-text parts, the hits marked. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  return excerpt
    .split(/<\/?mark>/)
    .map((part, i) => ({ text: htmlText(part), mark: i % 2 === 1 }))
    .filter((p) => p.text !== '');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The page's text around the first whole occurrence of one of `words`, every occurrence marked. Pagefind cuts
 * Chinese into characters, so for 入园率 it may show a passage about 投入 on a page that holds 入园率 elsewhere; the
 * search page then shows this instead. The page text breaks lines between elements, so a word may span a space.
 */
export function excerptAround(content: string, words: string[], radius = 40): ExcerptPart[] {
  const found = words.filter((w) => w.length).map((w) => [...w].map(escapeRegExp).join('\\s*'));
  if (!found.length) return [];
  const pattern = new RegExp(found.join('|'), 'gu');
  const first = pattern.exec(content);
  if (!first) return [];
  const start = Math.max(0, first.index - radius);
  const end = Math.min(content.length, first.index + first[0].length + radius);
  const window = content.slice(start, end);
  const parts: ExcerptPart[] = [];
  let at = 0;
  for (const hit of window.matchAll(new RegExp(pattern.source, 'gu'))) {
    if (hit.index > at) parts.push({ text: window.slice(at, hit.index), mark: false });
    parts.push({ text: hit[0], mark: true });
    at = hit.index + hit[0].length;
  }
  if (at < window.length) parts.push({ text: window.slice(at), mark: false });
  if (start > 0) parts.unshift({ text: '…', mark: false });
  if (end < content.length) parts.push({ text: '…', mark: false });
  return parts;
}
