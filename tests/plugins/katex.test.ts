import type { ElementContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { failureOf, toHtml } from './pipeline';
import { woff2Only } from '../../src/integrations/katex-woff2';
import { renderInline } from '../../src/markdown/inline';
import { katexErrors, mhchemMistake } from '../../src/plugins/rehype-katex-strict';

describe('math and chemistry through the real pipeline', () => {
  it('renders inline and display math with MathML', async () => {
    const { html } = await toHtml('Lithiation $\\ce{CoO + 2Li -> Co + Li2O}$.\n\n$$\n10^{-17}\n$$');
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML">');
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain('katex-error');
    expect(html).toContain('<annotation encoding="application/x-tex">\\ce{CoO + 2Li -> Co + Li2O}</annotation>');
  });

  it('fails the file on malformed TeX instead of rendering red text', async () => {
    expect(await failureOf(toHtml('ok\n\nbad $\\frac{1}$ here'))).toMatchInlineSnapshot(`"content/sections/test.mdx:3:5: Could not render math with KaTeX: KaTeX parse error: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1} (in $\\frac{1}$)"`);
  });

  it('fails the file on malformed mhchem', async () => {
    expect(await failureOf(toHtml('bad $\\ce{Li2O}}$'))).toMatchInlineSnapshot(`"content/sections/test.mdx:1:5: Could not render math with KaTeX: KaTeX parse error: Expected 'EOF', got '}' at position 10: \\ce{Li2O}}̲ (in $\\ce{Li2O}}$)"`);
  });

  it('keeps only woff2 in KaTeX font sources', () => {
    const css = '@font-face{src:url(fonts/KaTeX_Main-Regular.woff2) format("woff2"),url(fonts/KaTeX_Main-Regular.woff) format("woff"),url(fonts/KaTeX_Main-Regular.ttf) format("truetype")}';
    expect(woff2Only(css)).toBe('@font-face{src:url(fonts/KaTeX_Main-Regular.woff2) format("woff2")}');
  });

  it('indexes a plain reading of each formula, and names a link that shows only a formula by it', async () => {
    // Formulas that need KaTeX's layout (a reaction arrow); a plain formula is set as text (rehype-text-formulas).
    const { html } = await toHtml('The [$\\ce{Li2O2 -> LiO2}$](reaction:a) step and [bulk $\\ce{Li2O ->}$](material:li2o).');
    const [whole, mixed] = html.split('</a>');
    expect(whole).toMatch(/<a href="\/base\/reactions\/#a"><span class="math-index visually-hidden">Li2O2 → LiO2<\/span><span class="katex" data-pagefind-ignore="" aria-hidden="true">/);
    expect(mixed).toContain('bulk <span hidden class="math-index">Li2O →</span><span class="katex" data-pagefind-ignore="">');
  });
});

describe('TeX that KaTeX refuses fails the file, with its line and the command', () => {
  // KaTeX does not throw for a command its trust policy refuses: it sets the command's name in red. Each of these
  // would have been published so.
  it('a link in a section body', async () => {
    expect(await failureOf(toHtml('Text.\n\nA link $\\href{javascript:alert(1)}{x}$ here.'))).toMatchInlineSnapshot(`"content/sections/test.mdx:3:8: KaTeX refused \\href in $\\href{javascript:alert(1)}{x}$, which it would show as red text: the edition trusts no command that makes a link, an image or an HTML attribute (\\href, \\url, \\includegraphics, \\htmlId …)"`);
  });

  it('a URL in display math', async () => {
    expect(await failureOf(toHtml('Text.\n\n$$\n\\url{https://example.org/}\n$$'))).toMatchInlineSnapshot(`"content/sections/test.mdx:3:1: KaTeX refused \\url in $$\\url{https://example.org/}$$, which it would show as red text: the edition trusts no command that makes a link, an image or an HTML attribute (\\href, \\url, \\includegraphics, \\htmlId …)"`);
  });

  it.each([
    ['an image', '$\\includegraphics{https://example.org/a.png}$'],
    ['an HTML id', '$\\htmlId{top}{x}$'],
    ['an HTML style', '$x \\htmlStyle{color: red}{y}$'],
    ['a link inside mhchem', '$\\ce{A ->[\\href{https://example.org/}{x}] B}$'],
  ])('%s', async (_, tex) => {
    const failure = await failureOf(toHtml(`Text.\n\nThen ${tex}.`));
    expect(failure).toMatch(/^content\/sections\/test\.mdx:3:6: KaTeX refused \\(includegraphics|htmlId|htmlStyle|href) in \$/);
    expect(failure).toContain(`in ${tex}, which it would show as red text`);
  });

  it('a URL in a record\'s text field, which goes through the same plugins', () => {
    expect(() => renderInline('Seen at $\\url{https://example.org/}$.')).toThrowErrorMatchingInlineSnapshot(`[1:9: KaTeX refused \\url in $\\url{https://example.org/}$, which it would show as red text: the edition trusts no command that makes a link, an image or an HTML attribute (\\href, \\url, \\includegraphics, \\htmlId …)]`);
  });

  it('finds KaTeX\'s error output: a katex-error element, and text in its error colour in HTML or MathML', () => {
    const nodes = (html: string) => unified().use(rehypeParse, { fragment: true }).parse(html).children as ElementContent[];
    expect(katexErrors(nodes('<span class="katex-error" title="ParseError: KaTeX parse error: x" style="color:#cc0000">\\frac{1}</span>'))).toEqual([
      { text: '\\frac{1}', error: 'ParseError: KaTeX parse error: x' },
    ]);
    expect(katexErrors(nodes('<math><mstyle mathcolor="#CC0000"><mtext>\\url</mtext></mstyle></math><span style="color: #cc0000;"><span style="color:#cc0000">\\url</span></span>'))).toEqual([{ text: '\\url' }]);
    expect(katexErrors(nodes('<span style="color:transparent">X</span><span style="background-color:#cc0000">y</span>'))).toEqual([]);
    expect(katexErrors(nodes('<span style="color:#00f">\\href</span>'), '#00F')).toEqual([{ text: '\\href' }]);
  });
});

describe('mhchem: the forms the edition allows, and those that fail', () => {
  // The edition's text sets plain species as text (src/lib/text-formula.ts); everything else in \ce{} is KaTeX's with
  // mhchem, which accepts these: states, charges written either way, electrons, the equilibrium and the
  // resonance arrows, arrows with a label above (and below), precipitates and gases, adducts, isotopes, variable
  // coefficients.
  it.each([
    '\\ce{Li(s) + 1/2O2(g) -> Li2O(s)}',
    '\\ce{Co^{3+} + e- -> Co^2+}',
    '\\ce{Li2S <=> 2Li+ + S^{2-}}',
    '\\ce{A <--> B}',
    '\\ce{LiO2 ->[\\Delta] Li2O2}',
    '\\ce{Li2O2 ->[{charge}][{1 V}] 2Li+ + O2 ^}',
    '\\ce{Li+ + e- -> Li v}',
    '\\ce{CuSO4*5H2O}',
    '\\ce{^{7}Li}',
    '\\ce{$x$Li+ + $x$e- + FePO4 -> Li_{x}FePO4}',
    '\\ce{LiNi_{0.5}Mn_{1.5}O_{4-δ} ->}',
  ])('renders %s', async (tex) => {
    // A coefficient in $…$ (as the reactions write them) cannot stand inside inline math: those are displayed.
    const { html } = await toHtml(tex.includes('$') ? `Text:\n\n$$\n${tex}\n$$` : `Text $${tex}$.`);
    expect(html).toContain('<span class="katex"');
    expect(html).not.toMatch(/katex-error|#cc0000/i);
  });

  it.each([
    ['an unclosed \\ce', '\\ce{A -> B'],
    ['an unknown command in an arrow\'s label', '\\ce{A ->[\\heat] B}'],
    ['a label whose bracket never closes (mhchem would set "[above B" as text)', '\\ce{A ->[above B}'],
    ['an empty formula (mhchem would set nothing)', '\\ce{ }'],
    ['a Unicode letter in math mode (a unit belongs after the formula, as text)', '\\ce{5 Å}'],
    ['a comment that swallows the rest', '\\ce{Li2O % oxide}'],
  ])('fails on %s', async (_, tex) => {
    expect(await failureOf(toHtml(`$${tex}$`))).toMatch(/^content\/sections\/test\.mdx:1:1: /);
  });

  it('names the mistake in what it fails on', async () => {
    expect(await failureOf(toHtml('$\\ce{A ->[above B}$'))).toMatchInlineSnapshot(`"content/sections/test.mdx:1:1: mhchem: the label of the arrow "->" opens "[" and never closes it in $\\ce{A ->[above B}$"`);
    expect(await failureOf(toHtml('$\\ce{ }$'))).toMatchInlineSnapshot(`"content/sections/test.mdx:1:1: mhchem: an empty \\ce{} in $\\ce{ }$"`);
    expect(await failureOf(toHtml('$\\ce{5 Å}$'))).toMatchInlineSnapshot(`"content/sections/test.mdx:1:1: Could not render math with KaTeX: KaTeX parse error: LaTeX-incompatible input and strict mode is set to 'error': Accented Unicode text character "Å" used in math mode [unicodeTextInMathMode] at position 3: {5Å̲} (in $\\ce{5 Å}$)"`);
  });

  it('reads a label\'s brackets past braces, and only inside \\ce', () => {
    expect(mhchemMistake('\\ce{A ->[{a]b}] B}')).toBeUndefined();
    expect(mhchemMistake('\\ce{A ->[{a]b} B}')).toBe('the label of the arrow "->" opens "[" and never closes it');
    expect(mhchemMistake('\\ce{A <=>[x][y] B}')).toBeUndefined();
    expect(mhchemMistake('a ->[ b')).toBeUndefined();
    expect(mhchemMistake('\\ce{Li2O} + \\ce{}')).toBe('an empty \\ce{}');
  });
});
