// The search page's preloads of Pagefind's first files, written by the build once the index exists
// (src/integrations/post-build/search-preloads.ts); the bench's bare search page (src/cli/bench/search-floor.ts)
// gets the same.
import { intoHead } from './html-head.ts';

/** What Pagefind writes to `pagefind-entry.json`: for each language, the hash of its metadata file and its wasm. */
export interface PagefindEntry {
  languages: Record<string, { hash: string; wasm?: string }>;
}

/**
 * The search page (the one whose search root, `<div data-search data-bundle="…">`, is in its HTML) with the files
 * Pagefind fetches before it can search named in its head, so they load with the page instead of one after the
 * other once its script has run: Pagefind's script, its wasm, its entry file and the index's metadata. Their names
 * are known only once the index is written. The entry file is asked for as `pagefind-entry.json?ts=<tag>`; the tag,
 * the metadata's own hash, is written on the root as `data-cache-tag` for the search script to pass to Pagefind as
 * `metaCacheTag`, so the preloaded file is the one Pagefind asks for. Throws, naming the page, on a page whose
 * language the index does not have. Pure.
 */
export function withSearchPreloads(html: string, page: string, entry: PagefindEntry): string {
  const root = /<div data-search data-bundle="([^"]+)"/.exec(html);
  if (!root) return html;
  const bundle = root[1]!;
  const lang = /<html lang="([^"]+)"/.exec(html)?.[1] ?? '';
  const index = entry.languages[lang];
  if (!index) throw new Error(`${page}: the search index has no language "${lang}" (it has ${Object.keys(entry.languages).join(', ') || 'none'})`);
  const fetched = [`wasm.${index.wasm ?? 'unknown'}.pagefind`, `pagefind-entry.json?ts=${index.hash}`, `pagefind.${index.hash}.pf_meta`];
  const links = [
    `<link rel="modulepreload" href="${bundle}pagefind.js">`,
    ...fetched.map((f) => `<link rel="preload" href="${bundle}${f}" as="fetch" crossorigin="anonymous">`),
  ].join('');
  // Before the head's first script or stylesheet: the theme's blocking script holds back the requests that follow
  // it, and the wasm, the longest of them, is on the way to the first result.
  return intoHead(html, links, /<(?:script|link rel="stylesheet")[\s>]/).replace(root[0], `${root[0]} data-cache-tag="${index.hash}"`);
}
