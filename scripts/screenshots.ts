// npm run screenshots — what a reader sees, to look at before calling a page change done: the largest page of each
// main kind of the built site (dist/, or --dist) in both languages at a phone's and a desktop's width (390 and 1280 px), whole pages,
// into test-results/screenshots (or --out). Paths given after the options replace the main kinds. Each shot's line
// says how far its page scrolls sideways, which a phone reader should never have to do.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { commandLine, UsageError, usageErrors } from './lib/args.ts';
import { launchChromium } from './lib/chromium.ts';
import { serve } from './static-server.ts';

const WIDTHS = [390, 1280];

const { dist, out, base, paths } = usageErrors('screenshots', () => {
  const { values, positionals } = commandLine(
    { dist: { type: 'string', default: 'dist' }, out: { type: 'string', default: join('test-results', 'screenshots') }, base: { type: 'string' } },
    process.argv.slice(2),
    true,
  );
  if (!existsSync(join(values.dist, 'index.html'))) throw new UsageError(`--dist ${values.dist}: no built site there (npm run build makes dist/)`);
  const base = values.base ?? process.env.BASE_PATH ?? '/';
  return { dist: values.dist, out: values.out, base: base.endsWith('/') ? base : `${base}/`, paths: positionals };
});

/** The largest page of a kind (the most marks, rows and text to fit), as a path under the base; '' if there is none. */
const largest = (kind: string) => {
  const pages = existsSync(join(dist, kind)) ? readdirSync(join(dist, kind)).filter((e) => existsSync(join(dist, kind, e, 'index.html'))) : [];
  const size = (e: string) => statSync(join(dist, kind, e, 'index.html')).size;
  return pages.length ? `${kind}/${pages.reduce((a, b) => (size(b) > size(a) ? b : a))}/` : '';
};
const kinds = paths.length ? paths.map((p) => p.replace(/^\//, '')) : ['', ...['topics', 'metrics', 'regions', 'reports'].map(largest).filter(Boolean)];
const pages = [...kinds, ...kinds.map((p) => `en/${p}`)];

const { origin, server } = await serve(dist, base);
const browser = await launchChromium();
mkdirSync(out, { recursive: true });
try {
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 } });
    const page = await context.newPage();
    for (const path of pages) {
      // what the page fetches as it starts (a search's results) is on the screen too
      const response = await page.goto(`${origin}${base}${path}`, { waitUntil: 'networkidle' });
      const name = `${(path.replace(/\/$/, '') || 'home').replaceAll('/', '_')}-${width}.png`;
      await page.screenshot({ path: join(out, name), fullPage: true });
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      console.log(`${join(out, name)}  ${response?.status()}  ${sideways > 0 ? `scrolls sideways by ${sideways} px` : 'fits'}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
