import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { scriptsAsMarkup } from '../lib/text-formula';

const isHeading = (node: Element) => /^h[1-6]$/.test(node.tagName);

/**
 * Headings are written with Unicode sub- and superscripts (`Layered LiCoO₂ (LCO)`), which their anchors, the
 * on-page contents and the metadata read; shown, they set formulas as the text does (`LiCoO<sub>2</sub>`). Runs over
 * rendered HTML, after the anchors are made, so that no anchor changes.
 */
export function headingScriptsTransform(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (!isHeading(node)) return undefined;
    visit(node, 'text', (text, index, parent) => {
      if (!parent || index === undefined || (parent.type === 'element' && (parent.tagName === 'sub' || parent.tagName === 'sup'))) return undefined;
      const pieces = scriptsAsMarkup(text.value);
      if (pieces.length === 1 && pieces[0]!.type === 'text') return undefined;
      parent.children.splice(index, 1, ...pieces);
      return [SKIP, index + pieces.length];
    });
    return SKIP;
  });
}

export default function rehypeHeadingScripts() {
  return (tree: Root) => headingScriptsTransform(tree);
}
