// node scripts/bench-scale/explorer-visit.ts <site root> <path>: three fresh visits of the explorer at <path>,
// served at / by the project's static server; prints one JSON line (see explorer.ts).
import { chromium } from 'playwright-core';
import { serve } from '../static-server.ts';

const [root, path] = process.argv.slice(2) as [string, string];
const { origin, server } = await serve(root, '/');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const runs: { ms: number; rows: string; bytes: number; requests: number; fileBytes: number }[] = [];
try {
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    let bytes = 0;
    let requests = 0;
    const sizes = new Map<string, number>();
    page.on('response', (r) => {
      if (!r.url().endsWith('.parquet')) return;
      requests++;
      bytes += Number(r.headers()['content-length'] ?? 0);
      const total = /\/(\d+)$/.exec(r.headers()['content-range'] ?? '')?.[1];
      if (total) sizes.set(r.url(), Number(total));
    });
    await page.goto(`${origin}/${path}`);
    await page.waitForSelector('[data-explorer][data-ready]', { timeout: 60_000 });
    runs.push({
      ms: Number(await page.getAttribute('[data-explorer]', 'data-first-result-ms')),
      rows: await page.locator('[data-explore-status]').innerText(),
      bytes,
      requests,
      fileBytes: [...sizes.values()].reduce((a, b) => a + b, 0),
    });
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const sorted = [...runs].sort((a, b) => a.ms - b.ms);
const middle = sorted[1]!;
console.log(
  JSON.stringify({
    first_result_ms: middle.ms,
    runs_ms: runs.map((r) => r.ms),
    rows: middle.rows,
    read_bytes: middle.bytes,
    requests: middle.requests,
    file_bytes: middle.fileBytes,
  }),
);
