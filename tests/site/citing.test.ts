import { readFileSync } from 'node:fs';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json';
import { distDir, pages } from './dist';

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

  it('JSON-LD names the section as part of the edition, with its citations', () => {
    for (const p of sectionPages()) {
      const ld = JSON.parse(p.dom.querySelector('script[type="application/ld+json"]')!.text) as Record<string, any>;
      expect(ld['@type']).toBe('Chapter');
      expect(ld.isPartOf['@type']).toBe('Book');
      expect(ld.name).toBe(meta(p, 'citation_title')[0]);
      expect(ld.citation.length).toBe(meta(p, 'citation_reference').length);
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
        expect(back.issued['date-parts'][0], `${slug}.${format}`).toEqual(pkg.edition.date.split('-').map(Number));
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
    expect(read('edition.ris')).toContain('Ming-Sheng Wang, Jianyu Huang');
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
