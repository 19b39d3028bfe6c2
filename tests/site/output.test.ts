import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { splitKatexCss } from '../../src/integrations/post-build/katex-css';
import { textFormula } from '../../src/lib/text-formula';
import { distDir, filesIn, page, pages } from './dist';
import { parseHeaders } from '../../src/cli/server';

describe('the built site', () => {
  it('has a page for every route kind', () => {
    const urls = new Set(pages().map((p) => p.url));
    for (const url of ['/', '/sections/cathode-oxides-polyanionic/', '/materials/', '/materials/licoo2/', '/references/', '/references/83/', '/studies/', '/search/'])
      expect(urls, url).toContain(url);
  });

  it('renders the showcase section with math as MathML and chemistry from mhchem', () => {
    const { html, dom } = page('/sections/cathode-oxides-polyanionic/');
    // Its reactions are KaTeX's (inline formulas are text): each a display formula with MathML.
    expect(dom.querySelectorAll('.reaction .katex-display .katex math').length).toBe(dom.querySelectorAll('.reaction').length);
    expect(html).toContain('<annotation encoding="application/x-tex">\\ce{');
    expect(dom.querySelectorAll('.reaction').length).toBeGreaterThanOrEqual(4);
    expect(dom.querySelectorAll('.study').length).toBeGreaterThanOrEqual(6);
  });

  it('gives KaTeX\'s rules only to the pages that show math, in the stylesheet of their own after the site\'s', () => {
    const sheets = (p: ReturnType<typeof pages>[number]) => p.dom.querySelectorAll('link[rel="stylesheet"]').map((l) => readFileSync(`${distDir}${l.getAttribute('href')}`, 'utf8'));
    const withMath = pages().filter((p) => p.dom.querySelector('.katex'));
    const without = pages().filter((p) => !p.dom.querySelector('.katex'));
    expect(withMath.length).toBeGreaterThan(18);
    expect(without.length).toBeGreaterThan(18);
    for (const p of withMath) {
      const [site, own, ...more] = sheets(p);
      expect(more, p.url).toEqual([]);
      expect(splitKatexCss(site!).katex, p.url).toBe('');
      expect(splitKatexCss(own!).katex, p.url).not.toBe('');
      expect(own, p.url).toMatch(/@font-face\{[^}]*KaTeX_Main/);
    }
    for (const p of without) expect(sheets(p).map((css) => splitKatexCss(css).katex), p.url).toEqual(sheets(p).map(() => ''));
  });

  it('links from every page the site\'s stylesheet, the same file everywhere, and at most one more with the page\'s own components\' rules', () => {
    const hrefs = (url: string) => page(url).dom.querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute('href')!);
    const css = (href: string) => readFileSync(`${distDir}${href}`, 'utf8');
    const [site] = hrefs('/');
    expect(css(site!)).toContain('.site-header');
    for (const p of pages()) {
      expect(hrefs(p.url)[0], p.url).toBe(site);
      expect(hrefs(p.url).length, p.url).toBeLessThanOrEqual(2);
    }
    // The explorer's and the timeline's rules are on the explorer's page, the diagrams' on the matrix's, not on a section.
    expect(css(hrefs('/studies/')[1]!)).toMatch(/\.explorer[^{]*\{[^}]*\}.*\.timeline/s);
    expect(css(hrefs('/matrix/')[1]!)).toContain('.matrix-list');
    expect(css(site!)).not.toMatch(/\.explorer|\.timeline|\.matrix-list|\.facets|\.search-dialog|\.results/);
    for (const url of ['/', '/sections/introduction/', '/references/12/']) expect(hrefs(url), url).toEqual([site]);
    // The search interface's rules are on the search page, in the same file the header's opener loads with the
    // search dialog; no other page links them.
    const scripts = filesIn(`${distDir}/_astro`, '.js').map((f) => readFileSync(f, 'utf8'));
    const loaded = [...new Set(scripts.flatMap((js) => [...js.matchAll(/\/_astro\/([\w.-]+\.css)/g)].map((m) => m[1]!)))];
    expect(loaded).toHaveLength(1);
    expect(hrefs('/search/')[1]).toBe(`/_astro/${loaded[0]}`);
    expect(css(`/_astro/${loaded[0]}`)).toMatch(/\.search-dialog\{.*\.facets/s);
    // No stylesheet is left behind that no page links and no script loads.
    const linked = new Set(pages().flatMap((p) => hrefs(p.url).map((h) => h.split('/').pop())));
    expect(filesIn(`${distDir}/_astro`, '.css').map((f) => f.split('/').pop()).sort()).toEqual([...new Set([...linked, ...loaded])].sort());
  });

  it('sets simple inline formulas as text, from the Markdown bodies and the data records alike; KaTeX keeps the rest', () => {
    const left = pages().flatMap((p) =>
      p.dom.querySelectorAll('.katex:not(.katex-display .katex)').map((k) => ({ url: p.url, tex: k.querySelector('annotation')?.textContent ?? '' })),
    );
    expect(left.filter((k) => textFormula(k.tex) !== undefined)).toEqual([]);
    expect(left.length).toBeGreaterThan(0); // reactions in running text, space groups, bonds
    // The body of section 2.4 writes $\ce{FeF2}$; the LLZO record's formula is Li7La3Zr2O12.
    expect(page('/sections/cathode-metal-fluorides/').html).toContain('FeF<sub>2</sub>');
    expect(page('/materials/llzo/').dom.querySelector('h1')?.innerHTML).toContain('Li<sub>7</sub>La<sub>3</sub>Zr<sub>2</sub>O<sub>12</sub>');
  });

  it('lets browsers keep for good only files named by their content', () => {
    const rules = parseHeaders(readFileSync(`${distDir}/_headers`, 'utf8'));
    const immutable = rules.filter((r) => r.headers.some(([name, value]) => name === 'Cache-Control' && value.includes('immutable'))).map((r) => r.path);
    expect(immutable.sort()).toEqual(['/_astro/*', '/pagefind/filter/*', '/pagefind/fragment/*', '/pagefind/index/*']);
    const hashed = /(?:[.-][\w-]{8}\.(?:css|js|woff2)|^en_[0-9a-f]{7,}\.pf_(?:index|fragment|filter))$/;
    for (const path of immutable) {
      const files = filesIn(`${distDir}${path.slice(0, -1)}`, '');
      expect(files.length, path).toBeGreaterThan(0);
      for (const f of files) expect(f.split('/').pop(), path).toMatch(hashed);
    }
  });

  it('a study\'s own page names it once, in its heading, and writes out its references in the card', () => {
    const dir = 'content/studies';
    for (const file of readdirSync(dir)) {
      const { references } = parseYaml(readFileSync(`${dir}/${file}`, 'utf8')) as { references: number[] };
      const { dom } = page(`/studies/${file.replace(/\.yaml$/, '')}/`);
      const card = dom.querySelector('main .card.study')!;
      expect(card.querySelector('.card-title'), file).toBeNull();
      // The page's content, not an aside to it; and no heading id, which Pagefind would list as a second hit.
      expect(card.tagName, file).toBe('DIV');
      expect(dom.querySelector('h1')?.id, file).toBeFalsy();
      const cited = card.querySelectorAll('dd .cite a').map((a) => Number(a.textContent));
      expect(cited, file).toEqual(references);
      expect(card.querySelectorAll('dd .reference').length, file).toBe(references.length);
    }
    // In a section the card keeps its linked title.
    expect(page('/sections/li-au-seeded-deposition/').dom.querySelector('aside.study .card-title a[href="/studies/au-hcns-selective-deposition/"]')).not.toBeNull();
  });

  it('links every reference number the text of a study, material or cell page cites', () => {
    const records = pages().filter((p) => /^\/(studies|materials|cells)\/[^/]+\/$/.test(p.url));
    expect(records.length).toBeGreaterThan(100);
    const bare = records.flatMap((p) => {
      const main = parse(p.dom.querySelector('main')!.toString()); // a copy: the shared page stays whole
      for (const linked of main.querySelectorAll('a, .cite')) linked.remove();
      // "[47, 196]" or "[127–129]"; not a Miller index such as b/6[110]
      return [...main.textContent.matchAll(/(?<![\w/])\[\d{1,3}(?:\s*[,–]\s*\d{1,3})*\]/g)].map((m) => `${p.url}: ${m[0]}`);
    });
    expect(bare).toEqual([]);
    // No citation is left in its source form, outside the data page's documentation of it.
    expect(pages().filter((p) => p.html.replace(/<code>[^<]*<\/code>/g, '').includes('[@')).map((p) => p.url)).toEqual([]);
  });

  it('carries no KaTeX error anywhere', () => {
    const bad = pages().filter((p) => p.html.includes('katex-error') || p.html.includes('#cc0000'));
    expect(bad.map((p) => p.url)).toEqual([]);
  });

  it('shows no TeX source to the reader: every $…$ of a text field is rendered', () => {
    const raw = pages().flatMap((p) => {
      const shared = p.dom.querySelector('main');
      if (!shared) return [];
      const main = parse(shared.toString()); // a copy: the shared page stays whole for the other files in this worker
      for (const hidden of main.querySelectorAll('annotation, script')) hidden.remove();
      const description = p.dom.querySelector('meta[name="description"]')?.getAttribute('content') ?? '';
      return [...`${main.textContent} ${description}`.matchAll(/.{0,40}\$(?:\\[a-z]|[_^]\{).{0,20}/g)].map((m) => `${p.url}: ${m[0]}`);
    });
    expect(raw).toEqual([]);
    // A section's summary may hold formulas: its lede shows them set, its description reads them plain.
    const { dom } = page('/sections/cathode-electrolyte-interfaces/');
    expect(dom.querySelector('.lede')?.innerHTML).toContain('LiCoO<sub>2</sub>');
    expect(dom.querySelector('meta[name="description"]')?.getAttribute('content')).toMatch(/^In situ TEM of LiCoO2 cathodes/);
  });

  it('links every citation to an existing reference page, or in a section to its entry there, which links on to it', () => {
    const refs = new Set(pages().filter((p) => /^\/references\/\d+\/$/.test(p.url)).map((p) => p.url));
    expect(refs.size).toBe(237);
    // Where each citation leads: a reference's page, or in a section body the page's own entry, which links on to it.
    const cited = pages().flatMap((p) =>
      p.dom.querySelectorAll('.cite a').map((a) => {
        const href = a.getAttribute('href') ?? '';
        const entry = href.startsWith('#ref-') ? p.dom.getElementById(href.slice(1)) : undefined;
        return entry === undefined ? href : `${href} → ${entry?.querySelector('a')?.getAttribute('href')}`;
      }),
    );
    expect(cited.length).toBeGreaterThan(237);
    expect(cited.filter((c) => c.startsWith('#ref-')).length).toBeGreaterThan(237);
    expect(cited.filter((c) => !refs.has(c) && !/^#ref-(\d+) → \/references\/\1\/$/.test(c))).toEqual([]);
  });

  it('ships woff2 fonts only', () => {
    const fonts = filesIn(distDir, '').filter((f) => /\.(woff2?|ttf|otf|eot)$/.test(f));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.endsWith('.woff2'))).toEqual([]);
    for (const css of filesIn(distDir, '.css')) expect(readFileSync(css, 'utf8')).not.toMatch(/\.(woff|ttf)\)/);
  });

  it('ships of Pagefind\'s bundle only the files the edition\'s search loads', () => {
    const bundle = filesIn(`${distDir}/pagefind`, '').map((f) => f.slice(distDir.length + '/pagefind/'.length)).filter((f) => !f.includes('/')).sort();
    expect(bundle).toEqual(['pagefind-entry.json', expect.stringMatching(/^pagefind\.en_[0-9a-f]+\.pf_meta$/), 'pagefind.js', 'wasm.en.pagefind']);
    for (const folder of ['index', 'fragment', 'filter']) expect(filesIn(`${distDir}/pagefind/${folder}`, '').length, folder).toBeGreaterThan(0);
  });

  it('indexes every content page for search, and nothing outside the page body', () => {
    const entry = JSON.parse(readFileSync(`${distDir}/pagefind/pagefind-entry.json`, 'utf8')) as { languages: Record<string, { page_count: number }> };
    const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    expect(indexed).toBe(pages().filter((p) => p.html.includes('data-pagefind-body')).length);
    for (const p of pages()) expect(p.dom.querySelector('header [data-pagefind-body], footer [data-pagefind-body]'), p.url).toBeNull();
  });
});
