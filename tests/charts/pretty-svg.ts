// SVG laid out one element a line, indented by depth, so that a snapshot's diff names the mark that changed.
// Lossless: only a line break and indent are put between a tag and the next tag, and compactSvg takes exactly those
// away again; an SVG that already holds such whitespace is refused rather than stored in a form that hides it.
// A text or style element stays on the line of its tag (its content is never re-spaced).

const TOKEN = /<(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+/g;

export function prettySvg(svg: string): string {
  let out = '';
  let depth = 0;
  let previousWasTag = false;
  for (const [token] of svg.matchAll(TOKEN)) {
    const isTag = token.startsWith('<');
    const closing = token.startsWith('</');
    if (closing) depth--;
    if (isTag && previousWasTag) out += `\n${'  '.repeat(depth)}`;
    out += token;
    if (isTag && !closing && !token.endsWith('/>') && !token.startsWith('<?') && !token.startsWith('<!')) depth++;
    previousWasTag = isTag;
  }
  if (compactSvg(out) !== svg) throw new Error('the SVG holds a line break and indent between two tags; its pretty form would hide them');
  return `${out}\n`;
}

/** The SVG a pretty form was made from. */
export const compactSvg = (pretty: string): string => pretty.replace(/\n$/, '').replace(/>\n *</g, '><');
