import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { validatePages } from '../lib/checks/html';
import { findBrokenLinks } from '../lib/checks/links';
import { builtPages } from '../lib/checks/site-files';
import { findUnsafeMarkup } from '../lib/checks/unsafe-markup';

/** At the end of the build, every page must be valid HTML and every internal link and anchor must resolve. */
export function outputChecks(): AstroIntegration {
  let base = '/';
  return {
    name: 'edition:output-checks',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = builtPages(root, base);
        const invalid = await validatePages(pages);
        const broken = findBrokenLinks(pages, root, base);
        const lines = [
          ...invalid.map((p) => `${p.page} ${p.line}:${p.column} [${p.rule}] ${p.message}`),
          ...broken.map((b) => `${b.page}: link "${b.href}": ${b.reason}`),
          ...findUnsafeMarkup(pages).map((u) => `${u.page} ${u.line}:${u.column} [unsafe-markup] ${u.message}`),
        ];
        if (lines.length) throw new Error(`The built pages fail ${lines.length} check(s):\n${lines.slice(0, 50).join('\n')}${lines.length > 50 ? `\n… and ${lines.length - 50} more` : ''}`);
        logger.info(`${pages.length} pages: valid HTML, no broken link or anchor, no unsafe markup`);
      },
    },
  };
}
