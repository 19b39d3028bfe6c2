import { describe, expect, it } from 'vitest';
import { collectMdx, problemsOf, toHtml } from './pipeline';

describe('remark-crosslinks through the real pipeline', () => {
  it('points each kind of cross-link at its page', async () => {
    const { html, refs } = await toHtml(
      '[LCO](material:licoo2), [EELS](technique:eels), [cell](cell:solid-state-open-cell), [2.1](section:cathode-oxides-polyanionic), [Gong](study:gong-2017-lco), [Eq.](reaction:lco-1), [SEI](term:sei) and [web](https://example.org).',
    );
    for (const href of ['/base/materials/licoo2/', '/base/techniques/eels/', '/base/cells/solid-state-open-cell/', '/base/sections/cathode-oxides-polyanionic/', '/base/studies/gong-2017-lco/', '/base/reactions/#lco-1', '/base/glossary/#sei'])
      expect(html).toContain(`href="${href}"`);
    expect(html).toContain('href="https://example.org"');
    expect(refs.links.map((l) => `${l.kind}:${l.id}@${l.line}:${l.column} ${l.text}`)).toEqual([
      'material:licoo2@1:1 LCO', 'technique:eels@1:25 EELS', 'cell:solid-state-open-cell@1:49 cell', 'section:cathode-oxides-polyanionic@1:85 2.1',
      'study:gong-2017-lco@1:128 Gong', 'reaction:lco-1@1:157 Eq.', 'term:sei@1:180 SEI',
    ]);
  });

  it('collects <Study> and <Reaction> placements in reading order', async () => {
    const refs = await collectMdx('Text.\n\n<Reaction id="lco-1" />\n\n<Study id="gong-2017-lco" />\n');
    expect(refs.placements).toEqual([
      { kind: 'reaction', id: 'lco-1', line: 3, column: 1 },
      { kind: 'study', id: 'gong-2017-lco', line: 5, column: 1 },
    ]);
  });

  it('collects a malformed id with its line', async () => {
    expect(problemsOf((await toHtml('x\n\n[LCO](material:LiCoO2)')).refs)).toEqual([
      'content/sections/test.mdx:3:1: malformed material link "material:LiCoO2": the id must be lower-case words joined by hyphens [link-syntax]',
    ]);
  });

  it('collects every malformed link and placement of a file, not only the first', async () => {
    expect(problemsOf(await collectMdx('<Study id={x} />\n\n[LCO](material:LiCoO2) and [](cell:open-cell)\n\n<Reaction />'))).toEqual([
      'content/sections/test.mdx:1:1: <Study> needs id="…" written as a plain string of lower-case words joined by hyphens [link-syntax]',
      'content/sections/test.mdx:3:1: malformed material link "material:LiCoO2": the id must be lower-case words joined by hyphens [link-syntax]',
      'content/sections/test.mdx:3:28: cell link "cell:open-cell" has no text [link-syntax]',
      'content/sections/test.mdx:5:1: <Reaction> needs id="…" written as a plain string of lower-case words joined by hyphens [link-syntax]',
    ]);
  });
});
