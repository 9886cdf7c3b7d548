// The test server answers byte ranges as GitHub Pages does: the data explorer reads a Parquet file's footer and
// column chunks with them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byteRange, serve } from '../../scripts/static-server.ts';

const BYTES = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
let origin: string;
let server: Server;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'range-'));
  writeFileSync(join(root, 'table.parquet'), BYTES);
  writeFileSync(join(root, '404.html'), 'not found');
  writeFileSync(join(root, 'font.woff2'), 'wOF2');
  ({ origin, server } = await serve(root, '/site/'));
});
afterAll(() => server?.close());

const get = (headers: Record<string, string> = {}, method = 'GET') => fetch(`${origin}/site/table.parquet`, { headers, method });

describe('byte ranges of the static server', () => {
  it('sends the whole file with Accept-Ranges and its length when no range is asked', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-length')).toBe('1000');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(BYTES);
  });

  it('sends the bytes of a closed range with 206 and Content-Range', async () => {
    const res = await get({ Range: 'bytes=100-199' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(BYTES.subarray(100, 200));
  });

  it('sends the last n bytes for a suffix range, as a Parquet reader asks for the footer', async () => {
    const res = await get({ Range: 'bytes=-8' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 992-999/1000');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(BYTES.subarray(992));
  });

  it('sends from an offset to the end for an open range, and clips an end past the file', async () => {
    expect(Buffer.from(await (await get({ Range: 'bytes=990-' })).arrayBuffer())).toEqual(BYTES.subarray(990));
    const clipped = await get({ Range: 'bytes=995-5000' });
    expect(clipped.headers.get('content-range')).toBe('bytes 995-999/1000');
  });

  it('answers a range that starts past the end with 416 and the size', async () => {
    const res = await get({ Range: 'bytes=1000-' });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */1000');
  });

  it('answers HEAD with the length and no body, for readers that ask the size first', async () => {
    const res = await get({}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('1000');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('ignores headers it cannot serve as one range: several ranges, other units, reversed bounds', () => {
    expect(byteRange('bytes=0-1,5-6', 10)).toBeNull();
    expect(byteRange('items=0-1', 10)).toBeNull();
    expect(byteRange('bytes=5-2', 10)).toBeNull();
    expect(byteRange('bytes=-', 10)).toBeNull();
    expect(byteRange('bytes=-0', 10)).toBe('unsatisfiable');
    expect(byteRange('bytes=-50', 10)).toEqual([0, 9]);
  });
});

describe('caching, as GitHub Pages serves a site', () => {
  it('lets a browser keep each file ten minutes, so the next page reuses its scripts and fonts', async () => {
    expect((await get()).headers.get('cache-control')).toBe('max-age=600');
    expect((await get({ Range: 'bytes=0-9' })).headers.get('cache-control')).toBe('max-age=600');
  });

  it('names a font’s type', async () => {
    expect((await fetch(`${origin}/site/font.woff2`)).headers.get('content-type')).toBe('font/woff2');
  });
});
