import { describe, expect, it } from 'vitest';
import { failureOf, toHtml } from './pipeline';
import { woff2Only } from '../../src/integrations/katex-woff2';

describe('math and chemistry through the real pipeline', () => {
  it('renders inline and display math with MathML', async () => {
    const { html } = await toHtml('Lithiation $\\ce{CoO + 2Li -> Co + Li2O}$.\n\n$$\n10^{-17}\n$$');
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML">');
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain('katex-error');
    expect(html).toContain('<annotation encoding="application/x-tex">\\ce{CoO + 2Li -> Co + Li2O}</annotation>');
  });

  it('fails the file on malformed TeX instead of rendering red text', async () => {
    expect(await failureOf(toHtml('ok\n\nbad $\\frac{1}$ here'))).toMatchInlineSnapshot(`"content/sections/test.mdx:3:5: Could not render math with KaTeX: KaTeX parse error: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}"`);
  });

  it('fails the file on malformed mhchem', async () => {
    expect(await failureOf(toHtml('bad $\\ce{Li2O}}$'))).toMatchInlineSnapshot(`"content/sections/test.mdx:1:5: Could not render math with KaTeX: KaTeX parse error: Expected 'EOF', got '}' at position 10: \\ce{Li2O}}̲"`);
  });

  it('keeps only woff2 in KaTeX font sources', () => {
    const css = '@font-face{src:url(fonts/KaTeX_Main-Regular.woff2) format("woff2"),url(fonts/KaTeX_Main-Regular.woff) format("woff"),url(fonts/KaTeX_Main-Regular.ttf) format("truetype")}';
    expect(woff2Only(css)).toBe('@font-face{src:url(fonts/KaTeX_Main-Regular.woff2) format("woff2")}');
  });

  it('indexes a plain reading of each formula, and names a link that shows only a formula by it', async () => {
    // Formulas that need KaTeX's layout (a reaction arrow); a plain formula is set as text (rehype-text-formulas).
    const { html } = await toHtml('The [$\\ce{Li2O2 -> LiO2}$](reaction:a) step and [bulk $\\ce{Li2O ->}$](material:li2o).');
    const [whole, mixed] = html.split('</a>');
    expect(whole).toMatch(/<a href="\/base\/reactions\/#a" data-link="reaction"><span class="math-index visually-hidden">Li2O2 → LiO2<\/span><span class="katex" data-pagefind-ignore="" aria-hidden="true">/);
    expect(mixed).toContain('bulk <span hidden class="math-index">Li2O →</span><span class="katex" data-pagefind-ignore="">');
  });
});
