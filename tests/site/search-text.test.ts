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

describe('indexableHtml and what Pagefind ignores', () => {
  // What Pagefind indexes of a page: its text without the elements marked data-pagefind-ignore.
  const indexed = (html: string) => {
    const { document } = parseHTML(`<html><body>${html}</body></html>`);
    for (const e of document.querySelectorAll('[data-pagefind-ignore]')) e.remove();
    return document.body.textContent.replace(/\s+/g, ' ').trim();
  };
  const page = [
    '<h2 data-pagefind-ignore>全部数据</h2><p>临泉县 学前三年毛入园率</p>',
    '<figure class="map" data-map="locator" data-pagefind-ignore><svg><path d="M0,0L1,1"></path><title>安徽省</title></svg><figcaption>位置 <span>地图</span></figcaption></figure>',
    '<div class="table-wrap" data-pagefind-ignore><table class="cards" data-pagefind-ignore><thead><tr><th>指标</th></tr></thead><tbody><tr><td>&lt;/table&gt; 95%</td></tr></tbody></table></div>',
    '<table><caption>按年份</caption><tr><td>2022</td></tr></table>',
    '<figure><figcaption>来源</figcaption></figure><p>结尾</p>',
  ].join('');

  it('drops the maps and tables marked ignored before Pagefind parses them, and indexes the same words', () => {
    const html = indexableHtml(page);
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('class="cards"');
    expect(html).toContain('<table><caption>按年份</caption>');
    // the same words as Pagefind would index of the page as built, now with a boundary after each block
    expect(indexed(html).replace(/ /g, '')).toBe(indexed(page).replace(/ /g, ''));
    expect(indexed(html)).toBe('临泉县 学前三年毛入园率 按年份 2022 来源 结尾');
  });

  it('keeps every other element marked ignored for Pagefind to skip', () => {
    const html = '<div data-pagefind-ignore="all"><p>下载</p></div><ul class="legend" data-pagefind-ignore><li>国家</li></ul><p>文字</p>';
    expect(indexableHtml(html)).toBe(
      '<div data-pagefind-ignore="all"><p>下载</p> </div> <ul class="legend" data-pagefind-ignore><li>国家</li> </ul><p>文字</p> ',
    );
  });
});

describe('indexableHtml and badges', () => {
  it('sets a badge apart from the link it follows, as a figure card’s head shows them', () => {
    const html = '<p class="figure-card-head"><a href="/r/">Zhangdian District, Zibo</a><span class="badge">Zibo safe campuses</span> · 2019</p>';
    expect(words(html)).toContain('ZiboZibo');
    expect(words(indexableHtml(html))).toBe('Zhangdian District, Zibo Zibo safe campuses · 2019 ');
  });
});
