import { describe, expect, it } from 'vitest';
import { citedInText } from '../../src/lib/citation-syntax';
import { renderInline } from '../../src/markdown/inline';
import { texToPlain } from '../../src/lib/plain-text';

describe('text fields: math and citations', () => {
  it('links citations as the Markdown bodies do, ranges by their ends', () => {
    expect(renderInline('stress [@47, 196] & more [@127–129].')).toBe(
      'stress <span class="cite">[<a href="/references/47/">47</a>, <a href="/references/196/">196</a>]</span> &amp; more ' +
        '<span class="cite">[<a href="/references/127/">127</a>–<a href="/references/129/">129</a>]</span>.',
    );
    expect(citedInText('[@12, 185, 186] and [@127–129]')).toEqual([12, 185, 186, 127, 128, 129]);
  });

  it('leaves brackets that are not citations as text (a Miller index, a bare number)', () => {
    expect(renderInline('fault vector b/6[110], as in [84]')).toBe('fault vector b/6[110], as in [84]');
  });

  it('sets math and citations in one field, and reads both plain', () => {
    const text = 'sulfides $\\ce{Li2S_n}$, cited [@137]';
    expect(renderInline(text)).toContain('Li<sub>2</sub>S<sub><i>n</i></sub>, cited <span class="cite">');
    expect(texToPlain(text)).toBe('sulfides Li2Sn, cited [137]');
  });

  it('throws on a malformed citation, naming it', () => {
    expect(() => renderInline('see [@12b]')).toThrow(/malformed citation "\[@12b\]"/);
  });

  it('throws on a script URL or an image from another origin, and shows raw HTML as the text it is', () => {
    expect(() => renderInline('[click](javascript:alert(1)) and ![x](https://example.org/x.png)')).toThrow(
      `the link to "javascript:alert(1)" has a script URL; the image "https://example.org/x.png" is not one of the edition's own files: pages load nothing from another origin`,
    );
    expect(renderInline('<b>b</b>')).toBe('&lt;b>b&lt;/b>');
  });
});
