import { describe, expect, it } from 'vitest';
import { abbreviationMarker, glossaryAbbreviations } from '../../src/lib/abbreviations';
import { makeRoutes } from '../../src/lib/routes';
import { glossarySchema } from '../../src/schemas/glossary';
import { toHtml } from './pipeline';

const routes = makeRoutes('/base/');
const mark = abbreviationMarker({
  abbreviations: glossaryAbbreviations([{ id: 'tem', term: 'TEM', expansion: 'transmission electron microscopy' }, { id: 'lco', term: 'LCO', expansion: 'LiCoO2' }].map((g) => ({ data: glossarySchema.parse(g) }))),
  href: routes.term,
  prefixes: [routes.materials, routes.techniques, routes.cells],
});
/** A section body through the edition's Markdown pipeline, then the page-level pass as the pages run it. */
const page = async (markdown: string, card = '') => mark((await toHtml(markdown)).html + card);
const links = (html: string) => [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);

describe('link once: a material, technique, cell or term is linked at its first mention and once in each card', () => {
  it('keeps the first link to each page of the text and sets the later ones as text, with their markup', async () => {
    const html = await page('[LCO cathodes](material:licoo2) and [$\\ce{LiCoO2}$](material:licoo2).\n\nAgain [$\\ce{LiCoO2}$](material:licoo2), in an [open cell](cell:solid-state-open-cell), see [2.1](section:cathodes) and [2.1](section:cathodes).');
    expect(links(html)).toEqual(['/base/materials/licoo2/', '/base/cells/solid-state-open-cell/', '/base/sections/cathodes/', '/base/sections/cathodes/']);
    expect(html).toContain('and LiCoO<sub>2</sub>.');
  });

  it('links a study card once of its own, whatever the text linked before it', async () => {
    const card = '<aside class="card"><p><a href="/base/materials/licoo2/">LiCoO2</a>, <a href="/base/materials/licoo2/">again</a></p></aside>';
    const html = await page('[LiCoO2](material:licoo2) here.', card);
    expect(links(html)).toEqual(['/base/materials/licoo2/', '/base/materials/licoo2/']);
    expect(html).toContain('again</p></aside>');
  });

  it('links an abbreviation once, to the page a cross-link gives it, even where its plain use comes first', async () => {
    const html = await page('Seen by TEM first.\n\nThen [TEM](technique:tem) and TEM.');
    expect(links(html)).toEqual(['/base/techniques/tem/']);
    expect(html).toContain('<a href="/base/techniques/tem/"><abbr title="transmission electron microscopy">TEM</abbr></a> first');
    const linkedFirst = await page('With [TEM](technique:tem), then TEM.');
    expect(links(linkedFirst)).toEqual(['/base/techniques/tem/']);
    expect(linkedFirst).toContain('<abbr title="transmission electron microscopy">TEM</abbr></a>, then TEM.');
  });
});
