import type { Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import { type CollectedCitation, refsOf, reportProblem } from '../lib/collected-refs';
import { sentenceAround, sourceText } from '../lib/plain-text';
import { CITATION, citedNumbers, parseCitation, type Item } from '../lib/citation-syntax';

export interface CitationOptions {
  /** URL of the page of reference `n`. */
  href: (n: number) => string;
}

export interface CitationProblem {
  message: string;
  line: number;
  column: number;
}

function citationNode(items: Item[], href: (n: number) => string): PhrasingContent {
  const link = (n: number): PhrasingContent => ({
    type: 'link',
    url: href(n),
    children: [{ type: 'text', value: String(n) }],
    data: { hProperties: { dataRef: String(n) } },
  });
  const children: PhrasingContent[] = [{ type: 'text', value: '[' }];
  items.forEach((item, i) => {
    if (i > 0) children.push({ type: 'text', value: ', ' });
    children.push(link(item.from));
    if (item.to !== item.from) children.push({ type: 'text', value: '–' }, link(item.to));
  });
  children.push({ type: 'text', value: ']' });
  // A phrasing node that remark-rehype turns into <span class="cite">.
  return {
    type: 'emphasis',
    children,
    data: { hName: 'span', hProperties: { className: ['cite'] } },
  };
}

/** Position of character `offset` of a text node, counting the lines it spans. */
function placeIn(node: Text, offset: number): { line: number; column: number } {
  const start = node.position?.start ?? { line: 0, column: 0 };
  const before = node.value.slice(0, offset);
  const lines = before.split('\n');
  return lines.length === 1
    ? { line: start.line, column: start.column + offset }
    : { line: start.line + lines.length - 1, column: lines[lines.length - 1]!.length + 1 };
}

/**
 * Replaces every `[@…]` in text with linked reference numbers and returns what it found.
 * Pure: it touches only the tree it is given.
 */
export function citationsTransform(
  tree: Root,
  options: CitationOptions,
): { citations: CollectedCitation[]; problems: CitationProblem[] } {
  const citations: CollectedCitation[] = [];
  const problems: CitationProblem[] = [];
  const blockText = new Map<Parent, { text: string; cursor: number }>();

  visitParents(tree, 'text', (node, ancestors) => {
    if (!node.value.includes('[@')) return;
    const parent = ancestors[ancestors.length - 1] as Parent;
    const block = ([...ancestors].reverse().find((a) => a.type === 'paragraph' || a.type === 'heading' || a.type === 'tableCell' || a.type === 'listItem') ?? parent) as Parent;
    if (!blockText.has(block)) blockText.set(block, { text: sourceText(block as Nodes), cursor: 0 });
    const ctx = blockText.get(block)!;

    const replacement: PhrasingContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(CITATION)) {
      const at = match.index ?? 0;
      const place = placeIn(node, at);
      const items = parseCitation(match[1] ?? '');
      if (typeof items === 'string') {
        problems.push({ message: items, ...place });
        continue;
      }
      const numbers = citedNumbers(items);
      const found = ctx.text.indexOf(match[0], ctx.cursor);
      const pos = found < 0 ? ctx.cursor : found;
      ctx.cursor = pos + match[0].length;
      const context = sentenceAround(ctx.text, pos, pos + match[0].length);
      citations.push({ numbers, context, ...place });
      if (at > last) replacement.push({ type: 'text', value: node.value.slice(last, at) });
      replacement.push(citationNode(items, options.href));
      last = at + match[0].length;
    }
    if (replacement.length === 0) return;
    if (last < node.value.length) replacement.push({ type: 'text', value: node.value.slice(last) });
    const index = parent.children.indexOf(node as never);
    parent.children.splice(index, 1, ...(replacement as never[]));
    return [SKIP, index + replacement.length];
  });
  return { citations, problems };
}

/**
 * remark plugin: citations become links; the numbers go to `remarkPluginFrontmatter.refs.citations`, and every
 * malformed citation, left as it was written, to `refs.problems` (rule `citation-syntax`), for the content graph to
 * report with the file's other problems.
 */
export default function remarkCitations(options: CitationOptions) {
  return (tree: Root, file: VFile) => {
    const { citations, problems } = citationsTransform(tree, options);
    for (const p of problems) reportProblem(file, { rule: 'citation-syntax', ...p }, 'remark-citations');
    refsOf(file).citations.push(...citations);
  };
}
