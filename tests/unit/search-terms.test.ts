import { describe, expect, it } from 'vitest';
import { materialSearchTerms, plainFormula, subscriptFormula, techniqueSearchTerms, unsubscript } from '../../src/lib/search-terms';

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

  it('gathers the abbreviation, name and aliases of a technique', () => {
    expect(techniqueSearchTerms({ name: 'electron energy loss spectroscopy', abbreviation: 'EELS', aliases: ['EELS mapping'] })).toEqual({ names: ['EELS', 'electron energy loss spectroscopy'], aliases: ['EELS mapping'] });
    expect(techniqueSearchTerms({ name: 'cryo-TEM', aliases: [] })).toEqual({ names: ['cryo-TEM'], aliases: [] });
  });
});
