import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { bindUnits, endsWithNumber } from '../lib/units';

/** Elements whose text is not prose: code, and the TeX that rehype-katex has still to render. */
const notProse = new Set(['code', 'pre', 'script', 'style']);

/** The text an element's last text descendant ends with (`−4` for `<sup>−4</sup>`). */
function lastText(node: ElementContent | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? lastText(node.children.at(-1)) : '';
}

/**
 * Numbers and their units stay on one line in the Markdown bodies (see `bindUnits`). Runs after
 * rehype-text-formulas, so that a unit after a number's exponent (`10<sup>−4</sup> S cm`) is bound as well.
 */
export function unitsTransform(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if (node.type === 'element' && notProse.has((node as Element).tagName)) return SKIP;
    if (node.type !== 'text' || !parent || index === undefined) return undefined;
    const before = parent.children[index - 1];
    node.value = bindUnits(node.value, before?.type === 'element' && endsWithNumber(lastText(before)));
    return undefined;
  });
}

export default function rehypeUnits() {
  return (tree: Root) => unitsTransform(tree);
}
