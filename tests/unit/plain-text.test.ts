import { describe, expect, it } from 'vitest';
import { chemToPlain, texToPlain } from '../../src/lib/plain-text';

describe('plain readings of TeX (search index, citation contexts, metadata)', () => {
  it('drops subscript marks and braces, keeps superscripts and arrows readable', () => {
    expect(texToPlain('\\ce{Li_{6.75}La_{2.84}Y_{0.16}Zr_{1.75}Ta_{0.25}O12}')).toBe('Li6.75La2.84Y0.16Zr1.75Ta0.25O12');
    expect(texToPlain('$10^{-17}$–$10^{-16}$ m$^2$ s$^{-1}$')).toBe('10^-17–10^-16 m^2 s^-1');
    expect(chemToPlain('Li + LiCoO2 -> CoO + Li2O')).toBe('Li + LiCoO2 → CoO + Li2O');
  });

  it('reads relations, directions, families of planes and citations', () => {
    expect(texToPlain('$\\ce{Li2S_x}$, $3 \\le x \\le 8$ [@127–129]')).toBe('Li2Sx, 3 ≤ x ≤ 8 [127–129]');
    expect(texToPlain('$\\langle 112 \\rangle$ and $\\{2\\,0\\,0\\}$, $\\approx 5$, $\\geq$')).toBe('⟨112⟩ and {2 0 0}, ≈ 5,');
  });
});
