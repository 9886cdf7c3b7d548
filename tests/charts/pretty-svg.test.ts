// The stored form of SVG snapshots: one element a line, and the chart's own SVG back from it exactly.
import { describe, expect, it } from 'vitest';
import { compactSvg, prettySvg } from './pretty-svg.ts';

const SVG =
  '<svg viewBox="0 0 10 10"><style>:where(.p) {\n  display: block;\n}</style><g aria-label="a > b"><text x="1">甲 · 2019</text><line x1="0" /></g><g><rect /></g></svg>';

describe('prettySvg', () => {
  it('puts each element on its own line, indented by depth, text and style content on their tag’s line', () => {
    expect(prettySvg(SVG)).toBe(
      [
        '<svg viewBox="0 0 10 10">',
        '  <style>:where(.p) {\n  display: block;\n}</style>',
        '  <g aria-label="a > b">',
        '    <text x="1">甲 · 2019</text>',
        '    <line x1="0" />',
        '  </g>',
        '  <g>',
        '    <rect />',
        '  </g>',
        '</svg>',
        '',
      ].join('\n'),
    );
  });

  it('gives back the SVG it was made from', () => {
    expect(compactSvg(prettySvg(SVG))).toBe(SVG);
  });

  it('refuses an SVG whose own line breaks between tags its pretty form would hide', () => {
    expect(() => prettySvg('<svg>\n  <g /></svg>')).toThrow(/line break/);
  });
});
