import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { scriptsAsMarkup, textFormula } from '../../src/lib/text-formula';

const html = (tex: string) => {
  const nodes = textFormula(tex);
  return nodes && toHtml(nodes);
};

describe('textFormula: inline TeX set as text', () => {
  it.each([
    ['\\ce{Li2O}', 'Li<sub>2</sub>O'],
    ['\\ce{LiCoO2}', 'LiCoO<sub>2</sub>'],
    ['\\ce{Li_{1.3}Al_{0.3}Ti_{1.7}(PO4)3}', 'Li<sub>1.3</sub>Al<sub>0.3</sub>Ti<sub>1.7</sub>(PO<sub>4</sub>)<sub>3</sub>'],
    ['\\ce{Li_{7-3x}Al_xLa3Zr2O12}', 'Li<sub>7−3<i>x</i></sub>Al<sub><i>x</i></sub>La<sub>3</sub>Zr<sub>2</sub>O<sub>12</sub>'],
    ['\\ce{Li_{1+x+y}Al_x(Ti,Ge)_{2-x}Si_yP_{3-y}O12}', '<span class="formula">Li<sub>1+<i>x</i>+<i>y</i></sub>Al<sub><i>x</i></sub>(Ti,Ge)<sub>2−<i>x</i></sub>Si<sub><i>y</i></sub>P<sub>3−<i>y</i></sub>O<sub>12</sub></span>'],
    ['\\ce{LiNi0.8Co0.15Al0.05O2}', 'LiNi<sub>0.8</sub>Co<sub>0.15</sub>Al<sub>0.05</sub>O<sub>2</sub>'],
    ['\\ce{Li_{1,2}Ni_{0,2}Mn_{0,6}O2}', 'Li<sub>1,2</sub>Ni<sub>0,2</sub>Mn<sub>0,6</sub>O<sub>2</sub>'],
    ['\\ce{Li2S_x}', 'Li<sub>2</sub>S<sub><i>x</i></sub>'],
    ['\\ce{Co^{3+}}', 'Co<sup>3+</sup>'],
    ['\\ce{Co^4+}', 'Co<sup>4+</sup>'],
    ['\\ce{Li+}', 'Li<sup>+</sup>'],
    ['\\ce{75Li2S-25P2S5}', '75Li<sub>2</sub>S–25P<sub>2</sub>S<sub>5</sub>'],
    ['\\ce{Li2S-P2S5}', 'Li<sub>2</sub>S–P<sub>2</sub>S<sub>5</sub>'],
    ['\\ce{Li/Li+}', '<span class="formula">Li/Li<sup>+</sup></span>'],
    ['\\ce{2Li}', '<span class="formula">2Li</span>'],
    ['\\ce{TiS}', '<span class="formula">TiS</span>'],
    ['\\ce{LCO}', '<span class="formula">LCO</span>'],
    ['\\ce{e-}', 'e<sup>−</sup>'],
    ['\\ce{2e-}', '2e<sup>−</sup>'],
    ['-3.04', '−3.04'],
    ['^{-1}', '<sup>−1</sup>'],
    ['^2', '<sup>2</sup>'],
    ['10^{-17}', '10<sup>−17</sup>'],
    ['>10^{-4}', '>10<sup>−4</sup>'],
    ['\\le 8', '≤8'],
    ['3 \\le x \\le 8', '3 ≤ <i>x</i> ≤ 8'],
    ['P4_332', '<i>P</i>4<sub>3</sub>32'],
    ['Fd\\bar{3}m', '<i>F</i><i>d</i>3\u0305<i>m</i>'],
    ['_{0.15}', '<sub>0.15</sub>'],
    ['_x', '<sub><i>x</i></sub>'],
    ['x', '<i>x</i>'],
    ['\\langle 112 \\rangle', '⟨112⟩'],
    ['\\{2\\,0\\,0\\}', '{2\u20090\u20090}'],
  ])('%s → %s', (tex, expected) => {
    // A formula is wrapped only where a word of it touches no <sub>, <sup> or <i>, which would make it read as prose.
    expect(html(tex)).toBe(expected);
  });

  it.each([
    '\\ce{Li + LiCoO2 -> CoO + Li2O}', // a reaction
    '\\ce{LiTiS2 -> TiS -> Ti2S -> Ti}', // a pathway
    '\\ce{2 Li}', // a space
    '\\ce{Li/}', // a couple with one side
    '\\ce{Li2O.H2O}', // an adduct
    '\\ce{2}', // a number alone
    '\\ce{Li^{+}_{2}}', // a charge before the end
    'Fd\\bar{3}m^2', // not a space group
    'P4_{33}2',
    '>',
    '> x',
    '3 \\le xy',
    '(1-x)',
    'xy',
    '',
  ])('leaves %s to KaTeX', (tex) => {
    expect(textFormula(tex)).toBeUndefined();
  });
});

describe('scriptsAsMarkup: headings written in Unicode, set as the text sets formulas', () => {
  it.each([
    ['Layered LiCoO₂ (LCO)', 'Layered LiCoO<sub>2</sub> (LCO)'],
    ['Li₁₊ₓAlₓGe₂₋ₓ(PO₄)₃', 'Li<sub>1+<i>x</i></sub>Al<sub><i>x</i></sub>Ge<sub>2−<i>x</i></sub>(PO<sub>4</sub>)<sub>3</sub>'],
    ['Fe₀.₉Co₀.₁OF', 'Fe<sub>0.9</sub>Co<sub>0.1</sub>OF'],
    ['(C₂H₄O)ₙ', '(C<sub>2</sub>H<sub>4</sub>O)<sub><i>n</i></sub>'],
    ['Li⁺ and section 2.1.', 'Li<sup>+</sup> and section 2.1.'],
    ['no formula here', 'no formula here'],
  ])('%s', (text, expected) => {
    expect(toHtml({ type: 'root', children: scriptsAsMarkup(text) })).toBe(expected);
  });
});
