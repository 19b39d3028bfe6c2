import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { chemPlain, chemUnicode, readChem } from '../../src/lib/formula';
import { chemToPlain, texToPlain } from '../../src/lib/plain-text';
import { textFormula } from '../../src/lib/text-formula';
import { subscriptFormula } from '../../src/lib/search-terms';
import { chemToUnicode } from '../../src/lib/diagrams/text';

describe('the mhchem reader', () => {
  it('reads a reaction into species, operators, arrows and coefficients', () => {
    expect(readChem('FePO4 + $x$Li+ + $x$e- -> $x$LiFePO4')!.map((t) => t.kind)).toEqual(['species', 'operator', 'math', 'species', 'operator', 'math', 'species', 'arrow', 'math', 'species']);
    expect(readChem('Li2O.H2O')).toBeUndefined();
    expect(readChem('Li ->')).toEqual([{ kind: 'species', pieces: [{ kind: 'text', value: 'Li' }] }, { kind: 'arrow' }]);
  });

  it('writes one reading in every form: HTML, plain text and Unicode', () => {
    const forms = (body: string) => [toHtml(textFormula(`\\ce{${body}}`) ?? []), chemPlain(body), chemUnicode(body)?.text];
    expect(forms('Li_{7-3x}Al_xLa3Zr2O12')).toEqual(['Li<sub>7−3<i>x</i></sub>Al<sub><i>x</i></sub>La<sub>3</sub>Zr<sub>2</sub>O<sub>12</sub>', 'Li7-3xAlxLa3Zr2O12', 'Li₇₋₃ₓAlₓLa₃Zr₂O₁₂']);
    expect(forms('Co^{3+}')).toEqual(['Co<sup>3+</sup>', 'Co3+', 'Co³⁺']);
    expect(forms('75Li2S-25P2S5')).toEqual(['75Li<sub>2</sub>S–25P<sub>2</sub>S<sub>5</sub>', '75Li2S-25P2S5', '75Li₂S-25P₂S₅']);
    expect(forms('2e-')).toEqual(['2e<sup>−</sup>', '2e-', '2e⁻']);
  });

  it('keeps written subscripts on the line in Unicode when one of them has no subscript character', () => {
    expect(chemUnicode('LiN_{x}O_{y}')).toEqual({ text: 'LiNxOy', exact: false });
    expect(chemUnicode('Li_{1+x+y}Al_{y}Ti_{2-y}Si_{x}P_{3-x}O12')!.text).toBe('Li1+x+yAlyTi2-ySixP3-xO₁₂');
  });

  it('serves the plain text of pages, the diagrams and the search terms', () => {
    expect(chemToPlain('LiFePO4 - $x$Li+ - $x$e- -> $x$FePO4 + $(1-x)$LiFePO4')).toBe('LiFePO4 - xLi+ - xe- → xFePO4 + (1-x)LiFePO4');
    expect(texToPlain('EELS showed $\\ce{Co^3+}$ turn into $\\ce{Co^4+}$')).toBe('EELS showed Co3+ turn into Co4+');
    expect(chemToUnicode('Li2O2 -> LiO2 + Li+ + e-')).toBe('Li₂O₂ → LiO₂ + Li⁺ + e⁻');
    // A formula the reader does not take is left as it is, never half-lowered (Li1+xAlxGe₂-x(PO₄)₃).
    expect(subscriptFormula('Li1+xAlxGe2-x(PO4)3')).toBe('Li1+xAlxGe2-x(PO4)3');
    expect(subscriptFormula('Li6.75La2.84Zr2O12')).toBe('Li₆.₇₅La₂.₈₄Zr₂O₁₂');
  });
});
