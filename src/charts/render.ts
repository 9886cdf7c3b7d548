// The one server-side renderer: Plot draws into a linkedom document at build time, so charts are plain SVG in
// the HTML and need no JavaScript to be seen.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

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
 * linkedom serialises as HTML, where "&" and "<" may stand bare inside attribute values; a standalone .svg file is
 * XML and must escape them (an R&D metric name, a hostile label).
 */
export function xmlSafeAttributes(svg: string): string {
  return svg.replace(/(\s[\w:-]+=")([^"]*)"/g, (_, head: string, value: string) =>
    `${head}${value.replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;').replace(/</g, '&lt;')}"`);
}
