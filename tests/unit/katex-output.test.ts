import { describe, expect, it } from 'vitest';
import { katexErrorOutput } from '../../src/lib/checks/katex-output';
import { renderDisplay } from '../../src/markdown/inline';

const page = (html: string) => ({ url: '/sections/x/', html });

describe('output check: no KaTeX error output in a built page', () => {
  it('finds a command KaTeX refused (red text, in its HTML and its MathML), once, with line and column', () => {
    // What KaTeX 0.19 writes for $\url{…}$ with trust off.
    const red =
      '<span class="katex"><span class="katex-mathml"><math><semantics><mrow><mstyle mathcolor="#cc0000"><mtext>\\url</mtext></mstyle></mrow>' +
      '<annotation encoding="application/x-tex">\\url{https://example.org/}</annotation></semantics></math></span><span class="katex-html" aria-hidden="true">' +
      '<span class="mord text" style="color:#cc0000;"><span class="mord" style="color:#cc0000;">\\url</span></span></span></span>';
    expect(katexErrorOutput(page(`<p>ok</p>\n<p>Seen at ${red}.</p>`))).toEqual([
      { page: '/sections/x/', line: 2, column: 82, rule: 'katex-error', message: 'KaTeX error output, shown in red: "\\url"' },
    ]);
  });

  it('finds what rehype-katex renders after an error', () => {
    expect(katexErrorOutput(page('<p><span class="katex-error" title="ParseError: …" style="color:#cc0000">\\frac{1}</span></p>')).map((p) => p.message)).toEqual([
      'KaTeX error output, shown in red: "\\frac{1}"',
    ]);
  });

  it('passes the edition\'s own formulas, and colours that only look alike', () => {
    expect(katexErrorOutput(page(renderDisplay('\\ce{Li + LiCoO2 -> CoO + Li2O}')))).toEqual([]);
    expect(katexErrorOutput(page('<p class="no-katex-errors" style="background-color:#cc0000; border-color: #cc00001"># cc0000 katex-error</p>'))).toEqual([]);
  });
});
