// Marks the language of text in the other language than its page's, so that a screen reader reads it with the
// right voice: curator notes, reasoning, evidence and definitions are written in one language and quoted on both
// sites, and English text on the Chinese site often cites Chinese words (主题教育). Every page's HTML passes
// through `markLanguageRuns` once (src/middleware.ts); text already inside an element of its own language is only
// wrapped again in a span of the same language, which changes nothing for a reader.
//
// The page is read by parse5, the HTML standard's own parsing algorithm (html-edits.ts), so a text node here is
// exactly a text node for the browser: a ">" inside a quoted attribute, a "</svg>" inside a label or a character
// reference (&quot;) is never mistaken for a tag boundary or cut in two. Only text nodes are rewritten, and they are
// written back escaped from their decoded value; every tag, attribute and comment stays byte for byte as Astro wrote it.
import type { DefaultTreeAdapterTypes as T } from 'parse5';
import { applyEdits, parsePage, type Edit, type ParsedPage } from './html-edits.ts';

/** Chinese: Han characters with the CJK punctuation, digits and signs between them. */
const HAN_RUN =
  /[\p{Script=Han}〇][\p{Script=Han}〇\u3000-\u303f\uff00-\uffef0-9.%·—…“”‘’\s]*[\p{Script=Han}〇\u3001-\u303f\uff01-\uffef”]|[\p{Script=Han}〇]/gu;
/** English: three words or more, with the punctuation between them. */
const ENGLISH_RUN = /[A-Za-z][A-Za-z0-9 ,.;:'’"“”()\-–—/&%?!]*[A-Za-z.)?!]/g;
const words = (run: string) => run.match(/[A-Za-z]{2,}/g)?.length ?? 0;

/** Elements whose text must stay bare: not rendered as HTML (title, option, textarea), code, or not text at all. */
const SKIP = new Set(['script', 'style', 'title', 'textarea', 'option', 'code', 'pre', 'head', 'noscript', 'template']);
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Text as HTML text: what the browser decodes back to the same characters. */
export const escapeHtmlText = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');

/** A text node's value with its runs in the other language wrapped, or undefined if it has none. */
function markedText(value: string, lang: string): string | undefined {
  const english = !lang.startsWith('en');
  const pattern = english ? ENGLISH_RUN : HAN_RUN;
  const tag = english ? 'en' : 'zh-Hans';
  let out = '';
  let last = 0;
  for (const m of value.matchAll(pattern)) {
    if (english && words(m[0]) < 3) continue;
    out += `${escapeHtmlText(value.slice(last, m.index))}<span lang="${tag}">${escapeHtmlText(m[0])}</span>`;
    last = m.index + m[0].length;
  }
  return last === 0 ? undefined : out + escapeHtmlText(value.slice(last));
}

/** The page with its runs in the other language marked. */
export const markLanguageRuns = (html: string): string => applyEdits(html, languageEdits(parsePage(html)));

/** The edits that mark a parsed page's runs in the other language; none on a page in neither language. */
export function languageEdits({ html, document }: ParsedPage): Edit[] {
  const page = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1]?.toLowerCase() ?? '';
  if (!page.startsWith('en') && !page.startsWith('zh')) return [];
  const edits: Edit[] = [];
  const visit = (node: T.ParentNode, lang: string) => {
    for (const child of node.childNodes) {
      if (child.nodeName === '#text') {
        const text = child as T.TextNode;
        const at = text.sourceCodeLocation;
        if (!at || !(lang.startsWith('en') || lang.startsWith('zh'))) continue;
        const raw = html.slice(at.startOffset, at.endOffset);
        // A text node the parser moved (foster parenting) or merged across markup is not one stretch of the source.
        if (raw.includes('<')) continue;
        const marked = markedText(text.value, lang);
        if (marked !== undefined) edits.push({ start: at.startOffset, end: at.endOffset, html: marked });
      } else if ('tagName' in child) {
        const element = child as T.Element;
        if (element.namespaceURI !== HTML_NS || SKIP.has(element.tagName)) continue;
        const own = element.attrs.find((a) => a.name === 'lang' && !a.prefix)?.value.toLowerCase();
        visit(element, own || lang);
      }
    }
  };
  const root = document.childNodes.find((n) => n.nodeName === 'html') as T.Element | undefined;
  const body = root?.childNodes.find((n) => n.nodeName === 'body') as T.Element | undefined;
  if (body) visit(body, page);
  return edits;
}
