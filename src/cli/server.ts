import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { escapeRegExp } from '../shared/regexp.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8', '.bib': 'text/plain; charset=utf-8', '.ris': 'text/plain; charset=utf-8', '.csv': 'text/csv',
};

/** Types a static host compresses (fonts, wasm and Pagefind's own gzipped files are sent as they are). */
const compressible = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.txt', '.bib', '.ris', '.csv']);

/** The rules of a `_headers` file: a path (`*` matches any run of characters) and the headers sent for it. */
export function parseHeaders(text: string): { path: string; headers: [string, string][] }[] {
  return text.split(/\n(?=\S)/).filter((b) => b.trim()).map((block) => {
    const [path, ...lines] = block.split('\n');
    return { path: path!.trim(), headers: lines.filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()] as [string, string]) };
  });
}

/** Whether the path of a `_headers` rule matches a request's path, as Netlify and Cloudflare Pages read it: `*` matches any run of characters. */
export function headerPathMatches(rule: string, path: string): boolean {
  return new RegExp(`^${rule.split('*').map(escapeRegExp).join('.*')}$`).test(path);
}

/**
 * Serves a built site on a free loopback port under `base`, as a static host would; with `gzip`, text is sent
 * gzip-encoded to clients that accept it, as hosts do (the performance bench measures the site that way); with
 * `headers`, each response carries the headers the site's `_headers` file gives its path (caching among them).
 */
export async function serve(dir: string, base = '/', options: { gzip?: boolean; headers?: boolean } = {}): Promise<{ origin: string; url: (path: string) => string; close: () => Promise<void> }> {
  const gzipped = new Map<string, Buffer>();
  const rules = options.headers ? parseHeaders(readFileSync(join(dir, '_headers'), 'utf8')) : [];
  const headersFor = (path: string) =>
    Object.fromEntries(rules.filter((r) => headerPathMatches(r.path, path)).flatMap((r) => r.headers.map(([name, value]) => [name.toLowerCase(), value])));
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = types[extname(file)] ?? 'application/octet-stream';
    if (options.gzip && compressible.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file), { level: 9 }));
      res.writeHead(200, { 'content-type': type, ...headersFor(path), 'content-encoding': 'gzip', vary: 'accept-encoding' }).end(gzipped.get(file));
      return;
    }
    res.writeHead(200, { 'content-type': type, ...headersFor(path) });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path: string) => origin + base + path.replace(/^\//, ''),
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
