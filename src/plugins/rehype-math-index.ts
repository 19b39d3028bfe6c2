import type { Element, Root } from 'hast';
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

/** The plain reading that stands for a formula, visually hidden: the search index and assistive technology read it. */
export function mathIndexNode(plain: string): Element {
  return { type: 'element', tagName: 'span', properties: { className: ['math-index', 'visually-hidden'] }, children: [{ type: 'text', value: plain }] };
}

/**
 * KaTeX's MathML copy of a formula (`.katex-mathml`), taken out of it, and what its drawing repeats once the whole
 * formula is hidden from assistive technology: the `aria-hidden` of its `.katex-html`, and the SVG namespace of its
 * stretchy arrows (an `<svg>` in HTML is in it already).
 */
function dropMathml(node: Element): void {
  visit(node, 'element', (child, index, parent) => {
    if (classes(child).includes('katex-html')) delete child.properties.ariaHidden;
    if (child.tagName === 'svg') delete child.properties.xmlns;
    if (!classes(child).includes('katex-mathml') || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}

/**
 * KaTeX writes each formula twice, as MathML and as HTML, and its MathML carries layout glyphs: indexed as it is, a
 * search for LiCoO2 would meet "LiCoOX2\ce{LiCoO2}", and read aloud, mhchem's MathML spells its phantoms and
 * struts. This puts beside every rendered formula its plain reading (`LiCoO2 → CoO + Li2O`), visually hidden, which
 * the index and assistive technology read; KaTeX's drawing is marked `data-pagefind-ignore` and hidden from
 * assistive technology, and its MathML copy, read by neither any more, is dropped (0.4–0.7 kB gzip on a section
 * with reactions). Runs after rehype-katex, whose MathML annotation gives the formula's TeX.
 */
export function mathIndexTransform(tree: Root): void {
  visit(tree, 'element', (node, index, parent) => {
    const cls = classes(node);
    if (!cls.includes('katex') && !cls.includes('katex-display')) return undefined;
    if (!parent || index === undefined) return SKIP;
    node.properties.dataPagefindIgnore = '';
    node.properties.ariaHidden = 'true';
    const reading = mathIndexNode(texToPlain(annotation(node)));
    dropMathml(node);
    parent.children.splice(index, 0, reading);
    return [SKIP, index + 2];
  });
}

export default function rehypeMathIndex() {
  return (tree: Root) => mathIndexTransform(tree);
}
