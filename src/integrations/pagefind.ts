import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { builtPages } from '../lib/checks/site-files';

/**
 * Pagefind separates words at the ends of only some block elements (p, li, td, div, headings …); the built HTML
 * has no whitespace between tags, so a term and its value (`<dt>Electrolyte</dt><dd>LiPON</dd>`) would be indexed
 * as one word, "ElectrolyteLiPON", that no search finds. A space after each other block element's end keeps the
 * words apart in what Pagefind reads; the published pages are left as they are. Pure.
 */
export function spaceBlockEnds(html: string): string {
  return html.replace(/<\/(?:dt|dd|dl|th|tr|thead|tbody|table|caption|figcaption|figure|summary|details|blockquote|ol|header|aside|pre)>/g, '$& ');
}

/** What Pagefind writes to `pagefind-entry.json`: for each language, the hash of its metadata file and its wasm. */
interface PagefindEntry {
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
  return html.replace('</head>', `${links}</head>`).replace(root[0], `${root[0]} data-cache-tag="${index.hash}"`);
}

/**
 * Word positions per index chunk. A search fetches the whole chunk that holds each of its words; at Pagefind's
 * default of 20 000 a chunk of this edition's index is about 25 kB gzipped, so a three-word query fetched three of
 * them (164 kB in all). At 4 000 a chunk is about 5.5 kB and the metadata that lists the chunks grows by 0.4 kB.
 * Pagefind reads the figure from an environment variable it names unstable (its own tests set it); the bench's
 * search-bytes budget shows it if a Pagefind release stops reading it.
 */
const indexChunkSize = '4000';

/** Builds the Pagefind index into `<dist>/pagefind/` with its Node API at the end of `astro build`; errors fail the build. */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'edition:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const fail = (what: string, errors: string[]) => {
          throw new Error(`Pagefind ${what} failed:\n${errors.join('\n')}`);
        };
        // Read by the Pagefind service this process starts on its first call.
        process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= indexChunkSize;
        const { index, errors } = await pagefind.createIndex({});
        if (!index || errors.length) fail('createIndex', errors);
        const pages = builtPages(site);
        // Pagefind indexes only the pages that mark their body (data-pagefind-body) once any page does.
        let indexed = 0;
        for (const { file, html } of pages) {
          const sourcePath = relative(site, file);
          const added = await index!.addHTMLFile({ sourcePath, content: spaceBlockEnds(html) });
          if (added.errors.length) fail(`addHTMLFile ${sourcePath}`, added.errors);
          if (html.includes('data-pagefind-body')) indexed++;
        }
        if (indexed === 0) fail('addHTMLFile', ['no page was indexed: is data-pagefind-body missing?']);
        const written = await index!.writeFiles({ outputPath: `${site.replace(/\/$/, '')}/pagefind` });
        if (written.errors.length) fail('writeFiles', written.errors);
        await pagefind.close();
        const entry = JSON.parse(readFileSync(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
        const searchPages = pages.filter(({ file, html }) => {
          const preloaded = withSearchPreloads(html, relative(site, file), entry);
          if (preloaded !== html) writeFileSync(file, preloaded);
          return preloaded !== html;
        });
        if (searchPages.length === 0) fail('preloading', ['no page holds the search root <div data-search data-bundle="…">']);
        logger.info(`indexed ${indexed} of ${pages.length} pages`);
      },
    },
  };
}
