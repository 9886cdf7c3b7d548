// The Content-Security-Policy of a built page. Every published data file is attacker-shaped text served from the
// site's own origin (a report's source.txt can be valid JavaScript and still prove its figures), so `script-src
// 'self'` would let any of them run as a script once something put a <script src> on a page. Instead the page's
// policy names one hash: that of a small loader written here, which adds the build's own bundled scripts (from the
// asset folder only) to the page. Under 'strict-dynamic' a script so added may load what it imports (Pagefind), and
// nothing written into the markup — a <script src> to a data file, inline script, an event attribute — runs.
// Styles are allowed by the hash of each <style> element and of each style attribute the build wrote.
import { createHash } from 'node:crypto';
import type { DefaultTreeAdapterTypes as T } from 'parse5';
import { applyEdits, parsePage, type Edit, type ParsedPage } from './html-edits.ts';

const HTML_NS = 'http://www.w3.org/1999/xhtml';
/** Script types a browser runs; others (application/ld+json) are data blocks. */
const RUNS = /^(|module|text\/javascript|application\/javascript|text\/ecmascript|application\/ecmascript)$/i;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Directives besides script-src and style-src, the same on every page. */
export const BASE_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // Pagefind searches in a worker of its own when it can (it falls back to the page's thread).
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

export type PagePolicy = { html: string; policy: string };
export type PolicyEdits = { edits: Edit[]; policy: string };

const attr = (element: T.Element, name: string) => element.attrs.find((a) => a.name === name && !a.prefix)?.value;
const textOf = (element: T.Element) => element.childNodes.map((n) => (n.nodeName === '#text' ? (n as T.TextNode).value : '')).join('');

/** The loader that adds the page's bundled scripts, in their order, once the document is parsed (as modules are). */
export function scriptLoader(sources: string[]): string {
  return `(()=>{const add=()=>{for(const src of ${JSON.stringify(sources)}){const s=document.createElement('script');s.type='module';s.async=false;s.src=src;document.head.append(s)}};document.readyState==='loading'?document.addEventListener('DOMContentLoaded',add):add()})();`;
}

/**
 * The page with its bundled module scripts replaced by one hash-allowed loader and its CSP meta set to a policy
 * that allows exactly those, its <style> elements and its style attributes. Throws on a script the build did not
 * bundle (inline, or from outside `assets`): the page would hold code no policy should allow.
 */
export function strictPagePolicy(html: string, assets: string, where = 'page'): PagePolicy {
  const { edits, policy } = policyEdits(parsePage(html), assets, where);
  return { html: applyEdits(html, edits), policy };
}

/** The edits of `strictPagePolicy` on a parsed page, and the policy they write. */
export function policyEdits({ html, document }: ParsedPage, assets: string, where = 'page'): PolicyEdits {
  const sources: string[] = [];
  const removals: [number, number][] = [];
  const styles = new Set<string>();
  const styleAttributes = new Set<string>();
  let meta: T.Element | undefined;
  let head: T.Element | undefined;
  let body: T.Element | undefined;
  const visit = (node: T.ParentNode) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      const element = child as T.Element;
      const style = attr(element, 'style');
      if (style !== undefined) styleAttributes.add(style);
      if (element.tagName === 'head' && element.namespaceURI === HTML_NS) head = element;
      if (element.tagName === 'body' && element.namespaceURI === HTML_NS) body = element;
      if (element.tagName === 'meta' && attr(element, 'http-equiv')?.toLowerCase() === 'content-security-policy') meta = element;
      if (element.tagName === 'style') styles.add(textOf(element));
      if (element.tagName === 'script') {
        const src = attr(element, 'src');
        if (element.namespaceURI !== HTML_NS) throw new Error(`${where}: a script inside an image (<svg><script>): no page may hold one`);
        if (!RUNS.test(attr(element, 'type')?.trim() ?? '')) continue;
        if (src === undefined || !src.startsWith(assets) || src.includes('..') || textOf(element).trim())
          throw new Error(`${where}: a script the build did not bundle (${src === undefined ? 'inline' : `src="${src}"`}); only ${assets}… may run`);
        if (attr(element, 'type') !== 'module') throw new Error(`${where}: the bundled script ${src} is not a module`);
        sources.push(src);
        const at = element.sourceCodeLocation!;
        removals.push([at.startOffset, at.endOffset]);
      }
      visit(element.nodeName === 'template' ? (element as T.Template).content : element);
    }
  };
  visit(document);
  const loader = sources.length ? scriptLoader([...new Set(sources)]) : '';
  const styleSources = [...styles].map(sha256);
  const attributeSources = [...styleAttributes].map(sha256);
  const policy = [
    BASE_POLICY[0],
    `script-src ${loader ? `${sha256(loader)} 'strict-dynamic' 'wasm-unsafe-eval'` : "'none'"}`,
    `style-src 'self' ${[...styleSources, ...(attributeSources.length ? ["'unsafe-hashes'", ...attributeSources] : [])].join(' ')}`.trim(),
    ...BASE_POLICY.slice(1),
  ].join('; ');

  const edits: Edit[] = removals.map(([start, end]) => ({ start, end, html: '' }));
  const metaTag = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  if (meta) {
    const at = meta.sourceCodeLocation!;
    edits.push({ start: at.startOffset, end: at.endOffset, html: metaTag });
  } else {
    // The policy governs only what follows it: first in the head, after the charset (which must stay in the first bytes).
    const charset = head?.childNodes.find((n) => 'tagName' in n && n.tagName === 'meta' && attr(n, 'charset') !== undefined) as T.Element | undefined;
    const at = charset?.sourceCodeLocation?.endOffset ?? head?.sourceCodeLocation?.startTag?.endOffset;
    if (at === undefined) throw new Error(`${where}: no <head> to hold the Content-Security-Policy`);
    edits.push({ start: at, end: at, html: metaTag });
  }
  if (loader) {
    const end = body?.sourceCodeLocation?.endTag?.startOffset ?? html.length;
    edits.push({ start: end, end, html: `<script>${loader}</script>` });
  }
  return { edits, policy };
}
