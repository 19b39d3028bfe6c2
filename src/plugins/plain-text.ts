import type { Nodes } from 'mdast';

/** Plain reading text of an mdast subtree; inline math is reduced to its letters (`\ce{LiCoO2}` → `LiCoO2`). */
export function plainText(node: Nodes): string {
  if (node.type === 'inlineMath' || node.type === 'math') return texToPlain(node.value);
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

/** A readable approximation of a TeX string for plain-text contexts (excerpts, metadata). */
export function texToPlain(tex: string): string {
  return tex
    .replace(/\[@([^\]\n]*)\]/g, '[$1]')
    .replace(/\\ce\{((?:[^{}]|\{[^{}]*\})*)\}/g, '$1')
    .replace(/\\(?:mathrm|text|mathit)\{([^{}]*)\}/g, '$1')
    .replace(/\\rightarrow|->/g, '→')
    .replace(/\\sim/g, '~')
    .replace(/\\times/g, '×')
    .replace(/\\[a-zA-Z]+/g, '')
    .replace(/_/g, '')
    .replace(/[{}$]/g, '')
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
