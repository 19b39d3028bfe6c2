// What a build for publishing (the site tests build one, at the example origin) holds: no address of the local
// preview anywhere, no preview notice, and a Content-Type for each download in `_headers`.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerPathMatches, parseHeaders } from '../../src/cli/server';
import { exampleSite } from '../../src/lib/publishing';
import { distDir, filesIn, page, pages } from './dist';
import { loopbackAddresses } from './loopback';

describe('a build for publishing', () => {
  it('names no loopback address in any file, and no page says it is a preview', () => {
    expect(loopbackAddresses(distDir)).toEqual([]);
    expect(pages().filter((p) => p.dom.querySelector('.preview-notice, .preview-note')).map((p) => p.url)).toEqual([]);
    // Built by the site tests (tests/site/build.setup.ts), unless EDITION_DIST names another build: at the example origin.
    if (!process.env.EDITION_DIST) expect(page('/').dom.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`${exampleSite}/`);
  });

  it('gives each download a Content-Type with its charset in _headers, and no other file one', () => {
    const rules = parseHeaders(readFileSync(`${distDir}/_headers`, 'utf8'));
    /** The Content-Type values every rule that matches the path gives it (a host joins or overrides several). */
    const typesOf = (path: string) =>
      rules.filter((r) => headerPathMatches(r.path, path)).flatMap((r) => r.headers.filter(([name]) => name.toLowerCase() === 'content-type').map(([, value]) => value));
    const expected: [RegExp, string][] = [
      [/^\/cite\/[^/]+\.bib$/, 'text/x-bibtex; charset=utf-8'],
      [/^\/cite\/[^/]+\.ris$/, 'application/x-research-info-systems; charset=utf-8'],
      [/^\/cite\/[^/]+\.json$/, 'application/vnd.citationstyles.csl+json; charset=utf-8'],
      [/^\/data\/[^/]+\.schema\.json$/, 'application/schema+json; charset=utf-8'],
      [/^\/data\/[^/.]+\.json$/, 'application/json; charset=utf-8'],
      [/^\/data\/[^/]+\.csv$/, 'text/csv; charset=utf-8'],
      [/^\/edition\.epub$/, 'application/epub+zip'],
    ];
    const files = filesIn(distDir, '').map((f) => `/${relative(distDir, f).split(sep).join('/')}`);
    const downloads = files.filter((f) => /^\/(cite|data)\/.+\.(bib|ris|json|csv)$|^\/edition\.epub$/.test(f));
    expect(downloads.length).toBeGreaterThan(60);
    for (const file of files) {
      const type = expected.find(([pattern]) => pattern.test(file))?.[1];
      expect(typesOf(file), file).toEqual(type ? [type] : []);
    }
    // Every download a page offers is one of them.
    const offered = new Set(pages().flatMap((p) => p.dom.querySelectorAll('a[download]').map((a) => a.getAttribute('href')!)));
    expect(offered.size).toBeGreaterThan(60);
    for (const href of offered) expect(downloads, href).toContain(href);
  });
});
