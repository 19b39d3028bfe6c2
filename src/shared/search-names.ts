// Names a page is the answer for, and titles with their sub- and superscripts, as the build writes them into a
// page's Pagefind metadata and the search interface reads them back. Shared by the build and the browser.

/** Between the names in a page's `names` metadata. */
export const namesSeparator = ' | ';

/**
 * The form a name and a query are compared in: Unicode's compatibility forms (LiCoO₂ → LiCoO2, Co⁴⁺ → Co4+), lower
 * case, every dash and minus a hyphen, single spaces.
 */
export function nameKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[‐‑‒–—−]/g, '-').replace(/\s+/g, ' ').trim();
}

/** Whether the query is one of the names listed (as the build wrote them into a page's `names` metadata). */
export function namedBy(query: string, names: string | undefined): boolean {
  if (!names) return false;
  const key = nameKey(query);
  return names.split(namesSeparator).some((name) => nameKey(name) === key);
}

/** A piece of a marked title: text, or the text of a sub- or superscript. */
export interface TitlePiece {
  text: string;
  script?: 'sub' | 'sup';
}

/**
 * A title whose sub- and superscripts are marked `_{…}` and `^{…}` (the build's `title_marked` metadata), in
 * pieces. Pagefind reads the marks as punctuation, so the marked title is indexed as the plain one.
 */
export function titlePieces(marked: string): TitlePiece[] {
  const pieces: TitlePiece[] = [];
  let at = 0;
  for (const m of marked.matchAll(/([_^])\{([^{}]*)\}/g)) {
    if (m.index > at) pieces.push({ text: marked.slice(at, m.index) });
    pieces.push({ text: m[2]!, script: m[1] === '_' ? 'sub' : 'sup' });
    at = m.index + m[0].length;
  }
  if (at < marked.length) pieces.push({ text: marked.slice(at) });
  return pieces;
}
