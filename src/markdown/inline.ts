import type { ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { type Processor, unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { type CollectedProblem, refsOf } from '../lib/collected-refs';
import { routes } from '../lib/site';
import { markdownPlugins } from './plugins';

// The records' text fields (summaries, observations, notes, labels) are Markdown too: one paragraph each, set by
// the plugins that set the MDX bodies, in the order Astro's processor runs them (SmartyPants, then the edition's
// remark plugins; remark-rehype; the edition's rehype plugins). Nothing here sets a citation, a formula or a unit
// by itself.

/**
 * A text field is phrasing content: the Markdown constructs that make blocks, or pass raw HTML, are switched off in
 * the parser, so that a quantity written "> 10" is text, not a quotation, and "<b>" is shown, not dropped.
 */
function remarkInlineOnly(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({
    disable: { null: ['blockQuote', 'codeFenced', 'codeIndented', 'definition', 'headingAtx', 'htmlFlow', 'htmlText', 'list', 'setextUnderline', 'thematicBreak'] },
  });
}

const { remarkPlugins, rehypePlugins } = markdownPlugins(routes, 'field');
const processor = unified()
  .use(remarkParse)
  .use(remarkInlineOnly)
  .use(remarkSmartypants)
  .use(remarkPlugins)
  .use(remarkRehype)
  .use(rehypePlugins)
  .freeze();

/** A text field in which the edition's remark plugins found problems (a malformed citation or link …), all of them. */
export class TextFieldError extends Error {
  constructor(readonly problems: CollectedProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'TextFieldError';
  }
}

/**
 * The HTML tree of a piece of Markdown, as the MDX bodies' pipeline makes it; throws where that pipeline fails, and
 * a TextFieldError with every problem its plugins collected (in an MDX body the content graph reports them).
 */
function toTree(markdown: string): Root {
  const file = new VFile({ value: markdown });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  const { problems } = refsOf(file);
  if (problems.length) throw new TextFieldError(problems);
  return tree;
}

/** The block elements of a tree, whitespace between them left out. */
const blocksOf = (tree: Root) => tree.children.filter((n) => !(n.type === 'text' && n.value.trim() === ''));

/** Characters escaped by name where HTML has one (`&amp;`), as the pages' templates write them. */
const htmlOptions = { characterReferences: { useNamedReferences: true } } as const;

const cache = new Map<string, string>();
const cached = (key: string, render: () => string) => {
  let html = cache.get(key);
  if (html === undefined) {
    html = render();
    cache.set(key, html);
  }
  return html;
};

/**
 * A text field as HTML: inline math in `$…$`, citations in `[@…]`, cross-links, curly quotes, numbers bound to their
 * units. It must read as one paragraph, and an unpaired `$` (which Markdown would leave as text) is an error.
 */
export function renderInline(text: string): string {
  if (text.trim() === '') return '';
  return cached(`I${text}`, () => {
    const blocks = blocksOf(toTree(text));
    const [p] = blocks;
    if (blocks.length !== 1 || p?.type !== 'element' || p.tagName !== 'p')
      throw new Error(`a text field is one paragraph of inline text, but this reads as ${blocks.map((b) => (b.type === 'element' ? `<${b.tagName}>` : b.type)).join(', ')}: ${JSON.stringify(text)}`);
    visit(p, 'text', (node) => {
      if (node.value.includes('$')) throw new Error(`unpaired "$" in ${JSON.stringify(text)}`);
    });
    return toHtml(p.children as ElementContent[], htmlOptions);
  });
}

/** A formula in mhchem notation (`LiCoO2`), set inline as the text sets `$\ce{LiCoO2}$`. */
export function renderChem(formula: string): string {
  return renderInline(`$\\ce{${formula}}$`);
}

/** A displayed formula (a reaction's `\ce{…}`), set as the MDX bodies set `$$…$$`. */
export function renderDisplay(tex: string): string {
  return cached(`D${tex}`, () => toHtml(blocksOf(toTree(`$$\n${tex}\n$$`)) as ElementContent[], htmlOptions));
}

/** A citation as the text shows it, `[47, 196]`, each number a link to its reference. */
export function renderCitation(numbers: readonly number[]): string {
  return renderInline(`[@${numbers.join(', ')}]`);
}
