import { describe, expect, it } from 'vitest';
import { loadPagefind, topUrls } from './pagefind';

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
