import { describe, expect, it } from 'vitest';
import { addSelfLinks } from '../../src/lib/self-links';
import { toHtml } from './pipeline';

/** A section body through the edition's Markdown pipeline (Astro gives headings their ids), then the page's pass. */
const page = async (markdown: string, around = (body: string) => body) => addSelfLinks(around((await toHtml(markdown)).html));
const ids = (html: string) => [...html.matchAll(/<p id="([^"]*)"/g)].map((m) => m[1]);

describe('self-links on every heading and paragraph of a section', () => {
  it('gives each paragraph an id that stays while other headings\' paragraphs change, and keeps a citing paragraph\'s', async () => {
    const body = 'Lead.\n\n## Layered oxides\n\nOne.\n\nCites [@47].\n\nTwo.\n\n## Spinel\n\nThree.';
    expect(ids(await page(body))).toEqual(['p-1-start', 'p-1-layered-oxides', 'p-47', 'p-2-layered-oxides', 'p-1-spinel']);
    expect(ids(await page(body.replace('One.', 'One.\n\nInserted.')))).toEqual(['p-1-start', 'p-1-layered-oxides', 'p-2-layered-oxides', 'p-47', 'p-3-layered-oxides', 'p-1-spinel']);
  });

  it('makes a heading a link to itself, read once, and ends each paragraph with a named link', async () => {
    const html = await page('## Spinel\n\nText.');
    expect(html).toContain('<h2 id="spinel"><a class="self" href="#spinel">Spinel</a></h2>');
    expect(html).toContain('<p id="p-1-spinel">Text.<a class="pl" href="#p-1-spinel" aria-label="Link to this paragraph"></a></p>');
  });

  it('leaves cards, navigation, lists and classed paragraphs alone, and refuses an id that is taken', async () => {
    const html = await page('Text.', (b) => `<p class="lede">Summary</p><nav><h2 id="n">N</h2><p>x</p></nav><aside><p>card</p></aside>${b}`);
    expect(html).toContain('<p class="lede">Summary</p><nav><h2 id="n">N</h2><p>x</p></nav><aside><p>card</p></aside>');
    expect(ids(html)).toEqual(['p-1-start']);
    await expect(page('Text.', (b) => `<span id="p-1-start"></span>${b}`)).rejects.toThrow('"p-1-start"');
  });
});
