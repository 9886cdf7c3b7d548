// What a reader sees of a page's charts on a phone, measured on the rendered page: where the first plot starts,
// how much stands between each chart's title and its plot, and how small its links are.
import type { Page } from 'playwright-core';

/** The phone screen the answer must start on. */
export const SCREEN = { width: 390, height: 844 };
/** Title to plot, in CSS pixels: the median over a page's charts, and the most for any one. */
export const MAX_TITLE_TO_PLOT_MEDIAN = 90;
export const MAX_TITLE_TO_PLOT = 120;
/** The smallest a chart link may be, each way (WCAG 2.2 target size, minimum). */
export const MIN_TARGET_PX = 24;

export type ChartScreen = {
  /** Top of the first visible plot, from the top of the page; null when the page has none. */
  firstPlot: number | null;
  /** For each visible chart: its id and the distance from its title's bottom to its plot's top. */
  gaps: { id: string; px: number }[];
  /** Chart links (the marks of a plot) smaller than the minimum target, with their size. */
  small: { href: string; width: number; height: number }[];
  links: number;
  downloads: number;
  visibleDownloads: number;
};

export function chartScreen(page: Page, min = MIN_TARGET_PX): Promise<ChartScreen> {
  return page.evaluate((min) => {
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    };
    const top = (el: Element) => el.getBoundingClientRect().top + window.scrollY;
    const plots = [...document.querySelectorAll('figure.chart .plot svg, figure.chart svg')].filter(visible);
    const gaps: { id: string; px: number }[] = [];
    for (const figure of document.querySelectorAll<HTMLElement>('figure.chart')) {
      const title = figure.querySelector('h2, h3');
      const plot = [...figure.querySelectorAll('svg')].find(visible);
      if (!title || !plot) continue;
      gaps.push({ id: figure.id || figure.dataset.growth || '', px: Math.round(top(plot) - (title.getBoundingClientRect().bottom + window.scrollY)) });
    }
    const small: { href: string; width: number; height: number }[] = [];
    for (const a of document.querySelectorAll('figure.chart svg a')) {
      if (!visible(a)) continue;
      const box = a.getBoundingClientRect();
      if (box.width < min - 0.5 || box.height < min - 0.5)
        small.push({ href: a.getAttribute('href') ?? '', width: Math.round(box.width), height: Math.round(box.height) });
    }
    const downloads = [...document.querySelectorAll('a[download]')];
    return {
      firstPlot: plots.length ? Math.round(Math.min(...plots.map(top))) : null,
      gaps,
      small,
      links: document.querySelectorAll('a[href]').length,
      downloads: downloads.length,
      visibleDownloads: downloads.filter(visible).length,
    };
  }, min);
}

export const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
