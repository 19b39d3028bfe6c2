import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import katex from 'katex';
import 'katex/contrib/mhchem';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { pruneKatexCss, splitKatexCss, topLevelRules } from '../../src/integrations/post-build/katex-css';
import { classesIn, elementsIn, planStylesheets } from '../../src/integrations/post-build/stylesheets';
import { woff2Only } from '../../src/integrations/katex-woff2';
import { katexOptions } from '../../src/markdown/plugins';

const katexCss = woff2Only(readFileSync('node_modules/katex/dist/katex.min.css', 'utf8'));
const site = '.site-header{color:red}@media print{.katex-display{break-inside:avoid}}';
const page = (tex: string[], display = false) =>
  `<main class="prose">${tex.map((t) => katex.renderToString(t, { ...katexOptions, displayMode: display })).join(' ')}</main>`;

describe('pruning KaTeX CSS to the classes the pages use', () => {
  it('splits a stylesheet into its top-level rules as written, braces inside strings included', () => {
    const parts = topLevelRules('a{content:"{"}@media print{b{color:red}}e{}');
    expect(parts.map((p) => p.text)).toEqual(['a{content:"{"}', '@media print{b{color:red}}', 'e{}']);
    expect(parts.map((p) => p.rule?.type)).toEqual(['style', 'media', 'style']);
  });

  it('finds each rule where it begins, after lines and characters outside ASCII, and loses no byte', () => {
    const css = '/*! licence */\na{content:"é→"}\r\n\fb{color:red}\rc{color:blue}\n';
    const parts = topLevelRules(css);
    expect(parts.map((p) => p.text)).toEqual(['/*! licence */\n', 'a{content:"é→"}\r\n\f', 'b{color:red}\r', 'c{color:blue}', '\n']);
    expect(parts.map((p) => p.rule?.type)).toEqual([undefined, 'style', 'style', 'style', undefined]);
  });

  it('leaves a stylesheet without KaTeX rules as it is, byte for byte (so it keeps its name)', () => {
    const css = 'main:has(.explorer){max-width:90rem}\n';
    expect(pruneKatexCss(css, new Set())).toBe(css);
  });

  it('reads classes from quoted and unquoted class attributes, in <pre> and <noscript> too, and not from text', () => {
    expect([...classesIn('<p class="a  b"><span class=c></span><i class=\'d\'></i></p>')]).toEqual(['a', 'b', 'c', 'd']);
    expect([...classesIn('<pre><span class="katex">x</span></pre><noscript><p class="e"></p></noscript><p>write class="f" to set it</p>')]).toEqual(['katex', 'e']);
  });

  it('keeps every KaTeX rule that matches an element of the rendered math, and the site\'s own rules', () => {
    const html = page(['\\ce{Li2S + 2Li+ + 2e- -> 2Li2S}', '10^{-17}\\,\\mathrm{cm^2\\,s^{-1}}', '\\frac{a}{b}', '\\sqrt{x}']);
    const pruned = pruneKatexCss(site + katexCss, classesIn(html));
    const dom = parse(html);
    let matched = 0;
    for (const { rule, text } of topLevelRules(katexCss)) {
      if (rule?.type !== 'style') continue;
      const prelude = text.slice(0, text.indexOf('{'));
      const selector = prelude.replace(/::?(?:before|after)/g, '');
      let hit = false;
      try {
        hit = dom.querySelectorAll(selector).length > 0;
      } catch {
        continue; // a selector the test's parser cannot evaluate
      }
      if (hit) {
        matched++;
        expect(pruned, prelude).toContain(text);
      }
    }
    expect(matched).toBeGreaterThan(10);
    expect(pruned).toContain(site);
    expect(pruned.length).toBeLessThan(katexCss.length / 2);
  });

  it('drops the rules and fonts of constructs no page writes', () => {
    const pruned = pruneKatexCss(katexCss, classesIn(page(['\\ce{LiCoO2}'])));
    expect(pruned).not.toContain('.katex-display');
    expect(pruned).not.toContain('.katex .fbox');
    expect(pruned).not.toMatch(/font-family:KaTeX_Fraktur/);
    expect(pruned).toMatch(/@font-face\{[^}]*font-family:KaTeX_Main;[^}]*font-weight:400/);
    expect(pruneKatexCss(katexCss, classesIn(page(['x'], true)))).toContain('.katex-display');
  });

  it('drops a KaTeX rule for an element no page has, where the pages’ elements are given', () => {
    const html = page(['\\ce{Li2O -> Li}']);
    const pruned = pruneKatexCss(katexCss, classesIn(html), elementsIn(html));
    expect(pruned).not.toContain('.katex img');
    expect(pruned).toContain('.katex svg');
    expect(pruneKatexCss(katexCss, classesIn(html))).toContain('.katex img');
    expect([...elementsIn('<p class="x"><svg><path d=""/></svg><my-el></my-el> a &lt;b&gt;</p>')]).toEqual(['p', 'svg', 'path', 'my-el']);
  });

  it('asks of an element only the classes outside :not(), and reads selector lists whole', () => {
    const css = '.katex .accent-body:not(.accent-full){width:0}.katex :is(.a,.b){color:red}.katex .c{color:blue}';
    expect(pruneKatexCss(css, new Set(['katex', 'accent-body']))).toBe('.katex .accent-body:not(.accent-full){width:0}.katex :is(.a,.b){color:red}');
  });

  it('keeps a KaTeX font face that a kept rule names, in font-family, in the font shorthand or through var()', () => {
    const face = (family: string) => `@font-face{font-family:${family};src:url(${family}.woff2)format("woff2")}`;
    const faces = face('KaTeX_Main') + face('KaTeX_Math') + face('KaTeX_Size1') + face('KaTeX_Fraktur');
    const rules = '.katex{font:normal 1.21em KaTeX_Main,serif}.katex .mathnormal{font-family:KaTeX_Math}.katex .size1{font-family:var(--x),KaTeX_Size1}.katex .mathfrak{font-family:KaTeX_Fraktur}';
    const pruned = pruneKatexCss(faces + rules, new Set(['katex', 'mathnormal', 'size1']));
    expect(pruned).toBe(face('KaTeX_Main') + face('KaTeX_Math') + face('KaTeX_Size1') + rules.replace('.katex .mathfrak{font-family:KaTeX_Fraktur}', ''));
  });
});

describe('splitting KaTeX\'s rules from the site\'s', () => {
  it('moves every rule owned by KaTeX (and its font faces) out, and keeps the site\'s rules in order', () => {
    const own = '.site-header{color:red}.katex a,.prose .katex{color:blue}main .x{margin:0}@media print{.katex-display,figure{break-inside:avoid}}@media print{.katex .vlist>span{margin:0}}';
    const { site, katex } = splitKatexCss(own + katexCss);
    // A media rule goes with KaTeX only if every rule inside it is KaTeX's.
    expect(site.startsWith('.site-header{color:red}main .x{margin:0}@media print{.katex-display,figure{break-inside:avoid}}')).toBe(true);
    expect(site.length).toBeLessThan(own.length + 100); // of KaTeX's stylesheet, at most a rule on body stays
    expect(katex.startsWith('.katex a,.prose .katex{color:blue}@media print{.katex .vlist>span{margin:0}}')).toBe(true);
    expect(katex).toMatch(/@font-face\{[^}]*font-family:KaTeX_Main/);
    expect(katex.length).toBeGreaterThan(katexCss.length - 100);
  });

  it('keeps a rule that also styles something other than KaTeX with the site', () => {
    expect(splitKatexCss('.katex,.formula{font-size:1.1em}')).toEqual({ site: '.katex,.formula{font-size:1.1em}', katex: '' });
  });
});


describe('the stylesheets of each page', () => {
  const base = `.site-header{color:red}${katexCss}`;
  const sheets = new Map([
    ['Base.AAAAAAAA.css', base],
    ['diagrams.BBBBBBBB.css', '.matrix-list{margin:0}'],
    ['timeline.EEEEEEEE.css', '.timeline{margin:0}'],
    ['search.CCCCCCCC.css', '.search-dialog{margin:0}'],
  ]);
  const doc = (links: string[], body: string) => `<html><head>${links.map((l) => `<link rel="stylesheet" href="/_astro/${l}">`).join('')}</head><body>${body}</body></html>`;
  const pages = [
    { path: 'a/index.html', html: doc(['Base.AAAAAAAA.css'], '<p>text</p>') },
    { path: 'b/index.html', html: doc(['Base.AAAAAAAA.css'], page(['\\ce{Li2S + 2Li -> 2Li2S}'], true)) },
    { path: 'c/index.html', html: doc(['Base.AAAAAAAA.css', 'diagrams.BBBBBBBB.css'], '<ul class="matrix-list"></ul>') },
    { path: 'd/index.html', html: doc(['Base.AAAAAAAA.css', 'diagrams.BBBBBBBB.css', 'timeline.EEEEEEEE.css'], page(['x'])) },
    { path: 'e/index.html', html: doc(['Base.AAAAAAAA.css', 'search.CCCCCCCC.css'], '<form></form>') },
    { path: 'x.svg', html: '<svg></svg>' },
  ];
  const scripts = ['import("/_astro/search.CCCCCCCC.css")'];
  const plan = planStylesheets(pages, sheets, scripts);
  const linked = plan.html.map((html) => [...html.matchAll(/<link rel="stylesheet" href="\/_astro\/([^"]+)">/g)].map((m) => m[1]!));
  const text = (name: string) => plan.files.find((f) => f.name === name)?.css ?? sheets.get(name)!;

  it('links from every page the layout\'s rules, one file for all, and at most one more with the page\'s own, where Astro linked its first', () => {
    const layout = linked[0]![0]!;
    expect(layout).toMatch(/^Base\.[\w-]{8}\.css$/);
    expect(linked.slice(0, 5).map((l) => l[0])).toEqual(Array(5).fill(layout));
    expect(linked.map((l) => l.length)).toEqual([1, 2, 2, 2, 2, 0]);
    expect(plan.html[2]).toMatch(/^<html><head><link rel="stylesheet" href="\/_astro\/Base\.[\w-]{8}\.css"><link rel="stylesheet" href="\/_astro\/diagrams\.BBBBBBBB\.css"><\/head>/);
    expect(plan.html[5]).toBe(pages[5]!.html);
    expect(plan.withOwnRules).toBe(4);
  });

  it('gives each page the rules Astro linked, in order, with KaTeX\'s pruned and only where math shows', () => {
    const rules = (i: number) => linked[i]!.map(text).join('');
    expect(splitKatexCss(rules(0))).toEqual({ site: splitKatexCss(base).site, katex: '' });
    expect(rules(2)).toBe(`${splitKatexCss(base).site}.matrix-list{margin:0}`);
    expect(linked[3]![1]).toMatch(/^diagrams-timeline-katex\./);
    expect(rules(3).startsWith(`${splitKatexCss(base).site}.matrix-list{margin:0}.timeline{margin:0}`)).toBe(true);
    expect(linked[1]![1]).toMatch(/^katex\./);
    expect(rules(1)).toBe(splitKatexCss(base).site + pruneKatexCss(splitKatexCss(base).katex, new Set(pages.flatMap((p) => [...classesIn(p.html)])), new Set(pages.flatMap((p) => [...elementsIn(p.html)]))));
    expect(text(linked[1]![1]!)).toMatch(/@font-face\{[^}]*font-family:KaTeX_Main/);
    expect(text(linked[1]![1]!).length).toBeLessThan(base.length / 2);
    expect(plan.withMath).toBe(2);
  });

  it('keeps the name of a stylesheet it does not change, names a new one after its parts and content, and lists those left unused', () => {
    expect(linked[4]![1]).toBe('search.CCCCCCCC.css'); // the search page and the dialog's script share it
    expect(linked[2]![1]).toBe('diagrams.BBBBBBBB.css');
    for (const { name, css, beside } of plan.files) {
      expect(name).toBe(`${name.split('.')[0]}.${createHash('sha256').update(css).digest('base64url').slice(0, 8)}.css`);
      expect(beside).toBe('Base.AAAAAAAA.css');
    }
    expect(plan.files.map((f) => f.name.split('.')[0]).sort()).toEqual(['Base', 'diagrams-timeline-katex', 'katex']);
    expect(plan.unused.sort()).toEqual(['Base.AAAAAAAA.css', 'timeline.EEEEEEEE.css']);
  });

  it('fails, naming the page, on a stylesheet the build did not write and on math without KaTeX\'s rules', () => {
    expect(() => planStylesheets([{ path: 'a/index.html', html: doc(['Gone.DDDDDDDD.css'], '') }], sheets, [])).toThrow(
      'stylesheets: a/index.html links /_astro/Gone.DDDDDDDD.css, which the build did not write',
    );
    expect(() => planStylesheets([{ path: 'c/index.html', html: doc(['diagrams.BBBBBBBB.css'], page(['x'])) }], sheets, [])).toThrow(
      "stylesheets: c/index.html shows math but none of its stylesheets (diagrams.BBBBBBBB.css) holds KaTeX's rules",
    );
  });
});
