import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { texToPlain } from './plain-text';

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

/**
 * KaTeX writes each formula twice (MathML and HTML) and its MathML carries layout glyphs; indexed as it is, a search
 * for LiCoO2 would meet "LiCoOX2\ce{LiCoO2}". This marks every rendered formula `data-pagefind-ignore` and puts
 * a hidden plain-text reading of it (`LiCoO2`) beside it for the index. Runs after rehype-katex.
 */
export function mathIndexTransform(tree: Root): void {
  visit(tree, 'element', (node, index, parent) => {
    const cls = classes(node);
    if (!cls.includes('katex') && !cls.includes('katex-display')) return undefined;
    if (!parent || index === undefined) return SKIP;
    node.properties.dataPagefindIgnore = '';
    parent.children.splice(index, 0, mathIndexNode(texToPlain(annotation(node))));
    return [SKIP, index + 2];
  });
}

export default function rehypeMathIndex() {
  return (tree: Root) => mathIndexTransform(tree);
}
