// Wiring only: the plugins and integrations live in src/.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { markdownPlugins } from './src/markdown/plugins.ts';
import { makeRoutes } from './src/lib/routes.ts';
import { katexWoff2 } from './src/integrations/katex-woff2.ts';
import { postBuild } from './src/integrations/post-build/index.ts';

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

/** Base path, e.g. `/edition/` when served from a sub-folder; set EDITION_BASE. */
const base = process.env.EDITION_BASE ?? '/';
const routes = makeRoutes(base);

export default defineConfig({
  base,
  /** The atomic build (src/cli/build.ts) stages here; dist/ is replaced only after every check passed. */
  outDir: process.env.EDITION_OUT_DIR ?? './dist',
  /** Astro's cache (rendered MDX among it) stays in this checkout; src/cli/build.ts clears it before each build. */
  cacheDir: './.astro/cache',
  /** Origin of the published edition, for canonical URLs and citations; the local preview when unset. */
  site: process.env.EDITION_SITE ?? 'http://127.0.0.1:4321',
  trailingSlash: 'always',
  prerenderConflictBehavior: 'error',
  devToolbar: { enabled: false },
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    // The edition's plugins, listed once in src/markdown/plugins.ts; the records' text fields use the same list.
    processor: unified(markdownPlugins(routes, 'body')),
  },
  // Everything done to the built site, in the order src/integrations/post-build/index.ts lists.
  integrations: [mdx(), postBuild()],
  vite: {
    plugins: [katexWoff2()],
    build: {
      // No asset inlined as a data: URI: fonts and images stay files the CSP allows ('self').
      assetsInlineLimit: 0,
      rolldownOptions: { onwarn: quietAstroDirectives },
    },
  },
});
