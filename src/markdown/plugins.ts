import type { KatexOptions } from 'katex';
import 'katex/contrib/mhchem';
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
 * KaTeX's options for every formula of the edition: MathML alongside HTML, and no command trusted (\href, \url,
 * \includegraphics, \htmlId …: KaTeX sets a refused one as red text, which rehype-katex-strict makes fatal, naming
 * it). TeX that LaTeX would not accept is an error, and the whole edition builds so, unchanged; a Unicode letter in
 * math mode (`\ce{5 Å}`) is one: units are written as text after the formula. The one exception is KaTeX's
 * `htmlExtension` (\htmlId, \htmlClass, \htmlStyle, \htmlData): its strict error does not say which command it
 * met, so those are left to the trust policy, which refuses them by name. The one katex copy in the tree (npm
 * `overrides`) carries mhchem, imported above.
 */
export const katexOptions: KatexOptions = {
  output: 'htmlAndMathml',
  trust: false,
  strict: (errorCode) => (errorCode === 'htmlExtension' ? 'ignore' : 'error'),
};

/**
 * The edition's Markdown plugins, once, for every piece of prose it sets: the MDX bodies (astro.config.mjs hands
 * them to Astro's processor, which runs SmartyPants before them) and the records' text fields (src/markdown/inline.ts).
 * A citation, a cross-link, a formula or a number with its unit is set by these and nothing else. `prose` says which:
 * a section body (`body`) or a text field (`field`).
 */
export function markdownPlugins(routes: Routes, prose: 'body' | 'field'): { remarkPlugins: PluggableList; rehypePlugins: PluggableList } {
  return {
    remarkPlugins: [
      remarkMath,
      // In a section body a citation leads to the page's own list of references, and it and its paragraph get ids.
      [remarkCitations, { href: routes.reference, inPage: prose === 'body' }],
      [remarkCrossLinks, { href: (kind: Parameters<typeof linkHref>[1], id: string) => linkHref(routes, kind, id) }],
      remarkAllowedMarkup,
      remarkUniqueHeadings,
    ],
    // Formulas that need no layout become text before KaTeX sees them; units bind after, so that one following an
    // exponent (10<sup>−4</sup> S cm) is bound too; KaTeX (through rehype-katex, strictly) renders the rest; the index
    // reading goes beside what it rendered.
    rehypePlugins: [rehypeTextFormulas, rehypeUnits, [rehypeKatexStrict, katexOptions], rehypeMathIndex],
  };
}
