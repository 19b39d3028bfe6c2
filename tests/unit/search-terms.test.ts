import { describe, expect, it } from 'vitest';
import { markedTitle, materialSearchTerms, plainFormula, sharedFormulas, subscriptFormula, techniqueSearchTerms, unsubscript } from '../../src/lib/search-terms';
import { nameKey, namedBy, namesSeparator, titlePieces } from '../../src/shared/search-names';

describe('search terms', () => {
  it('writes a formula plain and with Unicode subscripts', () => {
    expect(plainFormula('Li_{6.75}La_{2.84}Zr2O12')).toBe('Li6.75La2.84Zr2O12');
    expect(subscriptFormula('LiCoO2')).toBe('LiCoO₂');
    expect(subscriptFormula('Li7La3Zr2O12')).toBe('Li₇La₃Zr₂O₁₂');
    expect(subscriptFormula('Li6.75La2.84')).toBe('Li₆.₇₅La₂.₈₄');
    expect(subscriptFormula('Co3+')).toBe('Co3+');
    expect(subscriptFormula('(PO4)3')).toBe('(PO₄)₃');
    expect(unsubscript('Li₇La₃Zr₂O₁₂')).toBe('Li7La3Zr2O12');
  });

  it('gathers every written form of a material once', () => {
    const terms = materialSearchTerms({ name: 'lithium cobalt oxide', formula: 'LiCoO2', abbreviations: ['LCO'], aliases: ['LiCoO₂', 'layered LiCoO2', 'Li2CoO2'] });
    expect(terms).toEqual({ names: ['lithium cobalt oxide', 'LiCoO2', 'LiCoO₂', 'LCO'], aliases: ['layered LiCoO2', 'Li2CoO2', 'Li₂CoO₂'] });
    const llzo = materialSearchTerms({ name: 'garnet', formula: 'Li_{6.75}La3Zr2O12', abbreviations: [], aliases: ['Li₇La₃Zr₂O₁₂', 'Li7-3xAlxLa3Zr2O12'] });
    expect(llzo).toEqual({ names: ['garnet', 'Li6.75La3Zr2O12', 'Li₆.₇₅La₃Zr₂O₁₂'], aliases: ['Li₇La₃Zr₂O₁₂', 'Li7La3Zr2O12', 'Li7-3xAlxLa3Zr2O12'] });
  });

  it('leaves a formula that another material shares out of the names, unless the material lists it', () => {
    const materials = [
      { id: 'llzo', data: { formula: 'Li7La3Zr2O12', aliases: ['Li₇La₃Zr₂O₁₂'] } },
      { id: 'tetragonal-llzo', data: { formula: 'Li7La3Zr2O12', aliases: ['tetragonal LLZO'] } },
      { id: 'licoo2', data: { formula: 'LiCoO2', aliases: [] } },
    ];
    expect(sharedFormulas(materials)).toEqual(new Set(['tetragonal-llzo']));
    expect(materialSearchTerms({ name: 'tetragonal LLZO', formula: 'Li7La3Zr2O12', abbreviations: ['t-LLZO'], aliases: [] }, true).names).toEqual(['tetragonal LLZO', 't-LLZO']);
  });

  it('compares a query with a page\'s names as a reader types them: any case, Unicode subscripts, any dash', () => {
    expect(nameKey('  LiCoO₂ ')).toBe('licoo2');
    expect(nameKey('75Li₂S–25P₂S₅')).toBe('75li2s-25p2s5');
    const names = ['lithium cobalt oxide', 'LiCoO2', 'LCO'].join(namesSeparator);
    expect(namedBy('LiCoO₂', names)).toBe(true);
    expect(namedBy('lithium  cobalt oxide', names)).toBe(true);
    expect(namedBy('cobalt oxide', names)).toBe(false);
    expect(namedBy('LCO', undefined)).toBe(false);
  });

  it('marks a title\'s sub- and superscripts, and reads them back', () => {
    const marked = markedTitle('lithium cobalt oxide — LiCoO<sub>2</sub>, Co<sup>3+</sup> &amp; <i>x</i>')!;
    expect(marked).toBe('lithium cobalt oxide — LiCoO_{2}, Co^{3+} & x');
    expect(titlePieces(marked)).toEqual([{ text: 'lithium cobalt oxide — LiCoO' }, { text: '2', script: 'sub' }, { text: ', Co' }, { text: '3+', script: 'sup' }, { text: ' & x' }]);
    expect(markedTitle('Introduction')).toBeUndefined();
    expect(markedTitle('<span class="katex">x<sub>2</sub></span>')).toBeUndefined();
  });

  it('gathers the abbreviation, name and aliases of a technique', () => {
    expect(techniqueSearchTerms({ name: 'electron energy loss spectroscopy', abbreviation: 'EELS', aliases: ['EELS mapping'] })).toEqual({ names: ['EELS', 'electron energy loss spectroscopy'], aliases: ['EELS mapping'] });
    expect(techniqueSearchTerms({ name: 'cryo-TEM', aliases: [] })).toEqual({ names: ['cryo-TEM'], aliases: [] });
  });
});
