// Chart labels are drawn as SVG text and rasterised for the PNG downloads, where the cost grows with their length
// (a 25,000-character label took 24 s in the renderer). Every part of a label is cut to this before drawing; the
// chart's table and the pages show the whole name.

/** Characters of a region name or scope in a chart label: the longest real name is 51. */
export const MAX_LABEL_CHARS = 60;

/** `text` cut to `max` characters (code points), with … when cut. */
export function capLabel(text: string, max = MAX_LABEL_CHARS): string {
  if (text.length <= max) return text;
  const chars = Array.from(text.slice(0, max * 2));
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
