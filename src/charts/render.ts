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
  return svg.replace(
    /(\s[\w:-]+=")([^"]*)"/g,
    (_, head: string, value: string) => `${head}${value.replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;').replace(/</g, '&lt;')}"`,
  );
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
