import { describe, expect, it } from 'vitest';
import { abbreviationMarker, glossaryAbbreviations } from '../../src/lib/abbreviations';
import { makeRoutes } from '../../src/lib/routes';
import { glossarySchema } from '../../src/schemas/glossary';
import { toHtml } from './pipeline';

const routes = makeRoutes('/base/');
/** The page-level pass for a glossary of these entries. */
const markerFor = (entries: { id: string; term: string; expansion: string }[]) =>
  abbreviationMarker({ abbreviations: glossaryAbbreviations(entries.map((g) => ({ data: glossarySchema.parse(g) }))), href: routes.term, prefixes: [routes.techniques] });
const mark = markerFor([
  { id: 'asslb', term: 'ASSLB', expansion: 'all solid-state lithium battery' },
  { id: 'tem', term: 'TEM', expansion: 'transmission electron microscopy' },
  { id: 'stem', term: 'STEM', expansion: 'scanning TEM' },
  { id: 'llzo', term: 'LLZO', expansion: 'garnet' },
  { id: 'c-llzo', term: 'c-LLZO', expansion: 'cubic LLZO' },
  { id: 'lco', term: 'LCO', expansion: '$\\ce{LiCoO2}$' },
]);

/** A section body through the edition's Markdown pipeline, then the page-level pass as the pages run it. */
const page = async (markdown: string) => mark((await toHtml(markdown)).html);
/** The abbreviations marked, as `text → href (title)`. */
const marked = (html: string) =>
  [...html.matchAll(/<a href="([^"]*)"[^>]*><abbr title="([^"]*)">([^<]*)<\/abbr><\/a>/g)].map(([, href, title, text]) => `${text} → ${href} (${title})`);

describe('abbreviations: the first use on a page is marked and linked to the glossary', () => {
  it('marks only the first use of each abbreviation, with its plain expansion and the glossary anchor under the base path', async () => {
    const html = await page('ASSLBs need TEM. An ASSLB seen by TEM.\n\nLCO again, and LCO.');
    expect(marked(html)).toEqual([
      'ASSLBs → /base/glossary/#asslb (all solid-state lithium battery)',
      'TEM → /base/glossary/#tem (transmission electron microscopy)',
      'LCO → /base/glossary/#lco (LiCoO2)',
    ]);
    expect(html).toContain('<p><a href="/base/glossary/#asslb"><abbr title="all solid-state lithium battery">ASSLBs</abbr></a> need');
    expect(html).toContain('An ASSLB seen by TEM.');
  });

  it('matches whole words only, the longest term first', async () => {
    const html = await page('HRTEM, ETEM-like, STEM and TEMs; LLZOx is no word; c-LLZO here, then LLZO-based pellets.');
    expect(marked(html)).toEqual([
      'STEM → /base/glossary/#stem (scanning TEM)',
      'TEMs → /base/glossary/#tem (transmission electron microscopy)',
      'c-LLZO → /base/glossary/#c-llzo (cubic LLZO)',
      'LLZO → /base/glossary/#llzo (garnet)',
    ]);
  });

  it('leaves headings, other links, code and formulas alone, and marks the first use in prose after them', async () => {
    const html = await page('## TEM of LCO\n\n[TEM cells](technique:tem), `TEM`, $\\mathrm{TEM}$ and $\\mathrm{LCO}$; then TEM and LCO.');
    expect(html).toContain('<h2 id="tem-of-lco">TEM of LCO</h2>');
    expect(html).toContain('<a href="/base/techniques/tem/">TEM cells</a>, <code>TEM</code>');
    expect(marked(html)).toEqual(['TEM → /base/glossary/#tem (transmission electron microscopy)', 'LCO → /base/glossary/#lco (LiCoO2)']);
    expect(html).toMatch(/then <a href="\/base\/glossary\/#tem"><abbr/);
  });

  it('counts a cross-link whose text is the abbreviation as its first use, marked inside it, linked to its page', async () => {
    const html = await page('[TEM](technique:tem) first, then TEM.');
    expect(marked(html)).toEqual(['TEM → /base/techniques/tem/ (transmission electron microscopy)']);
    expect(html).toContain('then TEM.');
  });

  it('counts a written link to the glossary as the first use, with the abbreviation marked inside it', async () => {
    const html = await page('[ASSLBs](term:asslb) and ASSLB; [garnet electrolytes](term:llzo) (LLZO), then LLZO; TEM before [TEM](term:tem).');
    expect(marked(html)).toEqual([
      'ASSLBs → /base/glossary/#asslb (all solid-state lithium battery)',
      'TEM → /base/glossary/#tem (transmission electron microscopy)',
    ]);
    expect(html).toContain('<a href="/base/glossary/#asslb"><abbr title="all solid-state lithium battery">ASSLBs</abbr></a> and ASSLB;');
    expect(html).toContain('<a href="/base/glossary/#llzo">garnet electrolytes</a> (LLZO), then LLZO;');
    // The plain first use links to the glossary; the written link after it is then set as text (rehype-link-once).
    expect(html).toContain('<abbr title="transmission electron microscopy">TEM</abbr></a> before TEM.');
  });

  it('skips the on-page contents, hidden and search-ignored text, and text in a closed <details>', () => {
    const html = mark(
      '<nav><a href="#a">TEM</a> TEM</nav><p data-pagefind-ignore>TEM</p><span hidden>TEM</span><span class="visually-hidden">TEM</span>' +
        '<details><summary>TEM</summary>TEM</details><p>The TEM.</p>',
    );
    expect(marked(html)).toEqual(['TEM → /base/glossary/#tem (transmission electron microscopy)']);
    expect(html).toContain('<p>The <a href="/base/glossary/#tem">');
    expect(html.startsWith('<nav><a href="#a">TEM</a> TEM</nav><p data-pagefind-ignore>TEM</p><span hidden>TEM</span>')).toBe(true);
  });

  it('changes nothing else in the HTML it is given (empty attributes are written short, as Astro writes them)', async () => {
    const body = (await toHtml('No abbreviation here: $\\ce{Li2O + CO2}$ and [@3] & <b>bold</b>.')).html;
    expect(body).toContain('data-pagefind-ignore=""');
    expect(mark(body)).toBe(body.replaceAll('=""', ''));
  });

  describe('a term equal to an element symbol is never marked inside a formula', () => {
    const markElements = markerFor([
      { id: 's', term: 'S', expansion: 'a term that is also sulfur' },
      { id: 'co', term: 'Co', expansion: 'a term that is also cobalt' },
      { id: 'lco', term: 'LCO', expansion: '$\\ce{LiCoO2}$' },
    ]);
    const pageWith = async (markdown: string) => markElements((await toHtml(markdown)).html);

    it('reads a word across <sub> and <sup>: the S of Li2S, the Co of Co3O4 and Co3+ are the formula\'s', async () => {
      const html = await pageWith('A $\\ce{Li2S}$ crust, $\\ce{Li2S_x}$, $\\ce{75Li2S-25P2S5}$ glass, $\\ce{Co3O4}$ and $\\ce{Co^{3+}}$, $\\ce{Li_xCoO2}$; then S and Co as words.');
      expect(html).toContain('A Li<sub>2</sub>S crust, Li<sub>2</sub>S<sub><i>x</i></sub>, 75Li<sub>2</sub>S–25P<sub>2</sub>S<sub>5</sub> glass, Co<sub>3</sub>O<sub>4</sub> and Co<sup>3+</sup>');
      expect(marked(html)).toEqual(['S → /base/glossary/#s (a term that is also sulfur)', 'Co → /base/glossary/#co (a term that is also cobalt)']);
      expect(html).toMatch(/; then <a href="\/base\/glossary\/#s"><abbr[^>]*>S<\/abbr><\/a> and <a href="\/base\/glossary\/#co"><abbr[^>]*>Co<\/abbr><\/a> as words\.<\/p>/);
    });

    it('never marks a formula whose words touch no sub- or superscript: it is set apart (S, Co, CoS, Co/Co2+, LCO)', async () => {
      const html = await pageWith('Sulfur $\\ce{S}$, cobalt $\\ce{Co}$, $\\ce{CoS}$, $\\ce{Co/Co^{2+}}$ and $\\ce{LCO}$ are formulas; LCO, Co and S are words.');
      expect(html).toContain('Sulfur <span class="formula">S</span>, cobalt <span class="formula">Co</span>, <span class="formula">CoS</span>, <span class="formula">Co/Co<sup>2+</sup></span> and <span class="formula">LCO</span> are formulas;');
      expect(marked(html)).toEqual([
        'LCO → /base/glossary/#lco (LiCoO2)',
        'Co → /base/glossary/#co (a term that is also cobalt)',
        'S → /base/glossary/#s (a term that is also sulfur)',
      ]);
    });

    it('reads the formula\'s pieces as they come in HTML too: beside a <sub> or <sup>, or inside one, a word is a formula\'s', () => {
      const html = markElements('<p>Li<sub>2</sub>S, S<sub>8</sub>, Co<sup>2+</sup>, Li<sub>Co</sub>, <i>S</i>Co; S.</p>');
      expect(html).toBe('<p>Li<sub>2</sub>S, S<sub>8</sub>, Co<sup>2+</sup>, Li<sub>Co</sub>, <i>S</i>Co; <a href="/base/glossary/#s"><abbr title="a term that is also sulfur">S</abbr></a>.</p>');
    });
  });
});
