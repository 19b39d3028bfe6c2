import { describe, expect, it } from 'vitest';
import { bindUnits, endsWithNumber } from '../../src/lib/units';

const nb = (s: string) => s.replaceAll('_', '\u00A0');

describe('bindUnits', () => {
  it('binds a number to its unit, and the parts of a compound unit to each other', () => {
    expect(bindUnits('a capacity of 3860 mAh g')).toBe(nb('a capacity of 3860_mAh_g'));
    expect(bindUnits('at 0.5 mA cm and 25 °C, 5–15 nm thick, ~50 µm, 12 %')).toBe(nb('at 0.5_mA_cm and 25_°C, 5–15_nm thick, ~50_µm, 12_%'));
    expect(bindUnits('1675 mA h g')).toBe(nb('1675_mA_h_g'));
  });

  it('stops at the first word that is not a unit, and at a formula that starts like one', () => {
    expect(bindUnits('for 2 s the tip')).toBe(nb('for 2_s the tip'));
    expect(bindUnits('4.7 V vs. Li/Li')).toBe(nb('4.7_V vs. Li/Li'));
    expect(bindUnits('1 M LiPF')).toBe(nb('1_M LiPF'));
    expect(bindUnits('in 2020 as in 2019 and 3 cells')).toBe('in 2020 as in 2019 and 3 cells');
  });

  it('binds a unit at the start only when the text follows a number set apart (an exponent)', () => {
    expect(bindUnits(' S cm at room temperature', true)).toBe(nb('_S_cm at room temperature'));
    expect(bindUnits(' S cm at room temperature')).toBe(' S cm at room temperature');
    expect(bindUnits(' and then', true)).toBe(' and then');
  });

  it('tells text that ends with a number', () => {
    expect(endsWithNumber('−4')).toBe(true);
    expect(endsWithNumber('LiCoO')).toBe(false);
    expect(endsWithNumber('')).toBe(false);
  });
});
