import { describe, expect, it } from 'vitest';
import { excerptParts, htmlText } from '../../src/site/excerpt.ts';

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
});
