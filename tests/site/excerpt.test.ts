import { describe, expect, it } from 'vitest';
import { excerptAround, excerptParts, htmlText } from '../../src/site/excerpt.ts';

describe('search excerpts', () => {
  it('show < and > of the page text as < and >, not as &lt; and &gt;', () => {
    expect(excerptParts('加大教育投入&lt;script&gt;alert(1)&lt;/script&gt; <mark>投资</mark>2亿元 R&amp;D')).toEqual([
      { text: '加大教育投入<script>alert(1)</script> ', mark: false },
      { text: '投资', mark: true },
      { text: '2亿元 R&D', mark: false },
    ]);
  });

  it('unescape once only, and keep any markup but <mark> out', () => {
    expect(htmlText('&amp;lt;b&amp;gt; &#60;&#x3E; <img src=x onerror=alert(1)>&quot;')).toBe('&lt;b&gt; <> "');
    expect(htmlText('&#0; &#x110000; &unknown;')).toBe('&#0; &#x110000; &unknown;');
  });

  it('show the passage of the page that holds a Chinese word whole, not one that holds only its characters', () => {
    // 000-p2's report page: Pagefind matched 投入 and 园 for 入园率, and the page holds 入园率 further on
    const page = `实施学前教育项目工程,改扩建8所幼儿园已投入使用。${'其他内容。'.repeat(20)}全县学前教育毛入\n园率达96。57%,义务教育巩固率…`;
    const parts = excerptAround(page, ['入园率'], 10);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['入\n园率']);
    expect(parts.map((p) => p.text).join('')).toBe('…内容。全县学前教育毛入\n园率达96。57%,义务…');
    // every word of the query is marked where the passage holds it
    expect(
      excerptAround(page, ['学前教育', '入园率'], 200)
        .filter((p) => p.mark)
        .map((p) => p.text),
    ).toEqual(['学前教育', '学前教育', '入\n园率']);
    expect(excerptAround(page, ['入学率'])).toEqual([]);
  });
});
