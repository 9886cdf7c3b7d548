// A built page is parsed once for its language marks and its content policy: the result is the same as marking the
// page and then setting its policy, each on its own parse.
import { describe, expect, it } from 'vitest';
import { applyEdits, parsePage } from '../../src/site/html-edits.ts';
import { languageEdits, markLanguageRuns } from '../../src/site/lang-runs.ts';
import { policyEdits, strictPagePolicy } from '../../src/site/csp.ts';

const page = (lang: string, body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="script-src 'self'"><style>p{color:red}</style><title>张店 title</title></head><body>${body}</body></html>`;

const bodies = [
  '<p>Roving supervision groups (巡回督导组) for the theme education.</p><script type="module" src="/_astro/Base.js"></script>',
  '<p>说明：The title and the body name 2019 as the year.</p><p title="a > b 张店" style="color:blue">学校 &lt;/p&gt; Three English words here</p><svg style="font-size:13px"><text>张店区</text></svg>',
  '<table><tr><td>学前三年毛入园率</td>stray text in a table</tr></table><script type="module" src="/_astro/Chart.js"></script><p>end 2019年</p>',
];

describe('one parse for the language marks and the content policy', () => {
  for (const [i, body] of bodies.entries())
    for (const lang of ['zh-Hans', 'en'])
      it(`gives the page of two passes (page ${i + 1}, ${lang})`, () => {
        const html = page(lang, body);
        const parsed = parsePage(html);
        const once = applyEdits(html, [...languageEdits(parsed), ...policyEdits(parsed, '/_astro/').edits]);
        expect(once).toBe(strictPagePolicy(markLanguageRuns(html), '/_astro/').html);
      });
});

describe('applyEdits', () => {
  it('applies edits by position whatever their order, inserts at a point, and drops one overlapping an applied edit', () => {
    const edits = [
      { start: 6, end: 6, html: '+' },
      { start: 0, end: 1, html: 'A' },
      { start: 3, end: 5, html: 'xy' },
      { start: 4, end: 6, html: 'never' },
    ];
    expect(applyEdits('abcdefg', edits)).toBe('Abcxyf+g');
  });
});
