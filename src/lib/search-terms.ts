import { HTMLElement, parse as parseHtml, type Node as HtmlNode } from 'node-html-parser';
import { readSpecies, subscript } from './formula';
import { chemToPlain } from './plain-text';

const subscriptDigits = '₀₁₂₃₄₅₆₇₈₉';

/** A formula in mhchem notation as plain ASCII text (`Li_{6.75}La3…` → `Li6.75La3…`). */
export function plainFormula(formula: string): string {
  return chemToPlain(formula).replace(/[_^]/g, '').replace(/\s+/g, '');
}

/**
 * A plain formula with its stoichiometric numbers as Unicode subscripts (`LiCoO2` → `LiCoO₂`), as readers paste
 * it from papers: the counts the edition's mhchem reader finds are lowered, and nothing else. A formula with a charge
 * (`Co3+`), a coefficient's number (`2Li`) or anything the reader does not take stays as it is.
 */
export function subscriptFormula(plain: string): string {
  const pieces = readSpecies(plain);
  if (!pieces || pieces.some((p) => p.kind === 'sup')) return plain;
  return pieces.map((p) => (p.kind === 'sub' ? (subscript(p.value) ?? p.value) : p.kind === 'bond' ? '-' : p.value)).join('');
}

/** Subscript digits back to ASCII (`LiCoO₂` → `LiCoO2`). */
export function unsubscript(text: string): string {
  return text.replace(/[₀-₉]/g, (d) => String(subscriptDigits.indexOf(d)));
}

/** Distinct strings, first spelling kept, compared without case and surrounding space. */
function distinct(list: (string | undefined)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of list) {
    const s = raw?.trim();
    if (!s || seen.has(s.toLowerCase())) continue;
    seen.add(s.toLowerCase());
    out.push(s);
  }
  return out;
}

/** What a material or technique is searched by: its own names (weighted highest), and the other written forms. */
export interface SearchTerms {
  /** Name, formula (plain and with subscripts) and abbreviations: what the page is the answer for. */
  names: string[];
  /** Other names and written forms, and their derived spellings. */
  aliases: string[];
}

/** A formula written as ASCII letters, digits, brackets and decimal points (no spaces, charges or variables' signs). */
const asciiFormula = /^[A-Za-z0-9().\[\]]+$/;
const subscriptedFormula = /^[A-Za-z0-9().\[\]₀-₉]+$/;

/** An alias and, if it is a formula, its other spelling (ASCII digits or Unicode subscripts). */
function spellings(alias: string): string[] {
  if (asciiFormula.test(alias) && /\d/.test(alias)) return [alias, subscriptFormula(alias)];
  if (subscriptedFormula.test(alias) && /[₀-₉]/.test(alias)) return [alias, unsubscript(alias)];
  return [alias];
}

/**
 * Every written form a reader may search a material by: name, formula (plain and subscript), abbreviations, aliases.
 * With `sharedFormula`, the formula is another material's too and not among this one's names (`sharedFormulas`).
 */
export function materialSearchTerms(m: { name: string; formula: string; abbreviations: string[]; aliases: string[] }, sharedFormula = false): SearchTerms {
  const plain = plainFormula(m.formula);
  const names = distinct([m.name, ...(sharedFormula ? [] : [plain, subscriptFormula(plain)]), ...m.abbreviations]);
  const own = new Set(names.map((n) => n.toLowerCase()));
  return { names, aliases: distinct(m.aliases.flatMap(spellings)).filter((a) => !own.has(a.toLowerCase())) };
}

/** Every written form a reader may search a technique by: abbreviation, name and aliases. */
export function techniqueSearchTerms(t: { name: string; abbreviation?: string | undefined; aliases: string[] }): SearchTerms {
  const names = distinct([t.abbreviation, t.name]);
  const own = new Set(names.map((n) => n.toLowerCase()));
  return { names, aliases: distinct(t.aliases).filter((a) => !own.has(a.toLowerCase())) };
}

/**
 * Inline HTML (a title as the pages set it) as text with its sub- and superscripts marked `_{…}` and `^{…}`, for
 * the search results to draw them (src/shared/search-names.ts, `titlePieces`); other elements give their text.
 * Undefined when it has no sub- or superscript, or holds KaTeX's output, which has no such simple reading. Pure.
 */
export function markedTitle(html: string): string | undefined {
  const root = parseHtml(html);
  if (root.querySelector('.katex') || !root.querySelector('sub, sup')) return undefined;
  const text = (node: HtmlNode): string => {
    if (node instanceof HTMLElement) {
      const inner = node.childNodes.map(text).join('');
      return node.tagName === 'SUB' ? `_{${inner}}` : node.tagName === 'SUP' ? `^{${inner}}` : inner;
    }
    return node.text;
  };
  return root.childNodes.map(text).join('');
}

/**
 * Where several materials share a formula (a material and its tetragonal form, the forms of carbon), the formula
 * names only those that also list it among their aliases; for the others it is no name of theirs: a reader who
 * types Li7La3Zr2O12 means LLZO, which lists it, not tetragonal LLZO. Returns the materials' ids whose formula is
 * shared and not listed. Pure.
 */
export function sharedFormulas(materials: readonly { id: string; data: { formula: string; aliases: string[] } }[]): Set<string> {
  const byFormula = new Map<string, string[]>();
  for (const m of materials) byFormula.set(plainFormula(m.data.formula), [...(byFormula.get(plainFormula(m.data.formula)) ?? []), m.id]);
  return new Set(
    materials
      .filter((m) => byFormula.get(plainFormula(m.data.formula))!.length > 1)
      .filter((m) => !m.data.aliases.map(unsubscript).includes(plainFormula(m.data.formula)))
      .map((m) => m.id),
  );
}
