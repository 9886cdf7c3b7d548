// What a reader of any page must never meet, checked in the browser on the rendered page: a page wider than the
// screen, chart text drawn outside its chart, text in the other language read with the page's voice, prose of the
// other language where the page's own belongs, and the codes of the data files where words belong.
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
    // Prose in the page's language. A Chinese page shows no English prose outside code and closed toggles; an English
    // page no Chinese except the report's own words: an element the page declares Chinese (its text, sentences,
    // evidence, titles, names) or words cited inside English text. The spans that src/site/lang-runs.ts puts around
    // a run of the other language only mark its voice: they declare nothing.
    const pageLang = doc.lang.toLowerCase().slice(0, 2);
    const isRun = (el: Element) => {
      const lang = (el.getAttribute('lang') ?? '').toLowerCase();
      const outside = (el.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase();
      return el.tagName === 'SPAN' && el.attributes.length === 1 && (lang === 'en' || lang === 'zh-hans') && !outside.startsWith(lang.slice(0, 2));
    };
    const declared = (el: Element) => {
      let at: Element | null = el.closest('[lang]');
      while (at && at !== doc && isRun(at)) at = at.parentElement!.closest('[lang]');
      return at && at !== doc ? at : null;
    };
    // English words: letters not glued to digits, underscores or dots, so ids (f047), codes (alternative_to) and file
    // names (p1-anon-city.txt, data/releases/) are not words; a full stop after a word is no glue
    const word = String.raw`(?<![\w./-])[A-Za-z][a-z]+(?![\w/-]|\.\w)`;
    const words = (text: string) => text.match(new RegExp(word, 'g'))?.length ?? 0;
    const englishProse = new RegExp(`${word}(?:[\\s,;:'’()]+${word})+`);
    const prose = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = prose.nextNode(); node; node = prose.nextNode()) {
      const text = node.textContent ?? '';
      const el = node.parentElement!;
      if (!text.trim() || el.closest('script, style, code, pre, noscript, [aria-hidden="true"]') || !visible(el)) continue;
      const own = declared(el);
      const ownLang = (own?.getAttribute('lang') ?? '').toLowerCase();
      if (pageLang === 'zh' && englishProse.test(text)) {
        // an element declared English holds a name (a metric's English name), never a sentence, unless it is the
        // page's whole twin under its own heading (the 404 page answers every address in both languages)
        const declaredEnglish = ownLang.startsWith('en') ? own! : null;
        const name = declaredEnglish && !/[.;!?](\s|$)/.test(declaredEnglish.textContent!) && words(declaredEnglish.textContent!) <= 12;
        const twin = declaredEnglish?.querySelector('h1, h2, h3, h4, h5, h6');
        if (!name && !twin) add('en-prose-on-zh', text);
      }
      if (pageLang === 'en' && han.test(text) && !ownLang.startsWith('zh')) {
        // Chinese cited in English (a school's name, a term of the report) sits in English text: its element, or the
        // element around its run, has an English word of its own
        const container = isRun(el) ? el.parentElement! : el;
        const around = [...container.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent!.replace(/\p{Script=Han}+/gu, ' '));
        if (!words(around.join(' '))) add('zh-prose-on-en', text);
      }
    }
    return problems;
  });
}
