import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtPages } from '../../lib/checks/site-files';
import type { Stage } from './stage';
import { stylesheets } from './stylesheets';
import { katexFonts } from './katex-fonts';
import { searchIndex } from './search-index';
import { searchPreloads } from './search-preloads';
import { headers } from './headers';
import { outputChecks } from './output-checks';
import { epub } from './epub';

/**
 * What runs on the built site, in this order:
 * - the pages' stylesheets: the site's on every page and at most one of the page's own, with KaTeX's rules only
 *   where math shows (the pages Pagefind reads and the checks validate link the files as published);
 * - KaTeX's fonts, subset to the characters the pages' math sets in each face (which needs KaTeX's rules where
 *   they are linked, so it follows the stylesheets);
 * - the Pagefind index, of the pages as published;
 * - the search page's preloads of the index's first files, whose names exist only once the index is written;
 * - `_headers` for static hosts;
 * - the EPUB of the whole edition, from its page with the stylesheets linked as published;
 * - the output checks (valid HTML, no broken link or anchor), last, over the pages as they will be written.
 */
export const stages: readonly Stage[] = [stylesheets, katexFonts, searchIndex, searchPreloads, epub, headers, outputChecks];

/**
 * The one post-build step: at the end of `astro build` it reads every page once, runs the stages over them in
 * order, then writes the pages a stage changed. A stage that throws fails the build, and the atomic build
 * (src/cli/build.ts) publishes nothing. `run` replaces the stages in tests.
 */
export function postBuild(run: readonly Stage[] = stages): AstroIntegration {
  let base = '/';
  return {
    name: 'edition:post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = { dir: fileURLToPath(dir), base, pages: builtPages(fileURLToPath(dir), base) };
        const read = site.pages.map((p) => p.html);
        for (const stage of run) {
          const start = performance.now();
          const summary = await stage.run(site);
          logger.info(`${stage.name}: ${summary} (${((performance.now() - start) / 1000).toFixed(1)} s)`);
        }
        for (const [i, page] of site.pages.entries()) if (page.html !== read[i]) writeFileSync(page.file, page.html);
      },
    },
  };
}
