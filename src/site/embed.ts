// Charts that travel: the iframe snippet another site pastes to show a chart, and which of the chart frame's tabs an
// address asks for (?tab=table, or #chart-<metric>-table), so that a shared link opens what was shown. Pure.

/** The chart frame's tabs, in the address as in the frame (src/components/frame). */
export const TABS = ['chart', 'table', 'map', 'sentences'] as const;
export type Tab = (typeof TABS)[number];

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The iframe an article pastes: a title for screen readers, the full width of its column and a fixed aspect (the
 * chart's wide layout), so the host's layout does not jump when it loads; no script needed. The optional resize
 * script lets the frame fit its content's height instead.
 */
export function embedSnippet(options: { src: string; title: string; width: number; height: number; resizeScript?: string }): string {
  const iframe = `<iframe src="${escapeAttribute(options.src)}" title="${escapeAttribute(options.title)}" style="width: 100%; aspect-ratio: ${Math.round(options.width)} / ${Math.round(options.height)}; border: 0" loading="lazy" data-bureau-atlas-embed></iframe>`;
  return options.resizeScript ? `${iframe}\n<script src="${escapeAttribute(options.resizeScript)}" async></script>` : iframe;
}

/**
 * The embed page's height for the iframe's aspect: the chart's own height (its SVG's viewBox) and the frame around
 * it (title, subtitle, legend, source line and link back), measured on the built page at 720 px.
 */
export function embedHeight(svg: string, chrome = 260): number {
  const height = Number(/viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(svg)?.[1] ?? 300);
  return height + chrome;
}

/**
 * The tab an address asks for: `?tab=table` first, else a hash that names a chart's panel (#chart-<metric>-table);
 * null for none or a tab the frame does not have.
 */
export function tabFromAddress(search: string, hash: string): Tab | null {
  const asked = new URLSearchParams(search).get('tab') ?? /^#chart-.+-(chart|table|map|sentences)$/.exec(decodeURIComponent(hash))?.[1] ?? null;
  return (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : null;
}

/** The address with a tab in it, the default tab (chart) left out; the rest of the query and the hash kept. */
export function withTab(href: string, tab: Tab): string {
  const url = new URL(href, 'http://x');
  if (tab === 'chart') url.searchParams.delete('tab');
  else url.searchParams.set('tab', tab);
  return `${url.pathname}${url.search}${url.hash}`;
}
