// The edition's one reader of mhchem notation (`\ce{…}` bodies and the `tex` of reactions). It reads a species or a
// reaction into pieces once; the HTML of the text (text-formula.ts), the plain text of the index and metadata
// (plain-text.ts) and the Unicode of diagrams and search terms (below) are all written from those pieces. Pure.

/** One piece of a species as it is set. */
export type Piece =
  /** Element symbols, brackets, commas, a couple's slash, a coefficient, the electron's e. */
  | { kind: 'text'; value: string }
  /** A count after a symbol or bracket (`2` of Li2O: `group` false), or a written subscript (`_{1+x}`, `_x`). */
  | { kind: 'sub'; value: string; group: boolean }
  /** A charge (`+`, `3+`, `-`). */
  | { kind: 'sup'; value: string }
  /** The hyphen that joins the parts of a system (`75Li2S-25P2S5`). */
  | { kind: 'bond' };

/** One term of an expression: a species, an operator between species, an arrow, or a coefficient in `$…$`. */
export type Token =
  | { kind: 'species'; pieces: Piece[] }
  | { kind: 'operator'; value: '+' | '-' }
  | { kind: 'arrow' }
  | { kind: 'math'; tex: string };

/**
 * A species or a system of species in mhchem notation, made of element symbols, brackets, commas, counts, `_{…}`
 * subscripts and an optional final charge (`Li2O`, `Li_{7-3x}Al_xLa3Zr2O12`, `(PO4)3`, `Co^{3+}`, `Li+`), with an
 * optional leading coefficient (`2Li2O`), joined into a system (`75Li2S-25P2S5`) or a couple (`Li/Li+`); or the
 * electron (`e-`, `2e-`). Anything else (spaces, arrows, states, adducts) is undefined.
 */
export function readSpecies(body: string): Piece[] | undefined {
  const electron = /^(\d*)e(?:-|\^-|\^\{-\})$/.exec(body);
  if (electron) return [{ kind: 'text', value: `${electron[1]}e` }, { kind: 'sup', value: '-' }];
  const out: Piece[] = [];
  const token = /([A-Z][a-z]?)|([(),])|([/])|(\d+(?:\.\d+)?)|_\{([\d.,+\-a-zδ]+)\}|_([\da-zδ])|(-)(?=[\dA-Z(])|\^\{?(\d*[+-])\}?$|([+-])$/y;
  let at = 0;
  // What a number means here: a count after a symbol or ")", a coefficient at the start of a species.
  let place: 'species' | 'after-symbol' | 'inside' = 'species';
  while (at < body.length) {
    token.lastIndex = at;
    const m = token.exec(body);
    if (!m) return undefined;
    at = token.lastIndex;
    const [, symbol, punct, slash, count, braced, single, bond, charge, sign] = m;
    if (symbol ?? punct ?? slash) out.push({ kind: 'text', value: (symbol ?? punct ?? slash)! });
    else if (bond) out.push({ kind: 'bond' });
    else if (count !== undefined) {
      if (place === 'inside') return undefined;
      out.push(place === 'species' ? { kind: 'text', value: count } : { kind: 'sub', value: count, group: false });
    } else if (braced !== undefined || single !== undefined) out.push({ kind: 'sub', value: (braced ?? single)!, group: true });
    else out.push({ kind: 'sup', value: (charge ?? sign)! });
    place = slash || bond ? 'species' : symbol || punct === ')' ? 'after-symbol' : 'inside';
  }
  // Ending in a bond or a slash, or holding no element, it is not a species.
  if (place === 'species' || !out.some((p) => p.kind === 'text' && /[A-Z]/.test(p.value))) return undefined;
  return out;
}

/**
 * An mhchem expression: one species, or species joined by ` + `, ` - ` and ` -> ` (`Li + LiCoO2 -> CoO + Li2O`,
 * `LiTiS2 -> TiS -> Ti2S -> Ti`), each term with an optional coefficient in `$…$` (`$x$Li+`, `$(1-x)$FePO4`).
 * Undefined when a term is not a species.
 */
export function readChem(body: string): Token[] | undefined {
  const terms = body.trim().split(/\s+/);
  const out: Token[] = [];
  for (const term of terms) {
    if (term === '->') out.push({ kind: 'arrow' });
    else if (term === '+' || term === '-') out.push({ kind: 'operator', value: term });
    else {
      const [, tex, rest = term] = /^\$([^$]+)\$(.*)$/.exec(term) ?? [];
      if (tex !== undefined) out.push({ kind: 'math', tex });
      const pieces = readSpecies(rest);
      if (!pieces) return undefined;
      out.push({ kind: 'species', pieces });
    }
  }
  return out.length > 0 ? out : undefined;
}

/** A piece written on the line: counts and charges as digits and signs, a system's bond as a hyphen. */
const onTheLine = (p: Piece) => (p.kind === 'bond' ? '-' : p.value);

/** Terms joined as text: operators and arrows between spaces, a coefficient's math read plain. */
function joinTokens(tokens: Token[], species: (pieces: Piece[]) => string): string {
  return tokens
    .map((t) => (t.kind === 'species' ? species(t.pieces) : t.kind === 'arrow' ? ' → ' : t.kind === 'operator' ? ` ${t.value} ` : `\u0000${t.tex.replace(/[{}\\]/g, '')}`))
    .join('')
    .replace(/\u0000/g, '');
}

/** An mhchem expression as plain text (`Li_{6.75}La3` → `Li6.75La3`, `Li2O2 -> LiO2` → `Li2O2 → LiO2`); undefined if unread. */
export function chemPlain(body: string): string | undefined {
  const tokens = readChem(body);
  return tokens && joinTokens(tokens, (pieces) => pieces.map(onTheLine).join(''));
}

const SUP: Record<string, string> = { 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '-': '⁻', '+': '⁺', '−': '⁻' };
const SUB: Record<string, string> = {
  0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', '.': '.',
  '+': '₊', '-': '₋', '−': '₋', '(': '₍', ')': '₎', x: 'ₓ', n: 'ₙ',
};
/** Characters in a Unicode script, or undefined when one of them has none (y, z, a comma …). */
const scripted = (value: string, table: Record<string, string>) => {
  const chars = [...value].map((c) => table[c]);
  return chars.every((c) => c !== undefined) ? chars.join('') : undefined;
};
/** A script table read back (`₂` → `2`, `₋` → `-`), the point left out: it is the same on the line. */
const readBack = (table: Record<string, string>) => {
  const back: Record<string, string> = {};
  for (const [plain, char] of Object.entries(table)) if (char !== plain) back[char] ??= plain;
  return back;
};
/** The Unicode sub- and superscript characters of the tables above, each with what it stands for. */
export const scriptCharacters = { sub: readBack(SUB), sup: readBack(SUP) };
/** `value` in Unicode superscripts (`-2` → `⁻²`), or undefined when a character has none. */
export const superscript = (value: string) => scripted(value, SUP);
/** `value` in Unicode subscripts (`6.75` → `₆.₇₅`), or undefined when a character has none. */
export const subscript = (value: string) => scripted(value, SUB);

/**
 * An mhchem expression in Unicode (`LiCoO2` → `LiCoO₂`, `Li+` → `Li⁺`, `Li_{1+x}` → `Li₁₊ₓ`) with `exact` false when
 * a written subscript has a character Unicode cannot lower: then every written subscript stays on the line
 * (`LiNxOy`, never the misleading `LiNₓOy`), counts still lowered. Undefined if unread.
 */
export function chemUnicode(body: string): { text: string; exact: boolean } | undefined {
  const tokens = readChem(body);
  if (!tokens) return undefined;
  const pieces = tokens.flatMap((t) => (t.kind === 'species' ? t.pieces : []));
  const exact = pieces.every((p) => p.kind !== 'sub' || !p.group || subscript(p.value) !== undefined);
  const piece = (p: Piece) =>
    p.kind === 'sub' ? (p.group && !exact ? p.value : subscript(p.value) ?? p.value) : p.kind === 'sup' ? (superscript(p.value) ?? p.value) : onTheLine(p);
  return { text: joinTokens(tokens, (ps) => ps.map(piece).join('')), exact };
}
