import type { Element, Parents, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { texToPlain } from '../lib/plain-text';

const classes = (node: Element) => (Array.isArray(node.properties.className) ? node.properties.className : []) as string[];

function annotation(node: Element): string {
  let tex = '';
  visit(node, 'element', (child) => {
    if (child.tagName === 'annotation' && child.children[0]?.type === 'text') {
      tex = child.children[0].value;
      return false;
    }
    return undefined;
  });
  return tex;
}

/** The hidden plain text that stands for a formula in the search index. */
export function mathIndexNode(plain: string): Element {
  return { type: 'element', tagName: 'span', properties: { hidden: true, className: ['math-index'] }, children: [{ type: 'text', value: plain }] };
}

/** Whether a formula is all a link shows (`[$\ce{LiCoO2}$](material:licoo2)`). */
const isWholeLink = (node: Element, parent: Parents) =>
  parent.type === 'element' && parent.tagName === 'a' &&
  parent.children.every((c) => c === node || (c.type === 'text' && c.value.trim() === ''));

/**
 * KaTeX writes each formula twice (MathML and HTML) and its MathML carries layout glyphs; indexed as it is, a search
 * for LiCoO2 would meet "LiCoOX2\ce{LiCoO2}". This marks every rendered formula `data-pagefind-ignore` and puts
 * a hidden plain-text reading of it (`LiCoO2`) beside it for the index. Runs after rehype-katex.
 *
 * A link whose only content is a formula would have no accessible name (assistive technology does not name a link
 * from its MathML): there the plain reading is visually hidden instead of hidden, and names the link, and the
 * rendered formula is hidden from assistive technology so that it is not read twice.
 */
export function mathIndexTransform(tree: Root): void {
  visit(tree, 'element', (node, index, parent) => {
    const cls = classes(node);
    if (!cls.includes('katex') && !cls.includes('katex-display')) return undefined;
    if (!parent || index === undefined) return SKIP;
    node.properties.dataPagefindIgnore = '';
    const reading = mathIndexNode(texToPlain(annotation(node)));
    if (isWholeLink(node, parent)) {
      reading.properties = { className: ['math-index', 'visually-hidden'] };
      node.properties.ariaHidden = 'true';
    }
    parent.children.splice(index, 0, reading);
    return [SKIP, index + 2];
  });
}

export default function rehypeMathIndex() {
  return (tree: Root) => mathIndexTransform(tree);
}
