import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { builtPages } from '../lib/checks/site-files';
import { withSearchPreloads, type PagefindEntry } from '../lib/search-preloads';

/**
 * Pagefind separates words at the ends of only some block elements (p, li, td, div, headings …); the built HTML
 * has no whitespace between tags, so a term and its value (`<dt>Electrolyte</dt><dd>LiPON</dd>`) would be indexed
 * as one word, "ElectrolyteLiPON", that no search finds. A space after each other block element's end keeps the
 * words apart in what Pagefind reads; the published pages are left as they are. Pure.
 */
export function spaceBlockEnds(html: string): string {
  return html.replace(/<\/(?:dt|dd|dl|th|tr|thead|tbody|table|caption|figcaption|figure|summary|details|blockquote|ol|header|aside|pre)>/g, '$& ');
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
