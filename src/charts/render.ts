// The one server-side renderer: Plot draws into a linkedom document at build time, so charts are plain SVG in
// the HTML and need no JavaScript to be seen.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { parseFragment, type DefaultTreeAdapterTypes as P } from 'parse5';

export function renderSvg(spec: Plot.PlotOptions, ariaLabel: string): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({ ...spec, document: document as unknown as Document }) as unknown as Element;
  // Plot labels its mark groups with aria-label; axe requires a role on an element that carries one.
  for (const g of svg.querySelectorAll('g[aria-label]')) g.setAttribute('role', 'group');
  // Not role="img": an image's children are presentational, and these charts hold links to every sentence.
  svg.setAttribute('role', 'figure');
  svg.setAttribute('aria-label', ariaLabel);
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  return svg.outerHTML;
}

/**
 * linkedom serialises as HTML, where "&", "<" and ">" may stand bare inside attribute values; a standalone .svg file
 * is XML and must escape them (an R&D metric name, a hostile label such as `Zhangdian x="y`). The markup is read by
 * parse5 (the HTML standard's parser, so it means here what it means in a page) and written again as XML, every
 * text and attribute escaped; comments are dropped.
 */
export function xmlSafeAttributes(svg: string): string {
  return parseFragment(svg).childNodes.map(asXml).join('');
}

const escapeXmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function asXml(node: P.ChildNode): string {
  if (node.nodeName === '#text') return escapeXmlText((node as P.TextNode).value);
  if (!('tagName' in node)) return '';
  const attributes = node.attrs.map((a) => ` ${a.prefix ? `${a.prefix}:` : ''}${a.name}="${escapeXmlText(a.value).replace(/"/g, '&quot;')}"`);
  const children = (node.nodeName === 'template' ? (node as P.Template).content : node).childNodes.map(asXml).join('');
  return children ? `<${node.tagName}${attributes.join('')}>${children}</${node.tagName}>` : `<${node.tagName}${attributes.join('')}/>`;
}

/** The longest side many image viewers and rasterisers accept (signed 16-bit): no download may exceed it. */
export const PNG_MAX_PX = 32_767;

/**
 * The density (dpi; 72 = one pixel per SVG unit) at which to rasterise an SVG of this size: `preferred` (144, two
 * pixels per unit, crisp on high-density screens) unless that would exceed PNG_MAX_PX, then as much as fits.
 * Aggregated charts are short by construction; this is the guarantee that no download can fail the build.
 */
export function pngDensity(width: number, height: number, preferred = 144, maxPx = PNG_MAX_PX - 1): number {
  const fits = (72 * maxPx) / Math.max(width, height, 1);
  return Math.min(preferred, Math.floor(fits * 100) / 100);
}
