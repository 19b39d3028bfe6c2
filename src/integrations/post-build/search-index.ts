import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import type { PagefindEntry } from '../../lib/search-preloads';
import { pagefindOptions } from '../../shared/pagefind-options';
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
 * An abbreviation the page marks (`<abbr title="all solid-state lithium battery">ASSLB</abbr>`, its first use) is
 * followed, in what Pagefind reads, by its expansion in brackets: a reader who types the words finds the pages that
 * use the abbreviation ("thin-film battery" the cell that is an ASSLB), and the excerpt spells it out. Not where the
 * text explains it already (the abbreviation in brackets after its words, or followed by its own brackets), nor
 * inside a word (`PEO-based`). The published
 * pages are left as they are. Pure.
 */
export function withAbbreviationExpansions(html: string): string {
  // The abbreviation may be a link's text (a glossary link): its expansion follows the link.
  return html.replace(/(\(?)(?:<a\b[^>]*>)?<abbr title="([^"<>]+)">[^<]*<\/abbr>(?:<\/a>)?/gu, (abbr: string, bracket: string, expansion: string, at: number) =>
    bracket || /^(?:[\p{L}\p{N}-]|\s*\()/u.test(html.slice(at + abbr.length, at + abbr.length + 3)) ? abbr : `${abbr} (${expansion})`,
  );
}

/**
 * Word positions per index chunk. A search fetches the whole chunk that holds each of its words; at Pagefind's
 * default of 20 000 a chunk of this edition's index is about 25 kB gzipped, so a three-word query fetched three of
 * them (164 kB in all). At 4 000 a chunk is about 5.5 kB and the metadata that lists the chunks grows by 0.4 kB.
 * Pagefind reads the figure from an environment variable it names unstable (its own tests set it); the bench's
 * search-bytes budget shows it if a Pagefind release stops reading it.
 */
const indexChunkSize = '4000';

/**
 * The files of Pagefind's bundle that the edition's pages never load, by their path in the bundle: the default
 * UI, the component and modular UIs and the highlighter (the edition draws its own interface with Pagefind's
 * JavaScript API, src/browser/search/ui.ts); the worker when Pagefind is started with `noWorker`; and the fallback
 * wasm, `wasm.unknown.pagefind`, when every language of the index has its own (Pagefind loads the fallback only
 * for a language the entry file gives no wasm, and it always picks one of the entry file's languages). Pure.
 */
export function unusedPagefindFiles(paths: readonly string[], entry: PagefindEntry, noWorker: boolean): string[] {
  const ownWasm = Object.values(entry.languages).every((l) => l.wasm !== undefined);
  return paths.filter(
    (path) =>
      /^pagefind-(?:ui|component-ui|modular-ui)\.(?:js|css)$/.test(path) ||
      path === 'pagefind-highlight.js' ||
      (noWorker && path === 'pagefind-worker.js') ||
      (ownWasm && path === 'wasm.unknown.pagefind'),
  );
}

/** Fails the build with what Pagefind reported. */
export function pagefindFailed(what: string, errors: string[]): never {
  throw new Error(`Pagefind ${what} failed:\n${errors.join('\n')}`);
}

/**
 * Builds the Pagefind index of the pages with its Node API and writes it to `<dist>/pagefind/`, less the files
 * `unusedPagefindFiles` names; Pagefind's errors fail the build.
 */
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
      const added = await index.addHTMLFile({ sourcePath, content: withAbbreviationExpansions(spaceBlockEnds(html)) });
      if (added.errors.length) pagefindFailed(`addHTMLFile ${sourcePath}`, added.errors);
      if (html.includes('data-pagefind-body')) indexed++;
    }
    if (indexed === 0) pagefindFailed('addHTMLFile', ['no page was indexed: is data-pagefind-body missing?']);
    const bundle = await index.getFiles();
    if (bundle.errors.length) pagefindFailed('getFiles', bundle.errors);
    await pagefind.close();
    const entryFile = bundle.files.find((f) => f.path === 'pagefind-entry.json');
    if (!entryFile) return pagefindFailed('getFiles', ['no pagefind-entry.json among the files']);
    const entry = JSON.parse(Buffer.from(entryFile.content).toString('utf8')) as PagefindEntry;
    const unused = new Set(unusedPagefindFiles(bundle.files.map((f) => f.path), entry, pagefindOptions.noWorker));
    for (const { path, content } of bundle.files) {
      if (unused.has(path)) continue;
      const file = join(dir, 'pagefind', path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    const left = bundle.files.filter((f) => unused.has(f.path)).reduce((sum, f) => sum + f.content.length, 0);
    return `indexed ${indexed} of ${pages.length} pages; left out ${unused.size} of Pagefind's files that no page loads (${(left / 1000).toFixed(0)} kB)`;
  },
};
