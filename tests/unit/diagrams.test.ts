import { describe, expect, it } from 'vitest';
import { itemsByYear, matrixLayout } from '../../src/lib/diagrams/layout';
import { pathways, sidesOf, speciesKey, type PathwayReaction } from '../../src/lib/diagrams/pathways';
import { chemToUnicode, exactChemToUnicode, proseToUnicode } from '../../src/lib/diagrams/text';

const r = (id: string, number: number, tex: string, extra: Partial<PathwayReaction['data']> = {}): PathwayReaction => ({ id, number, data: { tex, ...extra } });

describe('text for SVG', () => {
  it('writes formulas with Unicode subscripts and charges, leaving coefficients', () => {
    expect(chemToUnicode('LiCoO2')).toBe('LiCoO₂');
    expect(chemToUnicode('2Li2O')).toBe('2Li₂O');
    expect(chemToUnicode('Li+')).toBe('Li⁺');
    expect(chemToUnicode('e-')).toBe('e⁻');
    expect(chemToUnicode('Li7La3Zr2O12')).toBe('Li₇La₃Zr₂O₁₂');
    expect(chemToUnicode('Fe_{0.9}Co_{0.1}OF')).toBe('Fe₀.₉Co₀.₁OF');
    expect(chemToUnicode('Li_{1+x}Al_{x}Ge_{2-x}(PO4)3')).toBe('Li₁₊ₓAlₓGe₂₋ₓ(PO₄)₃');
    expect(chemToUnicode('(C2H4O)_{n}')).toBe('(C₂H₄O)ₙ');
  });
  it('writes every subscript group on the line when Unicode cannot hold one of them, and says the formula is not exact', () => {
    expect(chemToUnicode('Li_{1+x+y}Al_{y}Ti_{2-y}Si_{x}P_{3-x}O12')).toBe('Li1+x+yAlyTi2-ySixP3-xO₁₂');
    expect(exactChemToUnicode('Li_{1+x+y}Al_{y}Ti_{2-y}Si_{x}P_{3-x}O12')).toBeUndefined();
    expect(exactChemToUnicode('Li_{x}PO_{y}N_{z}')).toBeUndefined();
    expect(chemToUnicode('LiN_{x}O_{y}')).toBe('LiNxOy');
    expect(exactChemToUnicode('LiAlSiO_{x}')).toBe('LiAlSiOₓ');
  });
  it('reduces prose with inline TeX', () => {
    expect(proseToUnicode('$\\ce{Li2O}$ grown on Li')).toBe('Li₂O grown on Li');
    expect(proseToUnicode('CO2 at $10^{-2}$ mbar')).toBe('CO2 at 10⁻² mbar');
  });
});

describe('reaction pathways', () => {
  it('splits an equation into sides and species', () => {
    expect(sidesOf('Li + LiCoO2 -> CoO + Li2O')).toEqual([['Li', 'LiCoO2'], ['CoO', 'Li2O']]);
    expect(sidesOf('Li+ + e- + O2 -> LiO2')).toEqual([['Li+', 'e-', 'O2'], ['LiO2']]);
    expect(speciesKey('2LiO2')).toBe('LiO2');
  });
  it('chains a multi-arrow reaction and its follower', () => {
    const [p, ...rest] = pathways([r('alloy', 1, 'Au -> LiAu3 -> Li3Au'), r('dealloy', 2, 'Li3Au -> LiAu3 -> Au', { follows: 'alloy' })]);
    expect(rest).toEqual([]);
    expect(p!.stages).toEqual([['Au'], ['LiAu3'], ['Li3Au'], ['LiAu3'], ['Au']]);
    expect(p!.steps.map((s) => s.reaction.id)).toEqual(['alloy', 'alloy', 'dealloy', 'dealloy']);
  });
  it('says what a following step takes in besides the previous products', () => {
    const [p] = pathways([r('two', 2, 'CoO + 2Li -> Co + Li2O', { follows: 'one' }), r('one', 1, 'Li + LiCoO2 -> CoO + Li2O')]);
    expect(p!.stages).toEqual([['Li', 'LiCoO2'], ['CoO', 'Li2O'], ['Co', 'Li2O']]);
    expect(p!.steps[1]).toMatchObject({ adds: ['2Li'], from: ['CoO', '2Li'], to: ['Co', 'Li2O'] });
  });
  it('continues with a reaction of the same study that starts from the last product, and skips single steps', () => {
    const list = [
      r('li2o', 4, '4Li+ + 4e- + O2 -> 2Li2O', { study: 's' }),
      r('form', 5, 'Li+ + e- + O2 -> LiO2', { study: 's' }),
      r('disp', 6, '2LiO2 -> Li2O2 + O2', { study: 's', follows: 'form' }),
      r('charge', 7, 'Li2O2 -> LiO2 + Li+ + e-', { study: 's' }),
      r('other', 8, 'Li2O2 -> LiO2 + Li+ + e-', { study: 't' }),
    ];
    const found = pathways(list);
    expect(found.map((p) => p.reactions.map((x) => x.id))).toEqual([['form', 'disp', 'charge']]);
  });
});

describe('layouts', () => {
  it('groups items by year, every year from the first to the last, gaps included', () => {
    const items = [2012, 2010, 2012, 2014].map((year, i) => ({ year, i }));
    expect(itemsByYear(items, (x) => x.year).map((y) => [y.year, y.items.map((x) => x.i)])).toEqual([[2010, [1]], [2011, []], [2012, [0, 2]], [2013, []], [2014, [3]]]);
    expect(itemsByYear([], (x: { year: number }) => x.year)).toEqual([]);
  });
  it('places only non-empty matrix cells, right of the row labels and below the header', () => {
    const L = matrixLayout(['LiCoO2', 'Si'], ['EELS', 'HRTEM', 'SAED'], [[1, 0, 2], [0, 0, 0]], { cell: 10, fontSize: 10 });
    expect(L.cells.map((c) => [c.row, c.column, c.count])).toEqual([[0, 0, 1], [0, 2, 2]]);
    for (const c of L.cells) {
      expect(c.x).toBeGreaterThanOrEqual(L.rowLabelWidth);
      expect(c.y).toBeGreaterThanOrEqual(L.headerHeight);
      expect(c.x + L.cell).toBeLessThanOrEqual(L.width);
    }
    for (const [i, label] of ['EELS', 'HRTEM', 'SAED'].entries()) {
      expect(L.columns[i]!.x + L.cell / 2 + label.length * 0.56 * 10 * 0.5).toBeLessThanOrEqual(L.width);
    }
  });
});
