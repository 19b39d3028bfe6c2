import { relative } from 'node:path';
import * as pagefind from 'pagefind';
import type { Stage } from './stage';

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

/** Fails the build with what Pagefind reported. */
export function pagefindFailed(what: string, errors: string[]): never {
  throw new Error(`Pagefind ${what} failed:\n${errors.join('\n')}`);
}

/** Builds the Pagefind index of the pages into `<dist>/pagefind/` with its Node API; its errors fail the build. */
export const searchIndex: Stage = {
  name: 'search index',
  async run({ dir, pages }) {
    // Read by the Pagefind service this process starts on its first call.
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= indexChunkSize;
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length) return pagefindFailed('createIndex', errors);
    // Pagefind indexes only the pages that mark their body (data-pagefind-body) once any page does.
    let indexed = 0;
    for (const { file, html } of pages) {
      const sourcePath = relative(dir, file);
      const added = await index.addHTMLFile({ sourcePath, content: spaceBlockEnds(html) });
      if (added.errors.length) pagefindFailed(`addHTMLFile ${sourcePath}`, added.errors);
      if (html.includes('data-pagefind-body')) indexed++;
    }
    if (indexed === 0) pagefindFailed('addHTMLFile', ['no page was indexed: is data-pagefind-body missing?']);
    const written = await index.writeFiles({ outputPath: `${dir.replace(/\/$/, '')}/pagefind` });
    if (written.errors.length) pagefindFailed('writeFiles', written.errors);
    await pagefind.close();
    return `indexed ${indexed} of ${pages.length} pages`;
  },
};
