import type { Element, ElementContent, Text } from 'hast';
import { readSpecies, scriptCharacters } from './formula';

/**
 * Inline TeX that needs no mathematical layout, as HTML in the text's own font: what a journal sets in running text
 * with subscripts and superscripts alone. Accepted:
 * - a chemical formula in mhchem notation made of element symbols, parentheses, commas, counts and `_{…}`
 *   subscripts, with an optional charge (`\ce{Li2O}`, `\ce{Li_{7-3x}Al_xLa3Zr2O12}`, `\ce{(PO4)3}`, `\ce{Co^{3+}}`,
 *   `\ce{Li+}`): counts and subscripts become `<sub>`, letters in subscripts (variables such as x) italic, the
 *   charge `<sup>`; species may carry a coefficient and be joined into a system (`\ce{75Li2S-25P2S5}`, set with
 *   an en dash) or a couple (`\ce{Li/Li+}`); the electron (`\ce{e-}`, `\ce{2e-}`);
 * - a number with an optional exponent and relation, or an exponent alone after a unit (`-3.04`, `>10^{-4}`,
 *   `^{-1}`, `^2`);
 * - a subscript alone, after text it belongs to (`_{0.8}`, `_x`), a single variable (`x`), italic, and a chain of
 *   numbers and variables joined by relations (`3 \le x \le 8`);
 * - a crystal direction or family of planes in Miller indices (`\langle 112 \rangle`, `\{2\,0\,0\}`), and a space
 *   group (`P4_332`, `Fd\bar{3}m`).
 * Anything else (reactions, arrows, states, bonds, operators, symbols) returns undefined and stays KaTeX's. Minus
 * signs are U+2212, as KaTeX sets them. A formula with a word that no sub- or superscript marks as one is wrapped
 * (see `marked`). Pure.
 */
export function textFormula(tex: string): ElementContent[] | undefined {
  const ce = /^\\ce\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}$/.exec(tex.trim());
  const nodes = ce ? chemical(ce[1]!) : textMath(tex.trim());
  return nodes && marked(nodes);
}

/**
 * A formula's HTML as the page can tell it from prose. A word of a formula that runs into a `<sub>`, `<sup>` or `<i>`
 * (`Li<sub>2</sub>S`) is seen as part of a formula by what reads the page (src/plugins/rehype-abbreviations.ts);
 * a formula with a word that touches none (`TiS`, the first Li of `Li/Li<sup>+</sup>`, `2Li`) would read as prose,
 * and is wrapped in `<span class="formula">`. Only those are wrapped: the others need no bytes to be known.
 */
function marked(nodes: ElementContent[]): ElementContent[] {
  const isPiece = (node: ElementContent | undefined) => node?.type === 'element';
  const loose = nodes.some(
    (node, i) =>
      node.type === 'text' &&
      [...node.value.matchAll(/[\p{L}\p{N}]+/gu)].some(
        (w) => /\p{L}/u.test(w[0]) && !(w.index === 0 && isPiece(nodes[i - 1])) && !(w.index + w[0].length === node.value.length && isPiece(nodes[i + 1])),
      ),
  );
  return loose ? [{ type: 'element', tagName: 'span', properties: { className: ['formula'] }, children: nodes }] : nodes;
}

const text = (value: string): Text => ({ type: 'text', value: value.replace(/-/g, '\u2212') });
const el = (tagName: 'sub' | 'sup' | 'i', children: ElementContent[]): Element => ({ type: 'element', tagName, properties: {}, children });

/** A subscript's content: digits, signs and points as they are, letters (variables) italic. */
function script(tagName: 'sub' | 'sup', content: string): Element {
  const children: ElementContent[] = [];
  for (const [, letters, other] of content.matchAll(/([a-zδ]+)|([^a-zδ]+)/g)) children.push(letters ? el('i', [text(letters)]) : text(other!));
  return el(tagName, children);
}

/** A species read by the edition's mhchem reader (src/lib/formula.ts), set as HTML. */
function chemical(body: string): ElementContent[] | undefined {
  const pieces = readSpecies(body);
  if (!pieces) return undefined;
  return merge(
    pieces.map((p): ElementContent =>
      p.kind === 'text' ? text(p.value) : p.kind === 'bond' ? { type: 'text', value: '\u2013' } : script(p.kind, p.value),
    ),
  );
}

/** Relations as TeX writes them, and as text shows them. */
const relations: Record<string, string> = { '\\le': '\u2264', '\\ge': '\u2265', '<': '<', '>': '>' };

function textMath(tex: string): ElementContent[] | undefined {
  if (/^[a-z]$/.test(tex)) return [el('i', [text(tex)])];
  const group = spaceGroup(tex);
  if (group) return group;
  // A chain of numbers and variables joined by relations: 3 \le x \le 8.
  const chain = tex.split(/\s*(\\le(?![a-z])|\\ge(?![a-z])|<|>)\s*/);
  if (chain.length >= 3 && chain.every((part, i) => (i % 2 ? part in relations : /^(?:\d+(?:\.\d+)?|[a-z])$/.test(part))))
    return merge(chain.map((part, i): ElementContent => (i % 2 ? text(` ${relations[part]} `) : /^[a-z]$/.test(part) ? el('i', [text(part)]) : text(part))));
  const direction = /^\\langle\s*(\d+)\s*\\rangle$/.exec(tex);
  if (direction) return [text(`\u27e8${direction[1]}\u27e9`)];
  const planes = /^\\\{(\d(?:\\,\d)+)\\\}$/.exec(tex);
  if (planes) return [text(`{${planes[1]!.replaceAll('\\,', '\u2009')}}`)];
  const sub = /^_(?:\{([\d.a-z]+)\}|([\da-z]))$/.exec(tex);
  if (sub) return [script('sub', (sub[1] ?? sub[2])!)];
  const relation = /^(>|<|\\[lg]e)\s*(?=\d)/.exec(tex);
  const m = /^(-?\d+(?:\.\d+)?)?(?:\^(?:\{(-?\d+)\}|(\d)))?$/.exec(tex.slice(relation?.[0].length ?? 0));
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  const out: ElementContent[] = [];
  if (relation) out.push(text(relations[relation[1]!]!));
  if (m[1]) out.push(text(m[1]));
  if (m[2] ?? m[3]) out.push(script('sup', (m[2] ?? m[3])!));
  return merge(out);
}

/**
 * A space group in Hermann–Mauguin notation (`P4_332`, `Fd\bar{3}m`): letters italic, a screw axis's subscript as
 * `<sub>`, a rotoinversion's bar as a combining overline (3̄).
 */
function spaceGroup(tex: string): ElementContent[] | undefined {
  const m = /^([A-Z])((?:\d(?:_\d)?|\\bar\{\d\}|[a-z])+)$/.exec(tex);
  if (!m) return undefined;
  const out: ElementContent[] = [el('i', [text(m[1]!)])];
  for (const [, axis, screw, bar, letter] of m[2]!.matchAll(/(\d)(?:_(\d))?|\\bar\{(\d)\}|([a-z])/g)) {
    if (axis) out.push(text(axis), ...(screw ? [script('sub', screw)] : []));
    else if (bar) out.push(text(`${bar}\u0305`));
    else out.push(el('i', [text(letter!)]));
  }
  return merge(out);
}

/** Adjacent text nodes joined, so that the index and the reader see one word. */
function merge(nodes: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const n of nodes) {
    const last = out.at(-1);
    if (n.type === 'text' && last?.type === 'text') last.value += n.value;
    else out.push(n);
  }
  return out;
}

const subChars = Object.keys(scriptCharacters.sub).join('');
const supChars = Object.keys(scriptCharacters.sup).join('');
/** A run of subscripts (a point between two of them belongs to it: `₀.₉`), or of superscripts. */
const scriptRun = new RegExp(`([${subChars}](?:\\.?[${subChars}])*)|([${supChars}]+)`, 'gu');

/**
 * Text written with Unicode sub- and superscripts (a heading's `LiCoO₂`, `Li₁₊ₓ`, `Li⁺`) set as the text's formulas
 * are: `<sub>`, `<sup>`, variables italic. For headings and titles, which are written in Unicode so that their
 * anchors, the page's <title> and its metadata read them; shown, they take the markup of the text. Pure.
 */
export function scriptsAsMarkup(value: string): ElementContent[] {
  const out: ElementContent[] = [];
  let at = 0;
  for (const m of value.matchAll(scriptRun)) {
    if (m.index > at) out.push({ type: 'text', value: value.slice(at, m.index) });
    const [table, tagName] = m[1] ? [scriptCharacters.sub, 'sub' as const] : [scriptCharacters.sup, 'sup' as const];
    out.push(script(tagName, [...m[0]].map((c) => table[c] ?? c).join('')));
    at = m.index + m[0].length;
  }
  if (at < value.length) out.push({ type: 'text', value: value.slice(at) });
  return out;
}
