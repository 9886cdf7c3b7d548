import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { indexableHtml } from '../../src/site/search-text.ts';

// Pagefind reads text as the DOM holds it: the words a page's text nodes make when joined.
const words = (html: string) => parseHTML(`<html><body>${html}</body></html>`).document.body.textContent;

describe('indexableHtml', () => {
  it('ends every field, cell and paragraph with a word boundary', () => {
    const html = '<dl><dt>Unit</dt><dd>people</dd><dt>Chinese name</dt><dd>学校设计</dd></dl><table><tr><td>2022</td><td>95%</td></tr></table><p>a</p><p>b</p>';
    expect(words(html)).toBe('UnitpeopleChinese name学校设计202295%ab');
    expect(words(indexableHtml(html))).toBe('Unit people Chinese name 学校设计 2022 95% a b ');
  });

  it('leaves text inside a sentence as written: inline marks, numbers and Chinese decimals stay whole', () => {
    const html = '<p>投入<mark>13。7</mark>亿元，<a href="#x">占比<b>100%</b></a></p>';
    expect(words(indexableHtml(html))).toBe('投入13。7亿元，占比100% ');
  });

  it('gives Pagefind no style sheet to read, and keeps everything around it', () => {
    const page =
      '<html lang="en"><head><title>T</title><style>p{color:red}</style></head><body><svg><style>.plot{}</style><text>张店区</text></svg><p>a</p></body></html>';
    expect(indexableHtml(page)).toBe('<html lang="en"><head><title>T</title></head><body><svg><text>张店区</text></svg><p>a</p> </body></html>');
  });
});
