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
