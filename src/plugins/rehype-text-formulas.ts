import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { textFormula } from '../lib/text-formula';

/**
 * Inline math that needs no mathematical layout (a plain chemical formula, a number, a unit's exponent; see
 * `textFormula`) becomes HTML in the text's own font before rehype-katex sees it. The rest stays KaTeX's.
 * A page left without KaTeX output loads neither KaTeX's stylesheet nor its fonts (src/integrations/post-build/stylesheets.ts).
 */
export function textFormulasTransform(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    const cls = Array.isArray(node.properties.className) ? node.properties.className : [];
    if (node.tagName !== 'code' || !cls.includes('math-inline') || !parent || index === undefined) return undefined;
    const tex = node.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
    const html = textFormula(tex);
    if (!html) return SKIP;
    parent.children.splice(index, 1, ...html);
    return [SKIP, index + html.length];
  });
}

export default function rehypeTextFormulas() {
  return (tree: Root) => textFormulasTransform(tree);
}
