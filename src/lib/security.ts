/**
 * The Content-Security-Policy every page is served with (a meta tag in each page, and `_headers` for static hosts
 * that read one). Each allowance is there for one reason:
 * - `'wasm-unsafe-eval'`: Pagefind's search runs as WebAssembly (never `'unsafe-eval'`);
 * - `style-src-attr 'unsafe-inline'`: KaTeX positions glyphs with inline `style` attributes; no `<style>` element
 *   or inline script is allowed;
 * - `img-src data:`: none of our pages needs it, but Pagefind's interface draws placeholders as data URIs.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Directives a meta tag cannot carry; they go only into `_headers`. */
export const headerOnlyDirectives = ["frame-ancestors 'none'"];

/**
 * Folders whose files are named by their content (Vite's hashed assets; Pagefind's index chunks, fragments and
 * filters): a build that changes a file gives it a new name, so a browser may keep them for good and a reader's
 * next page asks again for its HTML only. Pagefind's script, wasm, entry file and the pages keep the host's default.
 */
export const immutableFolders = ['_astro/', 'pagefind/index/', 'pagefind/fragment/', 'pagefind/filter/'];

/**
 * The `_headers` file (Netlify, Cloudflare Pages and others read it); `asset` puts a path under the base path, and
 * `more` are further rules (the downloads' Content-Type, src/lib/download-types.ts).
 */
export function headersFile(asset: (path: string) => string, more: readonly string[] = []): string {
  return [
    '/*',
    `  Content-Security-Policy: ${[contentSecurityPolicy, ...headerOnlyDirectives].join('; ')}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    ...immutableFolders.flatMap((folder) => [`${asset(folder)}*`, '  Cache-Control: public, max-age=31536000, immutable']),
    ...more,
    '',
  ].join('\n');
}
