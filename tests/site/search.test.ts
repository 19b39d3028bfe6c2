import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { plainFormula, subscriptFormula } from '../../src/lib/search-terms';
import { page } from './dist';
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

  it('indexes every material under its plain and subscript formula and its abbreviations, on its own page', () => {
    const dir = 'content/materials';
    for (const file of readdirSync(dir)) {
      const m = parseYaml(readFileSync(`${dir}/${file}`, 'utf8')) as { formula: string; abbreviations?: string[] };
      const { dom } = page(`/materials/${file.replace(/\.yaml$/, '')}/`);
      const indexed = dom.querySelector('main[data-pagefind-body] .also-written [data-pagefind-weight]')?.textContent.split(' · ') ?? [];
      const plain = plainFormula(m.formula);
      for (const form of [plain, subscriptFormula(plain), ...(m.abbreviations ?? [])]) expect(indexed, file).toContain(form);
    }
  });
});

describe('the search index', () => {
  it('answers a query from the built bundle', async () => {
    const pagefind = await loadPagefind();
    const urls = await topUrls(pagefind, 'LiCoO2', 5);
    expect(urls).toContain('/materials/licoo2/');
  });

  it('narrows results by the kind of page', async () => {
    const pagefind = await loadPagefind();
    const all = await pagefind.search('LiCoO2');
    const sections = await pagefind.search('LiCoO2', { filters: { kind: 'Section' } });
    expect(sections.results.length).toBeGreaterThan(0);
    expect(sections.results.length).toBeLessThan(all.results.length);
    for (const r of sections.results.slice(0, 5)) expect((await r.data()).url).toMatch(/\/sections\//);
  });
});
