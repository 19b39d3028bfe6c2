// Wiring only: the plugins and integrations live in src/.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import { katexOptions, rehypeKatex } from './src/plugins/katex.ts';
import rehypeKatexStrict from './src/plugins/rehype-katex-strict.ts';
import rehypeTextFormulas from './src/plugins/rehype-text-formulas.ts';
import rehypeUnits from './src/plugins/rehype-units.ts';
import rehypeMathIndex from './src/plugins/rehype-math-index.ts';
import remarkCitations from './src/plugins/remark-citations.ts';
import remarkCrossLinks from './src/plugins/remark-crosslinks.ts';
import { linkHref, makeRoutes } from './src/lib/routes.ts';
import { katexWoff2 } from './src/integrations/katex-woff2.ts';
import { pageStylesheets } from './src/integrations/stylesheets.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { outputChecks } from './src/integrations/output-checks.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';

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
    processor: unified({
      remarkPlugins: [
        remarkMath,
        [remarkCitations, { href: routes.reference }],
        [remarkCrossLinks, { href: (kind, id) => linkHref(routes, kind, id) }],
      ],
      rehypePlugins: [rehypeTextFormulas, rehypeUnits, [rehypeKatex, katexOptions], rehypeKatexStrict, rehypeMathIndex],
    }),
  },
  integrations: [mdx(), pageStylesheets(), pagefindIndex(), securityHeaders(), outputChecks()],
  // No asset inlined as a data: URI: fonts and images stay files the CSP allows ('self').
  vite: { plugins: [katexWoff2()], build: { assetsInlineLimit: 0 } },
});
