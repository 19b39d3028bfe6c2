import { gzipSync } from 'node:zlib';
import type { Kind } from './budgets.ts';

/**
 * Bytes a static host serving gzip would send for a body: gzip at level 9, or the body as it is when gzip does not
 * make it smaller (woff2, wasm and Pagefind's pre-compressed files are sent as they are).
 */
export function gzipSize(body: Uint8Array | string): number {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  if (bytes.length === 0) return 0;
  return Math.min(bytes.length, gzipSync(bytes, { level: 9 }).length);
}

/** The kind of a response, from its content type, else from its URL's extension. */
export function kindOf(url: string, contentType = ''): Kind {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  const path = new URL(url, 'http://x').pathname.toLowerCase();
  if (type === 'text/html' || /\/$|\.html$/.test(path)) return 'html';
  if (type === 'text/css' || path.endsWith('.css')) return 'css';
  if (/javascript|ecmascript/.test(type) || /\.m?js$/.test(path)) return 'js';
  if (type.startsWith('font/') || /\.(?:woff2?|ttf|otf)$/.test(path)) return 'font';
  return 'other';
}

/** Sums gzip sizes by kind. */
export function tally(responses: { url: string; contentType?: string; body: Uint8Array }[]): Record<Kind, number> {
  const sums: Record<Kind, number> = { html: 0, css: 0, js: 0, font: 0, other: 0 };
  for (const r of responses) sums[kindOf(r.url, r.contentType)] += gzipSize(r.body);
  return sums;
}

/**
 * A page's HTML with everything inside its `<main>` removed: the shell the page carries whatever its content (the
 * head and its metadata, the header, the footer). Throws unless the page has exactly one `<main>`. Pure.
 */
export function emptyMain(html: string): string {
  const opens = html.match(/<main\b/g)?.length ?? 0;
  const close = html.indexOf('</main>');
  if (opens !== 1 || close === -1) throw new Error(`emptyMain: expected one <main>…</main>, found ${opens} opening tag(s)`);
  const start = html.indexOf('>', html.search(/<main\b/)) + 1;
  return html.slice(0, start) + html.slice(close);
}
