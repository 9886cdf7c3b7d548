// Marks the language of text in the other language than its page's, so that a screen reader reads it with the
// right voice: curator notes, reasoning, evidence and definitions are written in one language and quoted on both
// sites, and English text on the Chinese site often cites Chinese words (主题教育). Every page's HTML passes
// through `markLanguageRuns` once (src/middleware.ts); text already inside an element of its own language is only
// wrapped again in a span of the same language, which changes nothing for a reader.

/** Chinese: Han characters with the CJK punctuation, digits and signs between them. */
const HAN_RUN =
  /[\p{Script=Han}〇][\p{Script=Han}〇\u3000-\u303f\uff00-\uffef0-9.%·—…“”‘’\s]*[\p{Script=Han}〇\u3001-\u303f\uff01-\uffef”]|[\p{Script=Han}〇]/gu;
/** English: three words or more, with the punctuation between them. */
const ENGLISH_RUN = /[A-Za-z][A-Za-z0-9 ,.;:'’"“”()\-–—/&%?!]*[A-Za-z.)?!]/g;
const words = (run: string) => run.match(/[A-Za-z]{2,}/g)?.length ?? 0;

/** Elements whose text must stay bare: not HTML (svg), not rendered as HTML (title, option, textarea), code. */
const SKIP = /^(script|style|svg|title|textarea|option|code|pre|head|noscript)$/i;

const VOID = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/i;

export function markLanguageRuns(html: string): string {
  const page = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1]?.toLowerCase() ?? '';
  if (!page.startsWith('en') && !page.startsWith('zh')) return html;
  const start = html.indexOf('<body');
  if (start < 0) return html;
  const out: string[] = [html.slice(0, start)];
  // Open elements with the language each sets (or inherits), and whether its text is left bare.
  const open: { tag: string; lang: string; skip: boolean }[] = [{ tag: 'html', lang: page, skip: false }];
  const token = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)([^>]*)>|[^<]+/g;
  token.lastIndex = start;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    const [text, slash, name, attributes] = m;
    const here = open.at(-1)!;
    if (name !== undefined) {
      const tag = name.toLowerCase();
      if (slash) {
        const at = open.findLastIndex((e) => e.tag === tag);
        if (at > 0) open.length = at;
      } else if (!VOID.test(tag) && !attributes!.endsWith('/')) {
        const lang = /\slang="([^"]*)"/.exec(attributes!)?.[1]?.toLowerCase() ?? here.lang;
        open.push({ tag, lang, skip: here.skip || SKIP.test(tag) });
      }
      out.push(text);
    } else if (text.startsWith('<!--') || here.skip) out.push(text);
    else if (here.lang.startsWith('en')) out.push(text.replace(HAN_RUN, (run) => `<span lang="zh-Hans">${run}</span>`));
    else if (here.lang.startsWith('zh')) out.push(text.replace(ENGLISH_RUN, (run) => (words(run) >= 3 ? `<span lang="en">${run}</span>` : run)));
    else out.push(text);
  }
  return out.join('');
}
