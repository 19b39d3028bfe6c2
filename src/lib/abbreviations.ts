import rehypeAbbreviations, { type Abbreviation, type AbbreviationOptions } from '../plugins/rehype-abbreviations';
import rehypeLinkOnce, { type LinkOnceOptions } from '../plugins/rehype-link-once';
import { htmlTransform } from './html-fragment';
import { texToPlain } from './plain-text';
import type { GlossaryData } from '../schemas/glossary';

/** A glossary term's expansion as plain text, for an `<abbr title>` (`$\ce{LiCoO2}$` → `LiCoO2`). */
export const plainExpansion = (data: GlossaryData): string => texToPlain(data.expansion);

/** The glossary's abbreviations with their expansions as plain text. */
export function glossaryAbbreviations(glossary: readonly { data: GlossaryData }[]): Abbreviation[] {
  return glossary.map(({ data }) => ({ id: data.id, term: data.term, expansion: plainExpansion(data) }));
}

/**
 * HTML of a page's prose in, the same HTML with the first use of each abbreviation marked out, and each material,
 * technique, cell and term linked once (in the text, and in each study card): rehype-abbreviations, then
 * rehype-link-once, run over rendered HTML, so that they see the page as the reader does (summary, study cards and
 * body together, whichever component wrote them).
 */
export function abbreviationMarker(options: AbbreviationOptions & Partial<LinkOnceOptions>): (html: string) => string {
  return htmlTransform([
    [rehypeAbbreviations, { ...options, pages: options.prefixes ?? [] }],
    [rehypeLinkOnce, { prefixes: [...(options.prefixes ?? []), options.href('')] }],
  ]);
}

const markers = new WeakMap<object, (html: string) => string>();

/**
 * `abbreviationMarker` for a glossary (the content graph's), made once per glossary and reused by every page;
 * `prefixes` are the URL prefixes of the record pages (materials, techniques, cells) linked once, with the glossary.
 */
export function markAbbreviations(html: string, glossary: readonly { data: GlossaryData }[], href: (id: string) => string, prefixes: readonly string[] = []): string {
  let mark = markers.get(glossary);
  if (!mark) markers.set(glossary, (mark = abbreviationMarker({ abbreviations: glossaryAbbreviations(glossary), href, prefixes })));
  return mark(html);
}
