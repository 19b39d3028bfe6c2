// Wiring only: the plugins and integrations live in src/.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import { katexOptions, rehypeKatex } from './src/plugins/katex.ts';
import rehypeKatexStrict from './src/plugins/rehype-katex-strict.ts';
import remarkCitations from './src/plugins/remark-citations.ts';
import remarkCrossLinks from './src/plugins/remark-crosslinks.ts';
import { linkHref, makeRoutes } from './src/lib/routes.ts';
import { katexWoff2 } from './src/integrations/katex-woff2.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';

/** Base path, e.g. `/edition/` when served from a sub-folder; set EDITION_BASE. */
const base = process.env.EDITION_BASE ?? '/';
const routes = makeRoutes(base);

export default defineConfig({
  base,
  site: process.env.EDITION_SITE,
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
      rehypePlugins: [[rehypeKatex, katexOptions], rehypeKatexStrict],
    }),
  },
  integrations: [mdx(), pagefindIndex()],
  vite: { plugins: [katexWoff2()] },
});
