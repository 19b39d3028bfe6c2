import type { Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import { type CollectedCitation, refsOf, reportProblem } from '../lib/collected-refs';
import { sentenceAround, sourceText } from '../lib/plain-text';
import { CITATION, citedNumbers, parseCitation, type Item } from '../lib/citation-syntax';

export interface CitationOptions {
  /** URL of the page of reference `n`. */
  href: (n: number) => string;
  /**
   * A section body (true) or a text field (false, the default). In a body each citation links to the page's own
   * entry `#ref-n` and gets an id, and each block that cites gets an id that "Cited in" links land on (see
   * `anchorIds`); a text field can be set several times on one page, so it gets no ids and links to `href(n)`.
   */
  inPage?: boolean;
}

/**
 * The ids of a section body, stable while unrelated text changes: a citing block (paragraph, list item, table cell)
 * is `p-47` after its first cited reference, `p-47-2` for the second block in reading order whose first citation
 * is [47], and so on; a citation is `cite-47`, `cite-47-2` … by the same rule. Only inserting or removing a block
 * (or citation) that starts with the same reference before it renumbers one.
 */
export function anchorIds(): { block: (first: number) => string; citation: (first: number) => string } {
  const counter = (prefix: string) => {
    const seen = new Map<number, number>();
    return (first: number) => {
      const k = (seen.get(first) ?? 0) + 1;
      seen.set(first, k);
      return k === 1 ? `${prefix}-${first}` : `${prefix}-${first}-${k}`;
    };
  };
  return { block: counter('p'), citation: counter('cite') };
}

export interface CitationProblem {
  message: string;
  line: number;
  column: number;
}

function citationNode(items: Item[], href: (n: number) => string, id?: string): PhrasingContent {
  const link = (n: number): PhrasingContent => ({
    type: 'link',
    url: href(n),
    children: [{ type: 'text', value: String(n) }],
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
    data: { hName: 'span', hProperties: id ? { className: ['cite'], id } : { className: ['cite'] } },
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
  const blockText = new Map<Parent, { text: string; cursor: number; anchor?: string | undefined }>();
  const ids = options.inPage ? anchorIds() : undefined;
  const href = options.inPage ? (n: number) => `#ref-${n}` : options.href;

  visitParents(tree, 'text', (node, ancestors) => {
    if (!node.value.includes('[@')) return;
    const parent = ancestors[ancestors.length - 1] as Parent;
    const nearest = [...ancestors].reverse();
    const at = nearest.findIndex((a) => a.type === 'paragraph' || a.type === 'heading' || a.type === 'tableCell' || a.type === 'listItem');
    const block = (nearest[at] ?? parent) as Parent;
    if (!blockText.has(block)) blockText.set(block, { text: sourceText(block as Nodes), cursor: 0 });
    const ctx = blockText.get(block)!;

    const replacement: PhrasingContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(CITATION)) {
      const start = match.index ?? 0;
      const place = placeIn(node, start);
      const items = parseCitation(match[1] ?? '');
      if (typeof items === 'string') {
        problems.push({ message: items, ...place });
        continue;
      }
      const numbers = citedNumbers(items);
      const first = numbers[0]!;
      if (ids && !('anchor' in ctx)) {
        // The element the id goes on: a paragraph of a list item is not an element of its own in a tight list, and
        // a heading has its own id.
        const target = block.type === 'paragraph' && nearest[at + 1]?.type === 'listItem' ? nearest[at + 1]! : block;
        ctx.anchor = target.type === 'heading' ? undefined : ids.block(first);
        if (ctx.anchor) target.data = { ...target.data, hProperties: { ...(target.data as { hProperties?: object } | undefined)?.hProperties, id: ctx.anchor } };
      }
      const id = ids?.citation(first);
      const found = ctx.text.indexOf(match[0], ctx.cursor);
      const pos = found < 0 ? ctx.cursor : found;
      ctx.cursor = pos + match[0].length;
      const context = sentenceAround(ctx.text, pos, pos + match[0].length);
      citations.push({ numbers, context, ...place, ...(id && { id }), ...(ctx.anchor && { anchor: ctx.anchor }) });
      if (start > last) replacement.push({ type: 'text', value: node.value.slice(last, start) });
      replacement.push(citationNode(items, href, id));
      last = start + match[0].length;
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
