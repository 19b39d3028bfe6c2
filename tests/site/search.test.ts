import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { distDir, page } from './dist';
import { namesSeparator } from '../../src/shared/search-names';
import { loadPagefind, topUrls } from './pagefind';

/** Each written form of a material or technique, and the page it must put in the top three. */
const forms: [string, string][] = [
  ['LCO', '/materials/licoo2/'],
  ['LiCoO2', '/materials/licoo2/'],
  ['LiCoO₂', '/materials/licoo2/'],
  ['lithium cobalt oxide', '/materials/licoo2/'],
  ['LLZO', '/materials/llzo/'],
  ['Li7La3Zr2O12', '/materials/llzo/'],
  ['Li₇La₃Zr₂O₁₂', '/materials/llzo/'],
  ['garnet', '/materials/llzo/'],
  ['lithium lanthanum zirconium oxide', '/materials/llzo/'],
  ['EELS', '/techniques/eels/'],
  ['electron energy loss spectroscopy', '/techniques/eels/'],
  ['electron energy-loss spectroscopy', '/techniques/eels/'],
];

describe('chemistry-aware search', () => {
  it.each(forms)('"%s" puts %s in the top three', async (query, url) => {
    const pagefind = await loadPagefind();
    expect(await topUrls(pagefind, query, 3)).toContain(url);
  });

  it('names every material in its search metadata by its formula as its heading shows it, plain and with subscripts, and its abbreviations', () => {
    // The expected forms are read from the page's heading (set by the text-formula renderer), not from the
    // functions that wrote the names: a reader types the formula they see. A formula that several materials' headings
    // show names only those that list it among their aliases (LLZO, not tetragonal LLZO).
    const dir = 'content/materials';
    const materials = readdirSync(dir).map((file) => {
      const m = parseYaml(readFileSync(`${dir}/${file}`, 'utf8')) as { abbreviations?: string[]; aliases?: string[] };
      const { dom } = page(`/materials/${file.replace(/\.yaml$/, '')}/`);
      const names = dom.querySelector('main[data-pagefind-body] [data-pagefind-meta^="names:"]')?.getAttribute('data-pagefind-meta')?.slice('names:'.length).split(namesSeparator) ?? [];
      const heading = parse(dom.querySelector('h1')!.toString());
      heading.querySelector('.muted')?.remove();
      const formulas = [heading.textContent.trim().replace(/[−–]/g, '-')];
      // Where every subscript is a number, the formula as pasted from papers: those numbers in Unicode subscripts.
      const subscripts = heading.querySelectorAll('sub');
      if (subscripts.length > 0 && subscripts.every((sub) => /^[\d.]+$/.test(sub.textContent))) {
        for (const sub of subscripts) sub.textContent = sub.textContent.replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]!);
        formulas.push(heading.textContent.trim().replace(/[−–]/g, '-'));
      }
      return { file, m, names, formulas };
    });
    const shown = (formula: string) => materials.filter((x) => x.formulas[0] === formula).length;
    expect(materials.filter((x) => shown(x.formulas[0]!) > 1).length).toBeGreaterThan(0);
    for (const { file, m, names, formulas } of materials) {
      const own = shown(formulas[0]!) === 1 || (m.aliases ?? []).includes(formulas[0]!);
      for (const form of [...(own ? formulas : []), ...(m.abbreviations ?? [])]) expect(names, file).toContain(form);
      if (!own) expect(names, file).not.toContain(formulas[0]);
    }
  });
});

describe('the search index', () => {
  it('ranks the section a citing sentence comes from above the reference page that repeats it', async () => {
    const pagefind = await loadPagefind();
    const pathOf = (url: string) => url.slice(url.indexOf(distDir) + distDir.length);
    const checked: string[] = [];
    // Every fifth reference: the words of its first citing sentence, searched as a reader would type them.
    for (let n = 1; n <= 237; n += 5) {
      const cited = page(`/references/${n}/`).dom.querySelector('main h2 + ul > li');
      if (!cited) continue;
      const section = cited.querySelector('a')!.getAttribute('href')!.replace(/#.*$/, '');
      // Lower-case words: an author's name would rightly bring up the reference by that author.
      const words = [...new Set(cited.querySelector('q')!.textContent.match(/\b[a-z]{5,}\b/g) ?? [])].slice(0, 5);
      if (words.length < 3) continue;
      const { results } = await pagefind.search(words.join(' '));
      const urls = (await Promise.all(results.map((r) => r.data()))).map((d) => pathOf(d.url));
      const at = (url: string) => (urls.includes(url) ? urls.indexOf(url) : Number.POSITIVE_INFINITY);
      expect(at(section), `${words.join(' ')}: ${section} before /references/${n}/ in ${urls.slice(0, 5).join(' ')}`).toBeLessThan(at(`/references/${n}/`));
      checked.push(section);
    }
    expect(checked.length).toBeGreaterThan(30);
  });

  it('lists a page once: no hit under a heading repeats the page\'s own title (an h1 with an id would)', async () => {
    const pagefind = await loadPagefind();
    for (const q of ['LiCoO2', 'dendrite']) {
      const { results } = await pagefind.search(q);
      const data = await Promise.all(results.map((r) => r.data()));
      const repeats = data.flatMap((d) => (d.sub_results ?? []).filter((s) => s.url.includes('#') && s.title === d.meta.title).map((s) => s.url));
      expect(repeats, q).toEqual([]);
    }
  });

  it('keeps a study card\'s terms and values apart as words (no "ElectrolyteLi2O")', async () => {
    const pagefind = await loadPagefind();
    const { results } = await pagefind.search('electrolyte', { filters: { kind: 'Study' } });
    const studies = await Promise.all(results.map((r) => r.data()));
    expect(studies.length).toBeGreaterThan(20);
    for (const d of studies) {
      const { dom } = page(d.url.slice(d.url.indexOf(distDir) + distDir.length));
      // What Pagefind reads of a value: its text without KaTeX's rendering (a formula is indexed by its plain form).
      const firstWord = (html: string) => {
        const value = parse(html);
        for (const k of value.querySelectorAll('.katex')) k.remove();
        // Without the punctuation after it: the index may spell out an abbreviation there ("TEM (transmission …),").
        return value.textContent.trim().split(/\s+/)[0]!.replace(/[,;.]$/, '');
      };
      const pairs = dom.querySelectorAll('.study dl dt').map((dt) => `${dt.textContent} ${firstWord(dt.nextElementSibling!.toString())}`);
      expect(pairs.length, d.url).toBeGreaterThan(3);
      for (const pair of pairs) expect(d.content, d.url).toContain(pair);
    }
    // A value found only in a card: the electrolyte of the ASLS study, as its own word.
    expect(await topUrls(pagefind, 'CO2 Li2O Li plating', 5)).toContain('/studies/air-stable-li-spheres/');
  });
});

