// A page may run the build's bundled scripts and nothing else: no data file, however shaped, no inline script.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { strictPagePolicy } from '../../src/site/csp.ts';

const page = (head: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="script-src 'self'">${head}</head><body>${body}</body></html>`;
const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';

describe('strictPagePolicy', () => {
  const html = page(
    '<style>p{color:red}</style>',
    '<p>x</p><script type="module" src="/base/_astro/Base.js"></script><svg style="font-size:13px"><style>.plot{}</style></svg><script type="module" src="/base/_astro/Chart.js"></script>',
  );
  const { html: out, policy } = strictPagePolicy(html, '/base/_astro/');

  it('allows scripts by the hash of one loader that adds the bundled scripts, never by origin', () => {
    const loader = /<script>([^<]*)<\/script><\/body>/.exec(out)![1]!;
    expect(loader).toContain('["/base/_astro/Base.js","/base/_astro/Chart.js"]');
    expect(directive(policy, 'script-src')).toBe(`script-src ${hash(loader)} 'strict-dynamic' 'wasm-unsafe-eval'`);
    expect(out).not.toContain('<script type="module"');
    expect(out.match(/<meta http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
    expect(out).toContain(`content="${policy}"`);
  });

  it('allows styles by hash, style attributes by hash only, and nothing inline by default', () => {
    const style = directive(policy, 'style-src');
    expect(style).toContain(hash('p{color:red}'));
    expect(style).toContain(hash('.plot{}'));
    expect(style).toContain(`'unsafe-hashes' ${hash('font-size:13px')}`);
    expect(policy).not.toContain('unsafe-inline');
  });

  it('refuses a page holding a script the build did not bundle: a data file, inline code, an image script', () => {
    const data = page('', '<p>学校</p><script src="/base/data/sources/000.txt"></script>');
    expect(() => strictPagePolicy(data, '/base/_astro/', '/reports/000/')).toThrow(
      /\/reports\/000\/: a script the build did not bundle \(src="\/base\/data\/sources\/000.txt"\)/,
    );
    expect(() => strictPagePolicy(page('', '<script>alert(1)</script>'), '/base/_astro/')).toThrow(/inline/);
    expect(() => strictPagePolicy(page('', '<script type="module" src="/base/_astro/../data/x.txt"></script>'), '/base/_astro/')).toThrow();
    expect(() => strictPagePolicy(page('', '<svg><script href="/x.js"></script></svg>'), '/base/_astro/')).toThrow(/image/);
  });

  it('leaves data blocks alone and gives a page without scripts none', () => {
    const { policy: none, html: kept } = strictPagePolicy(page('', '<script type="application/ld+json">{"a":1}</script>'), '/_astro/');
    expect(directive(none, 'script-src')).toBe("script-src 'none'");
    expect(kept).toContain('<script type="application/ld+json">');
  });

  it('adds the policy after the charset when the layout wrote none', () => {
    const { html: added } = strictPagePolicy('<!doctype html><html><head><meta charset="utf-8"><title>x</title></head><body></body></html>', '/_astro/');
    expect(added).toMatch(
      /^<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none';/,
    );
  });
});
