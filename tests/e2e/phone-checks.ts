// What a phone reader needs from a page's frame and tables, measured on the rendered page: a header that leaves the
// screen to the answer, and table cells wide enough to read Chinese (a cell that breaks its text one or two
// characters a line is unreadable even when nothing overflows).
import type { Page } from 'playwright-core';

/** The tallest a page header may be on a phone: two lines of navigation at most. */
export const MAX_HEADER_PX = 96;
/** The narrowest a table cell holding Chinese may be, in characters of its own font size. */
export const MIN_CELL_CHARS = 3;

export type NarrowCell = { text: string; chars: number };

/** The height of the site header, in CSS pixels. */
export const headerHeight = (page: Page): Promise<number> =>
  page.evaluate(() => Math.round(document.querySelector('header.site')?.getBoundingClientRect().height ?? 0));

/**
 * Visible table cells with Chinese text whose text wraps in a box narrower than `minChars` characters. A cell
 * holding one or two characters on one line ("县") is not squeezed; the same width breaking 临泉县 over two lines is.
 */
export function narrowChineseCells(page: Page, minChars = MIN_CELL_CHARS): Promise<NarrowCell[]> {
  return page.evaluate((min) => {
    const found: { text: string; chars: number }[] = [];
    for (const cell of document.querySelectorAll<HTMLTableCellElement>('td, th')) {
      const text = (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (!/\p{Script=Han}/u.test(text)) continue;
      const box = cell.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || cell.closest('details:not([open]) > :not(summary)')) continue;
      const style = getComputedStyle(cell);
      const em = parseFloat(style.fontSize);
      const width = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (width >= min * em - 0.5) continue;
      const range = document.createRange();
      range.selectNodeContents(cell);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) found.push({ text: text.slice(0, 40), chars: Math.round((width / em) * 10) / 10 });
    }
    return found;
  }, minChars);
}
