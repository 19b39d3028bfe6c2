import { describe, expect, it } from 'vitest';
import { parseCitation } from '../../src/lib/citation-syntax';
import { problemsOf, toHtml } from './pipeline';

describe('remark-citations through the real pipeline', () => {
  it('in a section body, links each number to the page\'s own entry, and gives the citation and its paragraph ids', async () => {
    const { html } = await toHtml('Grains form [@83]. Both reactions [@85, 88] and a range [@100–107].');
    expect(html).toContain('<p id="p-83">Grains form <span class="cite" id="cite-83">[<a href="#ref-83">83</a>]</span>');
    expect(html).toContain('<span class="cite" id="cite-85">[<a href="#ref-85">85</a>, <a href="#ref-88">88</a>]</span>');
    expect(html).toContain('<span class="cite" id="cite-100">[<a href="#ref-100">100</a>–<a href="#ref-107">107</a>]</span>');
  });

  it('in a text field, links to the reference pages under the base path, without ids', async () => {
    const { renderInline } = await import('../../src/markdown/inline');
    expect(renderInline('Grains form [@83, 85].')).toBe('Grains form <span class="cite">[<a href="/references/83/">83</a>, <a href="/references/85/">85</a>]</span>.');
  });

  it('names a citing block after its first citation and a counter among blocks that cite that number first', async () => {
    const md = [
      'One [@5] and [@7].', // p-5; cite-5, cite-7
      'Two [@7] then [@5].', // p-7; cite-7-2, cite-5-2
      'Three [@5].', // p-5-2; cite-5-3
      '- a list item [@9]', // the list item: p-9
      '| a | b |\n|---|---|\n| cell [@5] | x |', // the cell: p-5-3
    ].join('\n\n');
    const { html, refs } = await toHtml(md);
    expect(refs.citations.map((c) => `${c.anchor} ${c.id}`)).toEqual([
      'p-5 cite-5', 'p-5 cite-7', 'p-7 cite-7-2', 'p-7 cite-5-2', 'p-5-2 cite-5-3', 'p-9 cite-9', 'p-5-3 cite-5-4',
    ]);
    expect(html).toContain('<li id="p-9">a list item');
    expect(html).toContain('<td id="p-5-3">cell');
    // Text without citations, added anywhere, renames nothing; a paragraph citing [5] first, added before, does.
    const { refs: more } = await toHtml(`New text.\n\n${md.replace('Three', 'Three, longer,')}`);
    expect(more.citations.map((c) => c.anchor)).toEqual(refs.citations.map((c) => c.anchor));
  });

  it('collects every number of a range with its line, sentence, id and paragraph, the sentence in its source form', async () => {
    const { refs } = await toHtml('First line.\n\nLCO nanograins grow [@83]. Later work on $\\ce{Li2S_x}$ ($3 \\le x \\le 8$) [@100-102] agrees.');
    expect(refs.citations).toEqual([
      { numbers: [83], line: 3, column: 21, context: 'LCO nanograins grow [@83].', id: 'cite-83', anchor: 'p-83' },
      { numbers: [100, 101, 102], line: 3, column: 74, context: 'Later work on $\\ce{Li2S_x}$ ($3 \\le x \\le 8$) [@100-102] agrees.', id: 'cite-100', anchor: 'p-83' },
    ]);
  });

  it('leaves ordinary brackets alone', async () => {
    const { html, refs } = await toHtml('A set [a, b] and a link [x](https://example.org).');
    expect(html).toContain('[a, b]');
    expect(refs.citations).toEqual([]);
  });

  it('collects a malformed citation with the file, line and value, and leaves it as written', async () => {
    const { html, refs } = await toHtml('Text.\n\nBad [@83a] here.', 'content/sections/bad.mdx');
    expect(problemsOf(refs, 'content/sections/bad.mdx')).toEqual([
      'content/sections/bad.mdx:3:5: malformed citation "[@83a]": "83a" is not a reference number or a range like 100–107 [citation-syntax]',
    ]);
    expect(html).toContain('Bad [@83a] here.');
  });

  it('collects every malformed citation of a file, each with its fault, and the good ones beside them', async () => {
    const { refs } = await toHtml('A [@0] and [@238].\n\nB [@107–100, 5] and [@1–90] and [@3, ].');
    expect(problemsOf(refs)).toEqual([
      'content/sections/test.mdx:1:3: malformed citation "[@0]": there is no reference 0: the review numbers its references from 1 [citation-syntax]',
      'content/sections/test.mdx:3:3: malformed citation "[@107–100, 5]": the range "107–100" runs backwards: write the lower number first (100–107) [citation-syntax]',
      'content/sections/test.mdx:3:21: malformed citation "[@1–90]": the range "1–90" spans 90 references, more than the 41 a range may hold [citation-syntax]',
      'content/sections/test.mdx:3:33: malformed citation "[@3, ]": an item is empty [citation-syntax]',
    ]);
    // [@238] is well formed: whether reference 238 exists is for the content graph to say.
    expect(refs.citations.map((c) => c.numbers)).toEqual([[238]]);
  });

  it('names every bad item of one citation', () => {
    expect(parseCitation('0, 12b')).toBe('malformed citation "[@0, 12b]": there is no reference 0: the review numbers its references from 1; "12b" is not a reference number or a range like 100–107');
    expect(parseCitation('1, 2–4')).toEqual([{ from: 1, to: 1 }, { from: 2, to: 4 }]);
  });
});
