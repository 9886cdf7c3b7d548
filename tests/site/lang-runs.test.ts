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
