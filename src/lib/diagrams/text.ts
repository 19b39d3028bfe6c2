/** Text helpers for the build-time SVG diagrams: SVG text holds no KaTeX and no HTML. */
import { chemUnicode, superscript } from '../formula';
import { chemToPlain } from '../plain-text';
import { scriptsAsMarkup } from '../text-formula';
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { typeset } from '../typeset';

/** Average advance of a character of the system sans-serif, in em; enough to size boxes, never to clip. */
export const CHAR_EM = 0.56;

/** Width in px of `text` at `fontSize`, estimated. */
export function textWidth(text: string, fontSize: number): number {
  return Math.ceil([...text].length * CHAR_EM * fontSize);
}

/**
 * A formula or species in mhchem notation as Unicode text (`LiCoO2` → `LiCoO₂`, `Li+` → `Li⁺`, `e-` → `e⁻`,
 * `2Li2O` → `2Li₂O`, `Li_{1+x}` → `Li₁₊ₓ`), as the edition's mhchem reader writes it (`chemUnicode`); what it cannot
 * read, as plain text.
 */
export function chemToUnicode(formula: string): string {
  return chemUnicode(formula)?.text ?? chemToPlain(formula);
}

/** `chemToUnicode`, when every subscript of the formula could be written as one; otherwise undefined. */
export function exactChemToUnicode(formula: string): string | undefined {
  const read = chemUnicode(formula);
  return read?.exact ? read.text : undefined;
}

/**
 * Prose with inline TeX as plain Unicode for SVG text: mhchem formulas get Unicode subscripts and charges, other
 * math is reduced to its letters (`"$\ce{Li2O}$ on Li"` → `"Li₂O on Li"`); quotes are typeset as on the pages.
 */
export function proseToUnicode(text: string): string {
  return typeset(text)
    .replace(/\$\\ce\{((?:[^{}]|\{[^{}]*\})*)\}\$/g, (_, f: string) => chemToUnicode(f))
    .replace(/\$([^$]*)\$/g, (_, m: string) =>
      m
        .replace(/\^\{?([-+−]?\d+)\}?/g, (_x, e: string) => superscript(e) ?? e)
        .replace(/\\(?:mathrm|text|mathit)\{([^{}]*)\}/g, '$1')
        .replace(/\\sim/g, '~')
        .replace(/\\times/g, '×')
        .replace(/\\[a-zA-Z]+/g, '')
        .replace(/[{}^_]/g, ''),
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text's formula markup as SVG: sub- and superscripts as shifted, smaller `<tspan>`s, variables italic. */
const svgPieces = (node: ElementContent): ElementContent[] => {
  if (node.type !== 'element') return [node];
  const children = node.children.flatMap(svgPieces);
  if (node.tagName === 'sub' || node.tagName === 'sup') return [{ type: 'element', tagName: 'tspan', properties: { baselineShift: node.tagName === 'sub' ? 'sub' : 'super', fontSize: '75%' }, children }];
  return node.tagName === 'i' ? [{ type: 'element', tagName: 'tspan', properties: { fontStyle: 'italic' }, children }] : children;
};

/**
 * A label written in Unicode (`LiCoO₂`) as SVG text that sets its formula as the pages' text does: sub- and
 * superscripts as shifted, smaller `<tspan>`s, variables italic. Escaped, for `set:html` inside a `<text>`.
 */
export function svgScripts(label: string): string {
  return toHtml({ type: 'root', children: scriptsAsMarkup(label).flatMap(svgPieces) }, { space: 'svg' });
}
