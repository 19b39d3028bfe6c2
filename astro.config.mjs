// Wiring only: the plugins and integrations live in src/.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { markdownPlugins } from './src/markdown/plugins.ts';
import { makeRoutes } from './src/lib/routes.ts';
import { katexWoff2 } from './src/integrations/katex-woff2.ts';
import { postBuild } from './src/integrations/post-build/index.ts';
import { publishingCheck } from './src/integrations/publishing.ts';
import { readPublishing } from './src/lib/publishing.ts';

/**
 * Astro wraps each MDX body in a module (`?astroPropagatedAssets`) that opens with the directive
 * "use astro:head-inject", and the bundler warns, once per section in about 170 lines of the log, that it may not
 * keep it. Nothing in Astro 7 reads that directive any more (head propagation goes by the module's
 * `__astroPropagation` export and its build metadata), so the warning is not the edition's to act on; every other
 * warning is passed on.
 */
function quietAstroDirectives(warning, warn) {
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
  warn(warning);
}

/** Origin and base path (EDITION_SITE, EDITION_BASE, EDITION_PREVIEW), read and checked in src/lib/publishing.ts. */
const { site, base } = readPublishing(process.env, { build: false });
const routes = makeRoutes(base);

export default defineConfig({
  base,
  /** The atomic build (src/cli/build.ts) stages here; dist/ is replaced only after every check passed. */
  outDir: process.env.EDITION_OUT_DIR ?? './dist',
  /** Astro's cache (rendered MDX among it) stays in this checkout; src/cli/build.ts clears it before each build. */
  cacheDir: './.astro/cache',
  /** Origin of the edition, for canonical URLs and citations; a build without one stops (publishingCheck). */
  site,
  trailingSlash: 'always',
  prerenderConflictBehavior: 'error',
  devToolbar: { enabled: false },
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    // The edition's plugins, listed once in src/markdown/plugins.ts; the records' text fields use the same list.
    processor: unified(markdownPlugins(routes, 'body')),
  },
  // The publishing check first; last, everything done to the built site, in the order src/integrations/post-build/index.ts lists.
  integrations: [publishingCheck(), mdx(), postBuild()],
  vite: {
    plugins: [katexWoff2()],
    build: {
      // No asset inlined as a data: URI: fonts and images stay files the CSP allows ('self').
      assetsInlineLimit: 0,
      rolldownOptions: { onwarn: quietAstroDirectives },
    },
  },
});
