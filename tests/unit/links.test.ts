import { describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../../src/lib/checks/links';
import { builtPages } from '../../src/lib/checks/site-files';
import { siteFolder as site } from '../fixtures/site-folder';

describe('the link check over built pages', () => {
  it('passes links to existing pages, files and anchors, relative or absolute, and ignores other sites', () => {
    const dir = site({
      'index.html': '<a href="/ed/a/">a</a><a href="a/#x">x</a><a href="/ed/a/#x">x</a><img src="/ed/f.svg"><a href="https://example.org/">e</a>',
      'a/index.html': '<h2 id="x">X</h2><a href="../">home</a><a href="#x">self</a>',
      'f.svg': '<svg/>',
    });
    expect(findBrokenLinks(builtPages(dir, '/ed/'), dir, '/ed/')).toEqual([]);
  });

  it('reports a missing page, a missing anchor and a link outside the base path, naming page and link', () => {
    const dir = site({
      'index.html': '<a href="/ed/b/">b</a><a href="/ed/a/#nope">n</a><a href="/elsewhere/">o</a><a href="#top">t</a>',
      'a/index.html': '<h2 id="x">X</h2>',
    });
    expect(findBrokenLinks(builtPages(dir, '/ed/'), dir, '/ed/')).toEqual([
      { page: '/ed/', href: '/ed/b/', reason: 'no such file' },
      { page: '/ed/', href: '/ed/a/#nope', reason: 'no element with id "nope"' },
      { page: '/ed/', href: '/elsewhere/', reason: 'outside the base path /ed/' },
      { page: '/ed/', href: '#top', reason: 'no element with id "top"' },
    ]);
  });
});
