import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEpub } from '../../lib/epub';
import { makeRoutes } from '../../lib/routes';
import type { Stage } from './stage';

/** Writes the EPUB of the whole edition, made from its page as built (src/lib/epub.ts). */
export const epub: Stage = {
  name: 'epub',
  run({ dir, base, pages }) {
    const routes = makeRoutes(base);
    const page = pages.find((p) => p.url === routes.edition);
    if (!page) throw new Error(`epub: no page at ${routes.edition}, the whole edition`);
    const bytes = buildEpub(page.html);
    writeFileSync(join(dir, routes.epub.slice(base.length)), bytes);
    return `${routes.epub}, ${(bytes.length / 1024).toFixed(0)} kB, from ${routes.edition}`;
  },
};
