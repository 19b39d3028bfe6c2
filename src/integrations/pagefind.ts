import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** Builds the Pagefind index into `<dist>/pagefind/` with its Node API at the end of `astro build`; errors fail the build. */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'edition:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const fail = (what: string, errors: string[]) => {
          throw new Error(`Pagefind ${what} failed:\n${errors.join('\n')}`);
        };
        const { index, errors } = await pagefind.createIndex({});
        if (!index || errors.length) fail('createIndex', errors);
        const added = await index!.addDirectory({ path: site });
        if (added.errors.length) fail('addDirectory', added.errors);
        if (added.page_count === 0) fail('addDirectory', ['no page was indexed: is data-pagefind-body missing?']);
        const written = await index!.writeFiles({ outputPath: `${site.replace(/\/$/, '')}/pagefind` });
        if (written.errors.length) fail('writeFiles', written.errors);
        await pagefind.close();
        logger.info(`indexed ${added.page_count} pages`);
      },
    },
  };
}
