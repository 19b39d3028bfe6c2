import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import pkg from '../../package.json';
import { distDir, page, pages } from './dist';

const sectionPages = () => pages().filter((p) => /^\/sections\/[^/]+\/$/.test(p.url));
const meta = (p: ReturnType<typeof pages>[number], name: string) => p.dom.querySelectorAll(`meta[name="${name}"]`).map((m) => m.getAttribute('content'));
const read = (file: string) => readFileSync(`${distDir}/cite/${file}`, 'utf8');
const review = new Cite(readFileSync('content/review.bib', 'utf8')).data[0] as { author: { family: string }[]; title: string };

describe('citing a section', () => {
  it('every section page carries Highwire, Dublin Core and canonical metadata with the right values', () => {
    expect(sectionPages().length).toBeGreaterThan(0);
    for (const p of sectionPages()) {
      const title = p.dom.querySelector('h1')!.text.replace(/\s+/g, ' ').trim();
      // The title without its number, as in the exports (the number has its own field there).
      expect(meta(p, 'citation_title'), p.url).toEqual([title.replace(/^[\d.]+ /, '')]);
      expect(meta(p, 'citation_author').map((a) => a!.split(',')[0])).toEqual(review.author.map((a) => a.family));
      expect(meta(p, 'citation_publication_date')).toEqual([pkg.edition.date.replaceAll('-', '/')]);
      const url = p.dom.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
      expect(new URL(url).pathname).toBe(p.url);
      expect(meta(p, 'citation_public_url')).toEqual([url]);
      expect(meta(p, 'DC.identifier')).toEqual([url]);
      expect(meta(p, 'citation_reference').length).toBe(p.dom.querySelectorAll('.references-cited li').length);
    }
  });

  it('JSON-LD names the section as part of the edition (its citations are the Highwire tags’, not listed a third time)', () => {
    for (const p of sectionPages()) {
      const ld = JSON.parse(p.dom.querySelector('script[type="application/ld+json"]')!.text) as Record<string, any>;
      expect(ld['@type']).toBe('Chapter');
      // A sub-section is part of its parent section, which is part of the edition.
      const parents: string[] = [];
      for (let whole = ld.isPartOf; whole; whole = whole.isPartOf) parents.push(whole['@type']);
      expect(parents, p.url).toEqual([...(p.dom.querySelector('nav[aria-label="Breadcrumbs"]')!.querySelectorAll('a').length > 1 ? ['Chapter'] : []), 'Book']);
      expect(ld.name).toBe(meta(p, 'citation_title')[0]);
      expect(ld.citation).toBeUndefined();
    }
  });

  it('offers each export for download in a line that reads as words', () => {
    for (const p of sectionPages()) {
      const line = p.dom.querySelectorAll('.cite-block p').find((e) => e.text.trim().startsWith('Download:'))!;
      const slug = p.url.split('/')[2]!;
      expect(line.querySelectorAll('a[download]').map((a) => a.getAttribute('href'))).toEqual(['bib', 'ris', 'json'].map((f) => `/cite/${slug}.${f}`));
      expect(line.text.replace(/\s+/g, ' ').trim(), p.url).toBe(`Download: BibTeX · RIS · CSL-JSON · Version ${pkg.version} (${pkg.edition.date}) · How to cite`);
    }
  });

  it('exports parse back with citation-js into the same authors, title, date and URL', () => {
    for (const p of sectionPages()) {
      const slug = p.url.split('/')[2]!;
      const csl = JSON.parse(read(`${slug}.json`))[0];
      for (const [format, text] of [['bib', read(`${slug}.bib`)], ['ris', read(`${slug}.ris`)]] as const) {
        const back = new Cite(text).data[0] as Record<string, any>;
        expect(back.author.map((a: { family: string }) => a.family), `${slug}.${format}`).toEqual(review.author.map((a) => a.family));
        expect(back.title.replace(/<[^>]+>/g, ''), `${slug}.${format}`).toBe(csl.title.replace(/<[^>]+>/g, ''));
        expect(back.URL).toBe(csl.URL);
        expect(back['container-title'].replace(/<[^>]+>/g, ''), `${slug}.${format}`).toBe(csl['container-title'].replace(/<[^>]+>/g, ''));
        // citation-js reads RIS's year (PY), not its full date (DA, checked below).
        const date = pkg.edition.date.split('-').map(Number);
        expect(back.issued['date-parts'][0], `${slug}.${format}`).toEqual(format === 'bib' ? date : date.slice(0, 1));
        expect(back['chapter-number'], `${slug}.${format}`).toBe(csl['chapter-number']);
      }
      expect(csl.title.replace(/<[^>]+>/g, '')).toBe(meta(p, 'citation_title')[0]);
    }
  });

  it('writes RIS with one tagged line per value, none broken mid-word', () => {
    for (const p of sectionPages()) {
      const lines = read(`${p.url.split('/')[2]}.ris`).split('\n').filter((l) => l.trim() !== '');
      expect(lines.filter((l) => !/^[A-Z][A-Z0-9] {2}-( |$)/.test(l))).toEqual([]);
    }
    expect(read('edition.ris')).toContain('AU  - Wang, Ming-Sheng\nAU  - Huang, Jianyu\n');
  });

  it('writes BibTeX dates as a full biblatex date, and a year and a numeric month for classic BibTeX', () => {
    for (const p of sectionPages()) {
      const bib = read(`${p.url.split('/')[2]}.bib`);
      expect(bib).toContain(`  date = {${pkg.edition.date}},`);
      expect(bib).toMatch(/ {2}year = \{\d{4}\},/);
      expect(bib).toMatch(/ {2}month = \{(?:[1-9]|1[0-2])\},/);
    }
  });

  it('gives every section a distinct BibTeX key', () => {
    const keys = sectionPages().map((p) => /@\w+\{([^,]+),/.exec(read(`${p.url.split('/')[2]}.bib`))![1]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('exports the whole bibliography: 237 records that parse back', () => {
    const json = JSON.parse(read('references.json')) as unknown[];
    expect(json).toHaveLength(237);
    expect(new Cite(read('references.bib')).data).toHaveLength(237);
    expect(new Cite(read('references.ris')).data).toHaveLength(237);
  });
});

/** Debian's pandoc: its citeproc renders BibTeX and CSL-JSON; its default style is Chicago author-date. */
const pandoc = (args: string[], input = '') => execFileSync('pandoc', args, { input, encoding: 'utf8' });
const chicago = pandoc(['--print-default-data-file', 'default.csl']);
plugins.config.get('@csl').styles.add('chicago-author-date', chicago);
const cite = (items: unknown, style: string) => new Cite(items).format('bibliography', { template: style, format: 'text', lang: 'en-US' }).trim();
const site = (path: string) => new URL(path, new URL(page('/').dom.querySelector('link[rel="canonical"]')!.getAttribute('href')!)).href;

describe('real tools read the exports', () => {
  const authorsApa = 'Cheng, Y., Zhang, L., Zhang, Q., Li, J., Tang, Y., Delmas, C., Zhu, T., Winter, M., Wang, M.-S., & Huang, J.';
  const authorsChicago = 'Cheng, Yong, Liqiang Zhang, Qiaobao Zhang, Jie Li, Yongfu Tang, Claude Delmas, Ting Zhu, Martin Winter, Ming-Sheng Wang, and Jianyu Huang';
  const year = pkg.edition.date.slice(0, 4);

  it('citation-js (citeproc-js) formats a section in APA and Chicago author-date', () => {
    const json = JSON.parse(read('li-anode-mechanisms.json'));
    const url = site('/sections/li-anode-mechanisms/');
    expect(cite(json, 'apa')).toBe(`${authorsApa} (${year}). What in situ TEM shows about Li metal anodes. In In situ TEM of all-solid-state lithium batteries: A web edition of the review by Cheng et al. (Version ${pkg.version}, 3.4). ${url}`);
    expect(cite(json, 'chicago-author-date')).toBe(`${authorsChicago}. ${year}. “What in situ TEM Shows about Li Metal Anodes.” In In situ TEM of All-Solid-State Lithium Batteries: A Web Edition of the Review by Cheng et al. ${url}.`);
    expect(new Cite(json).format('bibliography', { template: 'apa', format: 'html', lang: 'en-US' })).toContain('What <i>in situ</i> TEM shows');
  });

  it('citation-js formats three references, the review’s "et al." kept', () => {
    const refs = JSON.parse(read('references.json')) as { id: string }[];
    const ref = (n: number) => refs.find((r) => r.id === `ChengReviewRef${n}`);
    expect(cite(ref(1), 'apa')).toBe('Chu, S. & others. (2016). Nat. Mater., 16, 16–22.');
    expect(cite(ref(1), 'chicago-author-date')).toBe('Chu, S. and others. 2016. Nat. Mater. 16: 16–22.');
    expect(cite(ref(4), 'apa')).toBe('Larcher, D., & Tarascon, J. M. (2015). Nat. Chem., 7, 19–29.');
    expect(cite(ref(4), 'chicago-author-date')).toBe('Larcher, D., and J.M. Tarascon. 2015. Nat. Chem. 7: 19–29.');
    expect(cite(ref(47), 'apa')).toBe('Zhang, L. & others. (2020). Nat. Nanotech., 15, 94–98.');
    expect(cite(ref(47), 'chicago-author-date')).toBe('Zhang, L. and others. 2020. Nat. Nanotech. 15: 94–98.');
  });

  it('pandoc --citeproc renders every section’s .bib and .json to the same text, the URL once, "et al." kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cite-'));
    const doc = join(dir, 'nocite.md');
    writeFileSync(doc, "---\nnocite: '@*'\n---\n");
    const render = (file: string) => pandoc([doc, '--citeproc', '--bibliography', `${distDir}/cite/${file}`, '-t', 'plain', '--wrap=none']).trim();
    for (const p of sectionPages()) {
      const slug = p.url.split('/')[2]!;
      const fromBib = render(`${slug}.bib`);
      expect(fromBib, slug).toBe(render(`${slug}.json`));
      expect(fromBib.split(site(p.url)).length - 1, slug).toBe(1);
      expect(fromBib, slug).toContain('Cheng et al.');
      expect(fromBib, slug).not.toMatch(/In Situ|Et Al/);
    }
    expect(render('li-anode-mechanisms.bib')).toBe(`${authorsChicago}. ${year}. “What in situ TEM Shows about Li Metal Anodes.” In In situ TEM of All-Solid-State Lithium Batteries: A Web Edition of the Review by Cheng et al. ${site('/sections/li-anode-mechanisms/')}.`);
    // pandoc reads BibTeX's "P.F." as two initials, "P. F.", and ties a short family name to its initial with a
    // no-break space ("L. Gu"), which moves an entry or two in the sort; the entries are otherwise rendered the same.
    const spaced = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\b(\p{Lu})\.(?=\p{Lu}\.)/gu, '$1. ').split('\n').sort().join('\n');
    const bib = spaced(render('references.bib'));
    expect(bib).toBe(spaced(render('references.json')));
    expect(bib).toContain('Chu, S. et al. 2016. Nat. Mater. 16: 16–22.');
  });

  it('gives each section one key in all three formats, with its number, date and version', () => {
    for (const p of sectionPages()) {
      const slug = p.url.split('/')[2]!;
      const csl = JSON.parse(read(`${slug}.json`))[0];
      expect(read(`${slug}.bib`)).toMatch(new RegExp(`^@incollection\\{${csl.id},\\n[^]*  chapter = \\{${csl['chapter-number']}\\},\\n  version = \\{${pkg.version}\\},`));
      const ris = read(`${slug}.ris`);
      for (const line of ['TY  - ECHAP', `ID  - ${csl.id}`, `M1  - ${csl['chapter-number']}`, `DA  - ${pkg.edition.date.replaceAll('-', '/')}/`, `N1  - Version ${pkg.version}.`]) expect(ris).toContain(line);
      expect(csl.version).toBe(pkg.version);
      expect(read(`${slug}.bib`)).not.toContain('howpublished');
    }
  });
});

/**
 * What a reference manager saves from a page, read the way Zotero's Embedded Metadata translator reads Highwire
 * tags (citation_*), falling back to Dublin Core: a minimal implementation of its rules for the fields used here.
 */
function embeddedMetadata(p: ReturnType<typeof pages>[number]) {
  const all = (name: string) => meta(p, name).filter((v): v is string => Boolean(v));
  const one = (...names: string[]) => names.map((n) => all(n)[0]).find(Boolean);
  const creators = (all('citation_author').length ? all('citation_author') : all('DC.creator')).map((a) => {
    const [lastName, firstName] = a.split(/,\s*/);
    return { lastName, firstName };
  });
  const itemType = all('citation_journal_title').length ? 'journalArticle' : all('citation_inbook_title').length ? 'bookSection' : all('citation_title').length ? 'book' : 'webpage';
  return {
    itemType,
    title: one('citation_title', 'DC.title'),
    creators,
    date: one('citation_publication_date', 'DC.date'),
    publicationTitle: one('citation_journal_title', 'citation_inbook_title'),
    volume: one('citation_volume'),
    pages: [one('citation_firstpage'), one('citation_lastpage')].filter(Boolean).join('–') || undefined,
    edition: one('citation_edition'),
    url: one('citation_public_url') ?? p.dom.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    ld: JSON.parse(p.dom.querySelector('script[type="application/ld+json"]')!.text) as Record<string, any>,
  };
}

describe('a reference manager saves each kind of page as the right item', () => {
  const reviewAuthors = review.author.map((a) => a.family);
  it('a sub-section: a book section of the edition, part of its parent section', () => {
    const item = embeddedMetadata(page('/sections/li-anode-mechanisms/'));
    expect(item).toMatchObject({ itemType: 'bookSection', title: 'What in situ TEM shows about Li metal anodes', date: pkg.edition.date.replaceAll('-', '/') });
    expect(item.publicationTitle).toBe('In situ TEM of all-solid-state lithium batteries: A web edition of the review by Cheng et al.');
    expect(item.creators.map((c) => c.lastName)).toEqual(reviewAuthors);
    expect(item.ld.isPartOf).toMatchObject({ '@type': 'Chapter', position: '3', isPartOf: { '@type': 'Book', version: pkg.version } });
  });
  it('the home page: the edition as a book by the review’s authors, its sections as parts', () => {
    const item = embeddedMetadata(page('/'));
    expect(item).toMatchObject({ itemType: 'book', title: 'In situ TEM of all-solid-state lithium batteries: A web edition of the review by Cheng et al.', edition: pkg.version, date: pkg.edition.date.replaceAll('-', '/') });
    expect(item.creators.map((c) => c.lastName)).toEqual(reviewAuthors);
    expect(item.ld.hasPart.map((s: { position: string }) => s.position)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(item.ld.hasPart[2].hasPart.map((s: { position: string }) => s.position)).toContain('3.4');
  });
  it('a reference page: the journal article as the review prints it, no title', () => {
    const item = embeddedMetadata(page('/references/4/'));
    expect(item).toMatchObject({ itemType: 'journalArticle', title: undefined, publicationTitle: 'Nat. Chem.', volume: '7', pages: '19–29', date: '2015' });
    expect(item.creators).toEqual([{ lastName: 'Larcher', firstName: 'D.' }, { lastName: 'Tarascon', firstName: 'J.M.' }]);
    expect(embeddedMetadata(page('/references/47/')).creators).toEqual([{ lastName: 'Zhang', firstName: 'L.' }]);
  });
});

describe('from a reference to its paper', () => {
  it('each reference page searches Crossref, Google Scholar and Semantic Scholar for what the review prints, and for nothing else', () => {
    const printed = parse(readFileSync('content/references.yaml', 'utf8')) as { n: number; authors: string; container: string; volume?: string; year: number; pages?: string }[];
    const engines = ['https://search.crossref.org/?q=', 'https://scholar.google.com/scholar?q=', 'https://www.semanticscholar.org/search?q='];
    const searches = (n: number) => page(`/references/${n}/`).dom.querySelectorAll('.paper-search a').map((a) => a.getAttribute('href')!);
    // One with "et al." (most are): the printed authors without it, then journal, volume, pages and year, URL-encoded.
    const r = printed.find((x) => x.authors.endsWith(' et al.') && x.volume && x.pages)!;
    const query = `${r.authors.replace(/ et al\.$/, '')} ${r.container} ${r.volume} ${r.pages} ${r.year}`;
    expect(searches(r.n)).toEqual(engines.map((e) => e + encodeURIComponent(query)));
    expect(searches(r.n)[0]).not.toMatch(/ |et%20al/);
    // Every reference page has the three, each holding its printed year and journal, and no DOI.
    for (const x of printed) {
      const links = searches(x.n);
      expect(links.map((l) => l.split('?q=')[0] + '?q=')).toEqual(engines);
      for (const l of links) {
        const q = decodeURIComponent(l.split('?q=')[1]!);
        expect(q.startsWith(x.authors.replace(/,?\s*et al\.?$/, '')), l).toBe(true);
        expect(q.endsWith(` ${x.year}`), l).toBe(true);
        expect(q).toContain(x.container);
        expect(l).not.toMatch(/doi/i);
      }
    }
  });
});
