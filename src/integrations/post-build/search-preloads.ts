import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { withSearchPreloads, type PagefindEntry } from '../../lib/search-preloads';
import { pagefindFailed } from './search-index';
import type { Stage } from './stage';

/** Names in the search page's head the files Pagefind fetches first, once the index has given them their names. */
export const searchPreloads: Stage = {
  name: 'search preloads',
  run({ dir, pages }) {
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
    const searchPages = pages.filter((page) => {
      const preloaded = withSearchPreloads(page.html, relative(dir, page.file), entry);
      if (preloaded === page.html) return false;
      page.html = preloaded;
      return true;
    });
    if (searchPages.length === 0) pagefindFailed('preloading', ['no page holds the search root <div data-search data-bundle="…">']);
    return `Pagefind's first files named in the head of ${searchPages.map((p) => p.url).join(', ')}`;
  },
};
