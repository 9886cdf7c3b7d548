// The one server-side renderer: Plot draws into a linkedom document at build time, so charts are plain SVG in
// the HTML and need no JavaScript to be seen.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export function renderSvg(spec: Plot.PlotOptions, ariaLabel: string): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({ ...spec, document: document as unknown as Document }) as unknown as Element;
  // Plot labels its mark groups with aria-label; axe requires a role on an element that carries one.
  for (const g of svg.querySelectorAll('g[aria-label]')) g.setAttribute('role', 'group');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', ariaLabel);
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  return svg.outerHTML;
}
