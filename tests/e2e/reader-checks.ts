// What a reader of any page must never meet, checked in the browser on the rendered page: a page wider than the
// screen, chart text drawn outside its chart, text in the other language read with the page's voice, and the
// codes of the data files where words belong.
import type { Page } from 'playwright-core';

export type ReaderProblem = { kind: string; text: string };

/** Runs in the page. Returns every problem found, each with a short excerpt. */
export async function readerProblems(page: Page): Promise<ReaderProblem[]> {
  return page.evaluate(() => {
    const problems: { kind: string; text: string }[] = [];
    const add = (kind: string, text: string) => problems.length < 200 && problems.push({ kind, text: text.replace(/\s+/g, ' ').trim().slice(0, 120) });
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) add('overflow', `document ${doc.scrollWidth}px wide in a ${doc.clientWidth}px window`);
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden' && el.closest('details:not([open]) > :not(summary)') === null;
    };
    // Chart text inside its chart, and no file codes in it.
    for (const svg of document.querySelectorAll('svg')) {
      if (!visible(svg)) continue;
      const box = svg.getBoundingClientRect();
      for (const text of svg.querySelectorAll('text')) {
        const t = text.getBoundingClientRect();
        if (t.width === 0) continue;
        if (t.left < box.left - 1 || t.right > box.right + 1 || t.top < box.top - 1 || t.bottom > box.bottom + 1)
          add('svg-text-outside', text.textContent ?? '');
        const label = text.textContent ?? '';
        if (/\d{4}\s*[HS][12]\b|\bH[12]\b|（Y）|\(Y\)|\b0\d{2}篇|篇[a-z]\b|\b0\d{2} part [a-z]\b|[（(]\d[)）]/.test(label)) add('code-in-chart', label);
      }
    }
    // Language: every run of text is in the language of its nearest lang attribute.
    const han = /\p{Script=Han}/u;
    const english = /[A-Za-z]{3,}(?:[\s,;:'’-]+[A-Za-z]{2,}){3,}/;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!text.trim()) continue;
      const el = node.parentElement!;
      if (el.closest('script, style, code, pre, title, noscript, [aria-hidden="true"]') || !visible(el)) continue;
      const lang = (el.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase();
      if (lang.startsWith('en') && han.test(text)) add('zh-in-en', text);
      if (lang.startsWith('zh') && english.test(text) && !/https?:\/\//.test(text)) add('en-in-zh', text);
      if (/（Y）|\(Y\)|\b\d{4}[HS][12]\b/.test(text)) add('code-in-text', text);
    }
    return problems;
  });
}
