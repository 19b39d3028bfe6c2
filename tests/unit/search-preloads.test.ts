import { describe, expect, it } from 'vitest';
import { withSearchPreloads } from '../../src/lib/search-preloads';

const entry = { languages: { en: { hash: 'en_0123abcd', wasm: 'en' } } };
const searchPage = '<!DOCTYPE html><html lang="en"><head><title>Search</title></head><body><div data-search data-bundle="/edition/pagefind/"><form></form></div></body></html>';

describe('the search page\'s preloads', () => {
  it('names the files Pagefind fetches first in the head, under the base path, and tags the entry file with the index hash', () => {
    const out = withSearchPreloads(searchPage, 'search/index.html', entry);
    const head = out.slice(0, out.indexOf('</head>'));
    expect([...head.matchAll(/<link rel="(?:module)?preload" href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '/edition/pagefind/pagefind.js',
      '/edition/pagefind/wasm.en.pagefind',
      '/edition/pagefind/pagefind-entry.json?ts=en_0123abcd',
      '/edition/pagefind/pagefind.en_0123abcd.pf_meta',
    ]);
    // The script passes the tag to Pagefind as metaCacheTag, so that it asks for the preloaded entry file.
    expect(out).toContain('<div data-search data-bundle="/edition/pagefind/" data-cache-tag="en_0123abcd">');
  });

  it('puts them before the head\'s first script or stylesheet, whose loading would hold them back', () => {
    for (const first of ['<script src="/theme.js"></script><link rel="stylesheet" href="/a.css">', '<link rel="stylesheet" href="/a.css"><script src="/theme.js"></script>']) {
      const out = withSearchPreloads(searchPage.replace('<title>Search</title>', `<title>Search</title>${first}`), 'search/index.html', entry);
      expect(out.indexOf('rel="modulepreload"')).toBeGreaterThan(out.indexOf('<title>'));
      expect(out.indexOf('rel="modulepreload"')).toBeLessThan(Math.min(out.indexOf('<script src="/theme.js">'), out.indexOf('rel="stylesheet"')));
    }
  });

  it('leaves every other page as it is', () => {
    const page = '<!DOCTYPE html><html lang="en"><head></head><body><a data-search-open href="/search/">Search</a></body></html>';
    expect(withSearchPreloads(page, 'index.html', entry)).toBe(page);
  });

  it('fails, naming the page, when the index has no language of the page', () => {
    expect(() => withSearchPreloads(searchPage.replace('lang="en"', 'lang="fr"'), 'search/index.html', entry)).toThrow(/search\/index\.html: the search index has no language "fr" \(it has en\)/);
  });
});
