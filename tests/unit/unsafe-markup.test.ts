import { describe, expect, it } from 'vitest';
import { findUnsafeMarkup } from '../../src/lib/checks/unsafe-markup';
import { isExternalUrl, isScriptUrl } from '../../src/lib/markup-safety';

const page = (html: string) => ({ url: '/ed/x/', file: 'x/index.html', html });

describe('the unsafe-markup check over built pages', () => {
  it("passes the edition's own markup: script files, JSON-LD, stylesheets, canonical URLs, KaTeX's inline styles", () => {
    const html = [
      '<!doctype html><html lang="en"><head>',
      '<link rel="stylesheet" href="/ed/_astro/a.css"><link rel="icon" href="/ed/favicon.svg" type="image/svg+xml">',
      '<link rel="canonical" href="https://example.org/ed/x/"><script src="/ed/theme.js"></script>',
      '<script type="module" src="/ed/_astro/b.js"></script><script type="application/ld+json">{"a":"<b onclick=x>"}</script>',
      '</head><body><a href="https://doi.org/10.1/x">doi</a><span class="katex" style="height:1em">x</span>',
      '<img src="/ed/f.svg" alt=""><svg><use href="#icon"></use></svg></body></html>',
    ].join('\n');
    expect(findUnsafeMarkup([page(html)])).toEqual([]);
  });

  it('reports event handlers, script URLs, resources from other origins, style elements and inline scripts, each at its line', () => {
    const html = [
      '<html><head><style>p{}</style><script>alert(1)</script>',
      '<link rel="stylesheet" href="//cdn.example/x.css"></head>',
      '<body><span onMouseOver="x()">a</span> <a href="java&#x09;script:alert(1)">b</a>',
      '<img srcset="/ed/a.png 1x, https://example.org/b.png 2x"><iframe src="/ed/a/" srcdoc="<p>x</p>"></iframe>',
      '<form action="javascript:void(0)"></form><script src="https://example.org/x.js"></script></body></html>',
    ].join('\n');
    expect(findUnsafeMarkup([page(html)]).map((u) => `${u.page} ${u.line}:${u.column} ${u.message}`)).toEqual([
      "/ed/x/ 1:13 <style> is an inline style sheet: the edition's styles are files",
      "/ed/x/ 1:31 <script> is an inline script: the edition's scripts are files",
      `/ed/x/ 2:1 <link> loads "//cdn.example/x.css" from another origin (href): pages load only the edition's own files`,
      '/ed/x/ 3:7 <span> has an event-handler attribute "onmouseover", which runs script',
      '/ed/x/ 3:40 <a> has a script URL in href ("java\tscript:alert(1)")',
      `/ed/x/ 4:1 <img> loads "https://example.org/b.png" from another origin (srcset): pages load only the edition's own files`,
      '/ed/x/ 4:58 <iframe> has srcdoc, a page of its own',
      '/ed/x/ 5:1 <form> has a script URL in action ("javascript:void(0)")',
      `/ed/x/ 5:42 <script> loads "https://example.org/x.js" from another origin (src): pages load only the edition's own files`,
    ]);
  });

  it('reads URLs as a browser does', () => {
    expect(['javascript:x', ' JAVASCRIPT:x', 'java\nscript:x', 'vbscript:x'].map(isScriptUrl)).toEqual([true, true, true, true]);
    expect(['/a/', 'a.png', '#x', 'javascript-guide/'].map(isScriptUrl)).toEqual([false, false, false, false]);
    // A backslash reads as a slash: "/\e.org/x" is protocol-relative.
    expect(['https://e.org/', '//e.org/', '/\\e.org/x', 'data:image/png;base64,x'].map(isExternalUrl)).toEqual([true, true, true, true]);
    expect(['/ed/a.png', 'a/b.png', '?q=1'].map(isExternalUrl)).toEqual([false, false, false]);
  });
});
