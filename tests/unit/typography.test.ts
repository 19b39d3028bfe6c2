import { describe, expect, it } from 'vitest';
import { renderInline } from '../../src/markdown/inline';
import { texToPlain } from '../../src/lib/plain-text';
import { proseToUnicode } from '../../src/lib/diagrams/text';
import { typeset } from '../../src/lib/typeset';

describe('typeset: the records’ text set as the MDX bodies are', () => {
  it('curls quotes and apostrophes, and sets dashes and ellipses', () => {
    expect(typeset(`The review's "phase group" and 'single' quotes -- and so on...`)).toBe('The review’s “phase group” and ‘single’ quotes — and so on…');
    expect(typeset('the studies\' records')).toBe('the studies’ records');
  });

  it('reads math as a word but never changes it', () => {
    expect(typeset(`printed "$\\ce{L2O}$" for $\\ce{Li2O}$`)).toBe('printed “$\\ce{L2O}$” for $\\ce{Li2O}$');
    expect(typeset(`the slope $f'(x)$ is "steep"`)).toBe('the slope $f\'(x)$ is “steep”');
  });

  it('returns text without quotes, dashes or ellipses as it is', () => {
    const text = 'Li$_2$O grown at $10^{-2}$ mbar';
    expect(typeset(text)).toBe(text);
  });

  it('is what the records’ HTML, their plain text and the diagrams’ text show', () => {
    const note = `The review writes "L2O" for $\\ce{Li2O}$; it's kept.`;
    expect(renderInline(note)).toContain('writes “L2O” for');
    expect(renderInline(note)).toContain('it’s kept.');
    expect(texToPlain(note)).toBe('The review writes “L2O” for Li2O; it’s kept.');
    expect(proseToUnicode(note)).toBe('The review writes “L2O” for Li₂O; it’s kept.');
  });
});
