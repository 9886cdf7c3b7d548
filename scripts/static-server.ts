// A static server for the built site under its sub-path, as GitHub Pages serves it (404.html for misses).
import { createServer, type Server } from 'node:http';
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
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })),
  );
}
