/** Text helpers for the build-time SVG diagrams: SVG text holds no KaTeX and no HTML. */
import { typeset } from '../typeset';

/** Average advance of a character of the system sans-serif, in em; enough to size boxes, never to clip. */
export const CHAR_EM = 0.56;

/** Width in px of `text` at `fontSize`, estimated. */
export function textWidth(text: string, fontSize: number): number {
  return Math.ceil([...text].length * CHAR_EM * fontSize);
}

const SUP: Record<string, string> = { 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '-': '⁻', '+': '⁺', '−': '⁻' };
const SUB: Record<string, string> = {
  0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', '.': '.',
  '+': '₊', '-': '₋', '−': '₋', '(': '₍', ')': '₎', x: 'ₓ', n: 'ₙ',
};

/** A subscript group (`1+x`) in Unicode subscripts (`₁₊ₓ`), or undefined when a character has none (y, z …). */
function subscript(group: string): string | undefined {
  const chars = [...group].map((c) => SUB[c]);
  return chars.every((c) => c !== undefined) ? chars.join('') : undefined;
}

function toUnicode(formula: string, flat = false): { text: string; exact: boolean } {
  let exact = true;
  const text = formula
    .replace(/\\ce\{(.*)\}/, '$1')
    .split(/(\s+)/)
    .map((token) =>
      token
        // Odd parts are subscript groups (`_{1+x}`, `_x`): all in subscripts, or, where Unicode has no subscript for
        // a character of one of them, all on the line (`Li1+x+y`, never the misleading `Li₁+x+y`).
        .split(/_(\{[^}]*\}|[^{])/)
        .map((part, i) => {
          if (i % 2 === 0) return part.replace(/(?<=[A-Za-z)\]])(\d+(?:\.\d+)?)/g, (d) => [...d].map((c) => SUB[c] ?? c).join(''));
          const group = part.replace(/^\{|\}$/g, '');
          const sub = flat ? undefined : subscript(group);
          if (sub === undefined) exact = false;
          return sub ?? group;
        })
        .join('')
        .replace(/(?<=\S)\+$/, '⁺')
        .replace(/(?<=\S)-$/, '⁻')
        .replace(/\$/g, ''),
    )
    .join('');
  // One group that must stay on the line puts them all there (LiNxOy, not LiNₓOy).
  return exact || flat ? { text, exact } : { ...toUnicode(formula, true), exact: false };
}

/**
 * A plain mhchem formula or species as Unicode text for SVG (`LiCoO2` → `LiCoO₂`, `Li+` → `Li⁺`, `e-` → `e⁻`,
 * `2Li2O` → `2Li₂O`, `Li_{1+x}` → `Li₁₊ₓ`): digits after an element or a bracket are subscripts, and so are written
 * subscript groups where Unicode allows; a leading coefficient stays as it is.
 */
export function chemToUnicode(formula: string): string {
  return toUnicode(formula).text;
}

/** `chemToUnicode`, when every subscript of the formula could be written as one; otherwise undefined. */
export function exactChemToUnicode(formula: string): string | undefined {
  const { text, exact } = toUnicode(formula);
  return exact ? text : undefined;
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
        .replace(/\^\{?([-+−]?\d+)\}?/g, (_x, e: string) => [...e].map((c) => SUP[c] ?? c).join(''))
        .replace(/\\(?:mathrm|text|mathit)\{([^{}]*)\}/g, '$1')
        .replace(/\\sim/g, '~')
        .replace(/\\times/g, '×')
        .replace(/\\[a-zA-Z]+/g, '')
        .replace(/[{}^_]/g, ''),
    )
    .replace(/\s+/g, ' ')
    .trim();
}
