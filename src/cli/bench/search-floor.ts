import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withSearchPreloads, type PagefindEntry } from '../../lib/search-preloads.ts';
import { pagefindOptions } from '../../shared/pagefind-options.ts';

/** Where the bare search page is written, under the built site. */
export const searchFloorPath = '/bench-search-floor/';

/**
 * The bare search page's script: Pagefind with the edition's options, one search, the first result drawn. No
 * facets, no status line, no excerpt: the least a page can do to show a result.
 */
function floorScript(): string {
  return `// The bench's bare search page (src/cli/bench/search-floor.ts): Pagefind alone, as the edition starts it.
const root = document.querySelector('[data-search]');
const pf = await import(\`\${root.dataset.bundle}pagefind.js\`);
await pf.options({ ...${JSON.stringify(pagefindOptions)}, metaCacheTag: root.dataset.cacheTag });
await pf.init();
const found = await pf.search(new URLSearchParams(location.search).get('q') ?? '');
const first = found?.results[0];
if (first) {
  const data = await first.data();
  const li = document.createElement('li');
  li.append(Object.assign(document.createElement('a'), { href: data.url, textContent: data.meta.title ?? data.url }));
  root.querySelector('.results').append(li);
}
`;
}

/**
 * Writes into a built site (`site`, with Pagefind's bundle at `<bundle>`) a bare search page: the index's files
 * preloaded as on the edition's search page, Pagefind started with the same options, and nothing else. The bench
 * times the same queries on it beside the edition's page, which shows how much of the time to the first result is
 * the edition's and how much is the browser's and Pagefind's. Returns the page's URL path.
 */
export function writeSearchFloor(site: string, bundle = '/pagefind/'): string {
  const entry = JSON.parse(readFileSync(join(site, bundle, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  const html = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bare search page (bench)</title><link rel="icon" href="data:,">'
    + '<script type="module" src="floor.js"></script></head>'
    + `<body><div data-search data-bundle="${bundle}"><ol class="results"></ol></div></body></html>`;
  const dir = join(site, searchFloorPath);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), withSearchPreloads(html, `${searchFloorPath}index.html`, entry));
  writeFileSync(join(dir, 'floor.js'), floorScript());
  return searchFloorPath;
}
