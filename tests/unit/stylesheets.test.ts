import { readFileSync } from 'node:fs';
import katex from 'katex';
import 'katex/contrib/mhchem';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { classesIn, pruneKatexCss, splitKatexCss, topLevelRules } from '../../src/integrations/stylesheets';
import { woff2Only } from '../../src/integrations/katex-woff2';
import { katexOptions } from '../../src/markdown/plugins';

const katexCss = woff2Only(readFileSync('node_modules/katex/dist/katex.min.css', 'utf8'));
const site = '.site-header{color:red}@media print{.katex-display{break-inside:avoid}}';
const page = (tex: string[], display = false) =>
  `<main class="prose">${tex.map((t) => katex.renderToString(t, { ...katexOptions, displayMode: display })).join(' ')}</main>`;

describe('pruning KaTeX CSS to the classes the pages use', () => {
  it('splits a minified stylesheet into its top-level rules, braces inside strings included', () => {
    expect(topLevelRules('a{content:"{"}@media print{b{c:d}}e{}').map((r) => r.prelude)).toEqual(['a', '@media print', 'e']);
  });

  it('leaves a stylesheet without KaTeX rules as it is, byte for byte (so it keeps its name)', () => {
    const css = 'main:has(.explorer){max-width:90rem}\n';
    expect(pruneKatexCss(css, new Set())).toBe(css);
  });

  it('reads classes from quoted and unquoted class attributes', () => {
    expect([...classesIn('<p class="a  b"><span class=c></span><i class=\'d\'>')]).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps every KaTeX rule that matches an element of the rendered math, and the site\'s own rules', () => {
    const html = page(['\\ce{Li2S + 2Li+ + 2e- -> 2Li2S}', '10^{-17}\\,\\mathrm{cm^2\\,s^{-1}}', '\\frac{a}{b}', '\\sqrt{x}']);
    const pruned = pruneKatexCss(site + katexCss, classesIn(html));
    const dom = parse(html);
    let matched = 0;
    for (const { prelude, text } of topLevelRules(katexCss)) {
      if (prelude.startsWith('@')) continue;
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
});

describe('splitting KaTeX\'s rules from the site\'s', () => {
  it('moves every rule owned by KaTeX (and its font faces) out, and keeps the site\'s rules in order', () => {
    const own = '.site-header{color:red}.katex a,.prose .katex{color:blue}main .x{margin:0}@media print{.katex-display{break-inside:avoid}}';
    const { site, katex } = splitKatexCss(own + katexCss);
    expect(site.startsWith('.site-header{color:red}main .x{margin:0}@media print{.katex-display{break-inside:avoid}}')).toBe(true);
    expect(site.length).toBeLessThan(own.length + 100); // of KaTeX's stylesheet, at most a rule on body stays
    expect(katex.startsWith('.katex a,.prose .katex{color:blue}')).toBe(true);
    expect(katex).toMatch(/@font-face\{[^}]*font-family:KaTeX_Main/);
    expect(katex.length).toBeGreaterThan(katexCss.length - 100);
  });

  it('keeps a rule that also styles something other than KaTeX with the site', () => {
    expect(splitKatexCss('.katex,.formula{font-size:1.1em}')).toEqual({ site: '.katex,.formula{font-size:1.1em}', katex: '' });
  });
});

