// A static server for the built site under its sub-path, as GitHub Pages serves it (404.html for misses).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/**
 * The file under `root` that a request path names, or null: a malformed escape (%E0%A4%A) or a path that leaves the
 * root (../, ..%2f, or a sibling folder whose name starts with the root's, /srv/dist-old for /srv/dist) names none.
 */
export function fileFor(root: string, base: string, requestUrl: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(requestUrl, 'http://x').pathname);
  } catch {
    return null;
  }
  if (!path.startsWith(base) || path.includes('\0')) return null;
  const top = resolve(root);
  const file = resolve(top, `./${path.slice(base.length)}`);
  const inside = relative(top, file);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return file;
}

export function serve(root: string, base: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    let file = fileFor(root, base, request.url!);
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'Content-Type': TYPES['.html']! });
      response.end(readFileSync(join(root, '404.html')));
      return;
    }
    sendFile(request, response, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })),
  );
}

/**
 * A file's bytes, or the one byte range a `Range: bytes=a-b` / `bytes=a-` / `bytes=-n` header asks for (206), as
 * GitHub Pages answers them: the data explorer reads the Parquet footer and only the column chunks it needs.
 * A range past the end is 416; several ranges in one header are answered with the whole file, which a client must
 * accept (RFC 9110 §14.2). HEAD gets the headers alone.
 */
export function sendFile(request: IncomingMessage, response: ServerResponse, body: Buffer, type: string): void {
  const size = body.length;
  // GitHub Pages lets a browser keep every file ten minutes: a reader's next page reuses the scripts and fonts.
  const headers = { 'Content-Type': type, 'Accept-Ranges': 'bytes', 'Cache-Control': 'max-age=600' };
  const range = byteRange(request.headers.range, size);
  if (range === 'unsatisfiable') {
    response.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` });
    response.end();
    return;
  }
  const [start, end] = range ?? [0, size - 1];
  const part = body.subarray(start, end + 1);
  response.writeHead(range ? 206 : 200, {
    ...headers,
    'Content-Length': String(part.length),
    ...(range && { 'Content-Range': `bytes ${start}-${end}/${size}` }),
  });
  response.end(request.method === 'HEAD' ? undefined : part);
}

/** The inclusive byte range of a single-range header within `size` bytes; null for no (or an unusable) header. */
export function byteRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (!match[1] && !match[2])) return null;
  if (!match[1]) {
    const suffix = Number(match[2]);
    return suffix === 0 ? 'unsatisfiable' : [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(match[1]);
  const end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  if (match[2] && Number(match[2]) < start) return null;
  return start >= size ? 'unsatisfiable' : [start, end];
}
