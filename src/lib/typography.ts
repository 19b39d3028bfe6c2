// Typographic conventions the edition's pages share.
import type { InlineCode, Root, Text } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';

/**
 * Between the items of an inline list (`BibTeX · RIS · CSL-JSON`): the no-break space before the dot keeps the dot
 * at the end of a line, never at the start of the next.
 */
export const listSeparator = '\u00A0· ';

/** A count and what it counts, kept on one line (`22 techniques`, never `22` at the end of a line). */
export const counted = (n: number, noun: string): string => `${n}\u00A0${noun}`;

/**
 * Text to be shown inside quotation marks (a `<q>`): its own double quotation marks become single ones, as a quote
 * within a quote is set (`“… the ‘holy grail’ of anodes …”`).
 */
export const quotedWithin = (text: string): string => text.replaceAll('“', '‘').replaceAll('”', '’');

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
