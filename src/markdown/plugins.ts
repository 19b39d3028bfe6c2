import type { KatexOptions } from 'katex';
import 'katex/contrib/mhchem';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import type { PluggableList } from 'unified';
import { linkHref, type Routes } from '../lib/routes';
import rehypeKatexStrict from '../plugins/rehype-katex-strict';
import rehypeMathIndex from '../plugins/rehype-math-index';
import rehypeTextFormulas from '../plugins/rehype-text-formulas';
import rehypeUnits from '../plugins/rehype-units';
import remarkAllowedMarkup from '../plugins/remark-allowed-markup';
import remarkCitations from '../plugins/remark-citations';
import remarkCrossLinks from '../plugins/remark-crosslinks';
import remarkUniqueHeadings from '../plugins/remark-unique-headings';

/**
 * KaTeX's options for every formula of the edition: MathML alongside HTML; errors reported, and made fatal by
 * rehype-katex-strict. The one katex copy in the tree (npm `overrides`) carries mhchem, imported above.
 */
export const katexOptions: KatexOptions = { output: 'htmlAndMathml', strict: false };

/**
 * The edition's Markdown plugins, once, for every piece of prose it sets: the MDX bodies (astro.config.mjs hands
 * them to Astro's processor, which runs SmartyPants before them) and the records' text fields (src/markdown/inline.ts).
 * A citation, a cross-link, a formula or a number with its unit is set by these and nothing else.
 */
export function markdownPlugins(routes: Routes): { remarkPlugins: PluggableList; rehypePlugins: PluggableList } {
  return {
    remarkPlugins: [
      remarkMath,
      [remarkCitations, { href: routes.reference }],
      [remarkCrossLinks, { href: (kind: Parameters<typeof linkHref>[1], id: string) => linkHref(routes, kind, id) }],
      remarkAllowedMarkup,
      remarkUniqueHeadings,
    ],
    // Formulas that need no layout become text before KaTeX sees them; units bind after, so that one following an
    // exponent (10<sup>−4</sup> S cm) is bound too; the index reading goes beside what KaTeX rendered.
    rehypePlugins: [rehypeTextFormulas, rehypeUnits, [rehypeKatex, katexOptions], rehypeKatexStrict, rehypeMathIndex],
  };
}
