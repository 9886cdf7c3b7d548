// A screen reader reads text with the voice of its lang: Chinese cited in English notes, English notes on the
// Chinese site, each marked where it stands.
import { describe, expect, it } from 'vitest';
import { markLanguageRuns } from '../../src/site/lang-runs.ts';
import { readerName } from '../../src/site/chart-rows.ts';

const page = (lang: string, body: string) => `<!doctype html><html lang="${lang}"><head><title>张店 title</title></head><body>${body}</body></html>`;

describe('markLanguageRuns', () => {
  it('marks Chinese inside English text on an English page', () => {
    expect(markLanguageRuns(page('en', '<p>Roving supervision groups (巡回督导组) for the theme education.</p>'))).toContain(
      '<p>Roving supervision groups (<span lang="zh-Hans">巡回督导组</span>) for the theme education.</p>',
    );
  });

  it('marks English sentences on a Chinese page, and leaves file names and short codes alone', () => {
    const html = markLanguageRuns(page('zh-Hans', '<p>说明：The title and the body name 2019 as the year.</p><p>下载 CSV（UTF-8）· CC BY 4.0</p>'));
    expect(html).toContain('说明：<span lang="en">The title and the body name 2019 as the year.</span>');
    expect(html).toContain('<p>下载 CSV（UTF-8）· CC BY 4.0</p>');
  });

  it('leaves text already in an element of its language, charts, code, options and the head as they are', () => {
    const body =
      '<div lang="zh-Hant">學校統計</div><svg><text>张店区</text></svg><code>张店</code><select><option>张店区</option></select><p title="张店">x</p>';
    const html = markLanguageRuns(page('en', body));
    expect(html).toContain(body);
    expect(html).toContain('<title>张店 title</title>');
  });

  it('keeps the text itself unchanged', () => {
    const body = '<p>A &amp; B: 学前三年毛入园率 “学前教育毛入园率” rose; <a href="/x">张店区教育和体育局</a><br>next line 2019年</p>';
    const html = markLanguageRuns(page('en', body));
    expect(html.replace(/<span lang="zh-Hans">|<\/span>/g, '')).toBe(page('en', body));
  });
});

describe('readerName', () => {
  it('says in words which source and part tell an unnamed region apart', () => {
    expect(readerName('未具名县（003篇c）')).toBe('未具名县（来源 003 第 3 篇）');
    expect(readerName('Unnamed county (003 part c)')).toBe('Unnamed county (source 003, report 3)');
    expect(readerName('张店区')).toBe('张店区');
  });
});

describe('markLanguageRuns on hostile text', () => {
  const bare = (html: string) => html.replace(/<span lang="(?:en|zh-Hans)">|<\/span>/g, '');

  it('never writes inside an attribute, even one holding ">" and a tag after ordinary words', () => {
    const label = '学校建设投资> aa bb cc <meta http-equiv=refresh content=2;url=/PWNED><style>p{}</style><a href=/x>';
    const body = `<p>每所学校<a href="/r" aria-label="${label}">学校建设投资</a></p>`;
    const html = markLanguageRuns(page('zh-Hans', body));
    expect(html).toContain(`aria-label="${label}"`);
    expect(bare(html)).toBe(page('zh-Hans', body));
  });

  it('treats "</svg>" inside a chart attribute as text, and leaves the chart whole', () => {
    const body = '<svg aria-label="Boshan></svg> aa bb cc 中 <a href=/x>"><text>中</text></svg><p>After 张店 text</p>';
    const html = markLanguageRuns(page('en', body));
    expect(html).toContain('<svg aria-label="Boshan></svg> aa bb cc 中 <a href=/x>"><text>中</text></svg>');
    expect(html).toContain('<p>After <span lang="zh-Hans">张店</span> text</p>');
  });

  it('never cuts a character reference in two', () => {
    const body = '<p>说明：报告称&quot;Nanyue Outstanding Teacher&quot;，时间为&quot;2014—2018年&quot;。</p>';
    const html = markLanguageRuns(page('zh-Hans', body));
    expect(html).not.toMatch(/&[^;\s<>]*<span/);
    expect(html).toContain('报告称"<span lang="en">Nanyue Outstanding Teacher</span>"，');
    // The text a reader sees is the same, only set in spans.
    const text = (h: string) => h.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"');
    expect(text(html)).toBe(text(page('zh-Hans', body)));
  });

  it('escapes what it writes back, so text that looks like markup stays text', () => {
    const html = markLanguageRuns(page('zh-Hans', '<p>说明：&lt;script&gt;alert(1) is not a tag here&lt;/script&gt;</p>'));
    expect(html).toContain('&lt;script&gt;<span lang="en">alert(1) is not a tag here</span>&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });
});
