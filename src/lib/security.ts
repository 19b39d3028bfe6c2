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

/** The `_headers` file (Netlify, Cloudflare Pages and others read it). */
export function headersFile(): string {
  return [
    '/*',
    `  Content-Security-Policy: ${[contentSecurityPolicy, ...headerOnlyDirectives].join('; ')}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}
