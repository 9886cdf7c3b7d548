// What Pagefind reads of a page. Astro writes block elements with nothing between them (<dd>people</dd><dt>…), and
// Pagefind joins adjacent text as it finds it, so a page's fields ran together in the index and its excerpts
// ("Unitpeople", "名称Completion"). A space after each block's end makes each a word boundary, as a reader sees it.
const BLOCK_END = /<\/(?:p|div|li|dd|dt|td|th|caption|figcaption|summary|h[1-6]|pre|blockquote|section|article|aside|header|footer|nav)>/gi;

/**
 * What no page's index holds, whatever its template: an info grid's labels ("Unit", "定义") and its download links
 * (file names). A field added to a grid later is covered too; one-off furniture (table headers, legends, the chart's
 * closed-section titles, a report's SHA-256) carries data-pagefind-ignore where it is written.
 */
export const INDEX_EXCLUDES = ['.meta dt', '.meta a[download]'];

/**
 * Style sheets: no word of the index, but every page inlines them (about 14 KB), and Pagefind reads every character
 * it is given. CSS holds no "</style" (the build writes it from the project's own style sheets).
 */
const STYLE = /<style\b[^>]*>[\s\S]*?<\/style>/gi;

/**
 * Maps and tables marked data-pagefind-ignore: no word of the index either, but Pagefind parses them to skip them, and
 * they are most of a report page (its table of figures) and of a region or metric page (map paths). Neither nests
 * in itself on any page; text inside them is escaped, so the first end tag of its kind is the element's own.
 */
const IGNORED = /<(figure|table)\b[^>]*\sdata-pagefind-ignore[\s>=][\s\S]*?<\/\1>/gi;

/** A badge ("metric", a figure's metric on its card) is set apart from what it follows, as a reader sees it. */
const BADGE = /<span class="badge"/g;

/**
 * The page as indexed: its HTML without its style sheets, ignored maps and tables, and with a space after the end of
 * every block element and before every badge.
 */
export const indexableHtml = (html: string): string => html.replace(STYLE, '').replace(IGNORED, '').replace(BLOCK_END, '$& ').replace(BADGE, ' $&');
