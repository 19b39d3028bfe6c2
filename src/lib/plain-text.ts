import type { Nodes } from 'mdast';
import { chemPlain } from './formula';
import { typeset } from './typeset';

/**
 * The text of an mdast subtree as a data record's text field writes it: words as they are, inline math kept in
 * `$…$` and citations in `[@…]`, so that `renderInline` can set it and `texToPlain` can read it plain.
 */
export function sourceText(node: Nodes): string {
  if (node.type === 'inlineMath' || node.type === 'math') return `$${node.value}$`;
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(sourceText).join('');
  return '';
}

/** A readable approximation of a TeX string for plain-text contexts (excerpts, metadata), typeset as the pages are. */
export function texToPlain(tex: string): string {
  return typeset(tex)
    .replace(/\\\{/g, '\u0001')
    .replace(/\\\}/g, '\u0002')
    .replace(/\[@([^\]\n]*)\]/g, '[$1]')
    .replace(/\\ce\{((?:[^{}]|\{[^{}]*\})*)\}/g, (_, body: string) => chemPlain(body) ?? body)
    .replace(/\\(?:mathrm|text|mathit)\{([^{}]*)\}/g, '$1')
    .replace(/\\rightarrow|->/g, '→')
    .replace(/\\sim/g, '~')
    .replace(/\\times/g, '×')
    .replace(/\\le(?![a-z])/g, '≤')
    .replace(/\\ge(?![a-z])/g, '≥')
    .replace(/\\approx/g, '≈')
    .replace(/\\pm/g, '±')
    .replace(/\\langle\s*/g, '⟨')
    .replace(/\s*\\rangle/g, '⟩')
    .replace(/\\,/g, ' ')
    .replace(/\\[a-zA-Z]+/g, '')
    .replace(/_/g, '')
    .replace(/[{}$]/g, '')
    .replace(/\u0001/g, '{')
    .replace(/\u0002/g, '}')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The sentence of `text` that contains position `at`. */
export function sentenceAround(text: string, at: number, end = at): string {
  const boundary = /(?<!\b(?:al|Fig|Figs|Eq|Ref|vs|ca|e\.g|i\.e|etc|approx))[.!?](?=\s+[A-Z(])/g;
  let start = 0;
  let stop = text.length;
  for (const m of text.matchAll(boundary)) {
    const i = m.index ?? 0;
    if (i < at) start = i + 1;
    else if (i >= end) {
      stop = i + 1;
      break;
    }
  }
  return text.slice(start, stop).replace(/\s+/g, ' ').trim();
}

/** A formula in mhchem notation as plain text (`LiCoO2`, `Li+`). */
export function chemToPlain(formula: string): string {
  return texToPlain(`\\ce{${formula}}`);
}
