// The records' text typeset at build time. Not for the browser's scripts: it brings unified and SmartyPants.
import type { InlineCode, Root, Text } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';

/**
 * Text typeset as the MDX bodies are by Astro's SmartyPants (remark-smartypants, with its defaults): curly quotes and
 * apostrophes (`the review's "L2O"` → `the review’s “L2O”`), dashes and ellipses. The `$…$` math in `text` is
 * context only, never changed, so a quote closes after a formula as after a word.
 */
export function typeset(text: string): string {
  if (!/['"`]|--|\.\.\./.test(text)) return text;
  const parts = text.split('$');
  // Math becomes inline code, which SmartyPants reads as a word and leaves as it is.
  const nodes = parts.map((value, i): Text | InlineCode => (i % 2 === 1 ? { type: 'inlineCode', value } : { type: 'text', value }));
  const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: nodes }] };
  smartypants.runSync(tree);
  return nodes.map((n) => n.value).join('$');
}

const smartypants = unified().use(remarkSmartypants);
